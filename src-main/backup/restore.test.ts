import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEventFile } from '../db/open'
import { organiser, tempDir, tempRouter } from '../../tests/support/temp-event'
import { CommandError } from '../../src-shared/contract/errors'
import { backupToOffer, eventBackups, latestGoodBackup, restoreAsNewFile, restoredPath } from './restore'
import { snapshotInto } from './snapshots'

async function eventWithBackups() {
  const office = await tempRouter()
  await office.router.call('races.create', { name: '10K', distanceM: 10000 }, organiser)
  const primary = tempDir()
  const second = tempDir()
  await office.router.call('entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Kim', sex: 'F' }, organiser)
  const older = await snapshotInto(office.file.sqlite, office.file.path, primary, Date.UTC(2025, 3, 6, 6, 0))
  await office.router.call('entrants.create', { raceId: 1, givenName: 'Bo', familyName: 'Lee', sex: 'M' }, organiser)
  const newer = await snapshotInto(office.file.sqlite, office.file.path, second, Date.UTC(2025, 3, 6, 6, 5))
  return { ...office, folders: { primary, second }, older, newer }
}

describe('restoring a backup', () => {
  it('lists the backups of both folders newest first and picks the newest good one', async () => {
    const { file, folders, older, newer } = await eventWithBackups()
    expect(eventBackups(folders, file.path)).toEqual([
      { path: newer, takenAtMs: Date.UTC(2025, 3, 6, 6, 5), folder: 'second' },
      { path: older, takenAtMs: Date.UTC(2025, 3, 6, 6, 0), folder: 'primary' },
    ])
    expect(latestGoodBackup(folders, file.path)).toMatchObject({ path: newer, summary: { ok: true, entrants: 2 } })
  })

  it('passes over a damaged newest backup to the one before it', async () => {
    const { file, folders, older, newer } = await eventWithBackups()
    const bytes = readFileSync(newer)
    writeFileSync(newer, bytes.subarray(0, 4096 * 2))
    expect(latestGoodBackup(folders, file.path)).toMatchObject({ path: older, summary: { ok: true, entrants: 1 } })
    await expect(restoreAsNewFile(newer, file.path, Date.UTC(2025, 3, 6, 6, 5))).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' })
    expect(existsSync(restoredPath(file.path, Date.UTC(2025, 3, 6, 6, 5)))).toBe(false)
  })

  it('opens the restored copy as a new file beside the event, never over it', async () => {
    const { file, newer } = await eventWithBackups()
    const before = readFileSync(file.path)
    const { path: restored, summary } = await restoreAsNewFile(newer, file.path, Date.UTC(2025, 3, 6, 6, 5))
    expect(summary).toMatchObject({ ok: true, entrants: 2 })
    expect(dirname(restored)).toBe(dirname(file.path))
    expect(basename(restored)).toBe('event (restored 2025-04-06 06.05).raceoffice')
    expect(readFileSync(file.path).equals(before)).toBe(true)
    const { path: again } = await restoreAsNewFile(newer, file.path, Date.UTC(2025, 3, 6, 6, 5))
    expect(basename(again)).toBe('event (restored 2025-04-06 06.05, 2).raceoffice')
    expect(restoredPath(file.path, Date.UTC(2025, 3, 6, 6, 5))).toMatch(/, 3\)\.raceoffice$/)
    const opened = await openEventFile(restored)
    try {
      expect(opened.sqlite.prepare('select given_name from entrant order by given_name').pluck().all()).toEqual(['Ana', 'Bo'])
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })

  it('is offered when the file itself is the problem (damaged, not an event, newer), not when it is only in use', async () => {
    const { file, folders, newer } = await eventWithBackups()
    for (const code of ['FILE_DAMAGED', 'NOT_AN_EVENT_FILE', 'FILE_FROM_NEWER_VERSION'] as const) {
      expect(backupToOffer(new CommandError(code, 'x'), folders, file.path)).toMatchObject({ path: newer })
    }
    expect(backupToOffer(new CommandError('FILE_IN_USE', 'x'), folders, file.path)).toBeNull()
    expect(backupToOffer(new Error('x'), folders, file.path)).toBeNull()
    expect(backupToOffer(new CommandError('FILE_DAMAGED', 'x'), { primary: tempDir() }, file.path)).toBeNull()
  })
})
