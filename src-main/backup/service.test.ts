import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openOffice } from '../office/office'
import { createRouter } from '../router/router'
import { desk, organiser, tempDir, tempRouter } from '../../tests/support/temp-event'
import type { BackupSchedule } from './schedule'
import { unwrap } from '../../tests/support/results'

async function officeWithBackups() {
  const office = await tempRouter({ backups: true })
  const schedule = office.backups as BackupSchedule
  await office.router.call('races.create', { name: '10K', distanceM: 10000 }, organiser)
  await office.router.call('entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Kim', sex: 'F' }, organiser)
  await schedule.snapshot()
  return { ...office, schedule }
}

describe('backups in the office', () => {
  it('says when the last backup was taken and lists each with what it holds', async () => {
    const { router } = await officeWithBackups()
    expect(await router.call('backups.status', {}, organiser)).toMatchObject({
      ok: true,
      value: { on: true, lastAtMs: expect.any(Number), second: null, error: null },
    })
    const listed = await router.call('backups.list', {}, organiser)
    expect(listed).toMatchObject({
      ok: true,
      value: [{ folder: 'primary', entrants: 1, checkins: 0, captures: 0, name: expect.stringMatching(/^event-\d{8}-\d{6}-\d{3}\.raceoffice$/) }],
    })
    expect(await router.call('backups.list', {}, desk)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
  })

  it('verifies a backup with integrity_check and the schema version, and finds a damaged one', async () => {
    const { router, schedule } = await officeWithBackups()
    const path = schedule.status().lastPath as string
    const name = path.split('/').pop() as string
    expect(await router.call('backups.verify', { name, folder: 'primary' }, organiser)).toMatchObject({
      ok: true,
      value: { ok: true, problem: null, schemaVersion: expect.any(Number), entrants: 1 },
    })
    writeFileSync(path, readFileSync(path).subarray(0, 4096 * 2))
    expect(await router.call('backups.verify', { name, folder: 'primary' }, organiser)).toMatchObject({
      ok: true,
      value: { ok: false, problem: expect.any(String) },
    })
    expect(await router.call('backups.restore', { name, folder: 'primary' }, organiser)).toMatchObject({ ok: false, error: { code: 'BACKUP_DAMAGED' } })
    expect(await router.call('backups.verify', { name: 'other-20250406-060000-000.raceoffice', folder: 'primary' }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('restores a backup as a new file beside the event and, on the desktop, opens it after answering', async () => {
    const { file, schedule } = await officeWithBackups()
    const opened: string[] = []
    const router = createRouter({ db: file.db, sqlite: file.sqlite, backups: schedule, openEvent: async (path) => void opened.push(path), logError: () => {} })
    const name = (schedule.status().lastPath as string).split('/').pop() as string
    const restored = unwrap(await router.call('backups.restore', { name, folder: 'primary', open: true }, organiser))
    expect(restored.opened).toBe(true)
    expect(dirname(restored.path)).toBe(dirname(file.path))
    expect(existsSync(restored.path)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(opened).toEqual([restored.path])
  })

  it('keeps the chosen second folder with the event, and refuses a folder that is not there', async () => {
    const dir = tempDir()
    const path = join(dir, 'event.raceoffice')
    const stick = tempDir()
    const first = await openOffice(path, { backups: { primary: join(dir, 'backups') } })
    expect(await first.router.call('backups.setSecondFolder', { folder: join(stick, 'missing') }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FOLDER_MISSING' },
    })
    expect(await first.router.call('backups.setSecondFolder', { folder: 'relative/folder' }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FOLDER_MISSING' },
    })
    expect(await first.router.call('backups.setSecondFolder', { folder: stick }, organiser)).toMatchObject({
      ok: true,
      value: { second: { folder: stick, present: true } },
    })
    await first.close()
    const again = await openOffice(path, { backups: { primary: join(dir, 'backups') } })
    try {
      expect(again.backups?.status().second).toMatchObject({ folder: stick })
      const listed = await again.router.call('backups.list', {}, organiser)
      expect(listed.ok && listed.value.map((b) => b.folder).sort()).toEqual(['primary', 'second'])
    } finally {
      await again.close()
    }
  })

  it('has nothing to list or set where the office takes no backups', async () => {
    const { router } = await tempRouter()
    expect(await router.call('backups.status', {}, organiser)).toMatchObject({ ok: true, value: { on: false } })
    expect(await router.call('backups.list', {}, organiser)).toMatchObject({ ok: true, value: [] })
    expect(await router.call('backups.setSecondFolder', { folder: tempDir() }, organiser)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE_HERE' } })
  })
})
