import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { organiser, tempDir, tempRouter } from '../../tests/support/temp-event'
import { BackupSchedule } from './schedule'
import { describeSnapshot, listSnapshots } from './snapshots'

describe('automatic snapshots', () => {
  it('takes a snapshot only when something was written, to both folders, and says when the second one is missing', async () => {
    const { router, file } = await tempRouter()
    const primary = tempDir()
    const stick = join(tempDir(), 'USB')
    mkdirSync(stick)
    let now = Date.UTC(2025, 3, 6, 6)
    const schedule = new BackupSchedule(file.sqlite, file.path, { primary, second: stick }, 60_000, () => now)
    await router.call('races.create', { name: '10K', distanceM: 10000 }, organiser)
    await schedule.snapshot()
    expect(listSnapshots(primary, file.path)).toHaveLength(1)
    expect(listSnapshots(stick, file.path)).toHaveLength(1)
    now += 60_000
    await schedule.snapshot()
    expect(listSnapshots(primary, file.path)).toHaveLength(1)

    rmSync(stick, { recursive: true })
    await router.call('races.create', { name: 'Half', distanceM: 21097 }, organiser)
    await schedule.close()
    const status = schedule.status()
    expect(status).toMatchObject({ lastAtMs: now, error: null, second: { present: false, lastAtMs: Date.UTC(2025, 3, 6, 6) } })
    const newest = listSnapshots(primary, file.path)[0]!
    expect(describeSnapshot(newest.path)).toMatchObject({ ok: true })
  })

  it('reports a folder it cannot write to instead of failing the office', async () => {
    const { router, file } = await tempRouter()
    const blocked = join(tempDir(), 'file-not-folder')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(blocked, 'x')
    const schedule = new BackupSchedule(file.sqlite, file.path, { primary: blocked })
    await router.call('races.create', { name: '10K', distanceM: 10000 }, organiser)
    await schedule.snapshot()
    expect(schedule.status()).toMatchObject({ lastAtMs: null, error: expect.stringMatching(/EEXIST|ENOTDIR|exists|not a directory/) })
  })
})
