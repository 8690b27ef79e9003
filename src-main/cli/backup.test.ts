import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess, serveProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'
import { describeSnapshot, listSnapshots } from '../backup/snapshots'
import { fetchCommand } from '../../tests/support/http-client'

describe('race-office backup', () => {
  it('copies an event the office has open and is writing to, checks the copy, and never overwrites', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const file = join(dir, 'seoul.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])).code).toBe(0)
    const served = await serveProcess(file)
    try {
      let seq = 0
      let writing = true
      const captures = (async () => {
        while (writing)
          await fetchCommand(served.origin, served.token, 'timing.capture', {
            device: 'timer',
            seq: ++seq,
            point: 'finish',
            atMs: Date.UTC(2025, 3, 6, 1) + seq,
          })
      })()
      while (seq < 20) await new Promise((resolve) => setTimeout(resolve, 20))
      const folder = join(dir, 'usb')
      const run = await runCliProcess(['backup', file, dir, '--json'])
      writing = false
      await captures
      expect(run.code).toBe(0)
      const copy = JSON.parse(run.stdout) as { file: string; ok: boolean; captures: number; schemaVersion: number }
      expect(copy).toMatchObject({ ok: true, schemaVersion: expect.any(Number) })
      expect(copy.captures).toBeGreaterThanOrEqual(20)
      expect(copy.file).toMatch(/seoul-\d{8}-\d{6}-\d{3}\.raceoffice$/)
      const again = await runCliProcess(['backup', file, copy.file])
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/already exists/)
      expect((await runCliProcess(['backup', file, join(folder, 'nowhere', 'x.raceoffice')])).stderr).toMatch(/There is no folder/)
      expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([])
      expect(existsSync(copy.file)).toBe(true)
    } finally {
      await served.stop()
    }
  })

  it('race-office serve --backups keeps a snapshot of what was written when it closes', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const file = join(dir, 'seoul.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])).code).toBe(0)
    const backups = join(dir, 'backups')
    const served = await serveProcess(file, ['--backups', backups])
    expect((await fetchCommand(served.origin, served.token, 'entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Kim', sex: 'F', bib: 7 })).ok).toBe(
      true,
    )
    expect(await served.stop()).toBe(0)
    const [last] = listSnapshots(backups, file)
    expect(last).toBeDefined()
    expect(describeSnapshot(last!.path)).toMatchObject({ ok: true, entrants: 1 })
    expect((await runCliProcess(['serve', file, '--second-backups', dir])).code).toBe(2)
  })
})
