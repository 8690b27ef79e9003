import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
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
    const schedule = new BackupSchedule(file.sqlite, file.path, { primary, second: stick }, () => now)
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

  it('once started, snapshots on its own every interval while the event changes, none while it is idle, and none after close', async () => {
    const { router, file } = await tempRouter()
    const primary = tempDir()
    const schedule = new BackupSchedule(file.sqlite, file.path, { primary, everyMs: 100 })
    schedule.start()
    const taken = (): number => listSnapshots(primary, file.path).length
    try {
      await router.call('races.create', { name: '10K', distanceM: 10000 }, organiser)
      await vi.waitFor(() => expect(taken()).toBe(1), { timeout: 5000, interval: 20 })
      const first = schedule.status().lastPath
      // Idle: several intervals go by and nothing new is written, so nothing new is taken.
      await new Promise((resolve) => setTimeout(resolve, 450))
      expect(taken()).toBe(1)
      await router.call('races.create', { name: 'Half', distanceM: 21097 }, organiser)
      await vi.waitFor(() => expect(schedule.status().lastPath).not.toBe(first), { timeout: 5000, interval: 20 })
      expect(describeSnapshot(schedule.status().lastPath ?? '')).toMatchObject({ ok: true })
    } finally {
      await schedule.close()
    }
    const closedWith = schedule.status().lastPath
    await router.call('races.create', { name: '5K', distanceM: 5000 }, organiser)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(schedule.status().lastPath).toBe(closedWith)
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
