import { describe, expect, it } from 'vitest'
import { snapshotsToKeep } from './rotation'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const now = Date.UTC(2025, 3, 6, 12, 0)

describe('which snapshots are kept', () => {
  it('keeps every snapshot of the last hour, one an hour for a day, one a day for a month', () => {
    const every5min = Array.from({ length: 12 * 48 }, (_, i) => ({ path: `s${i}`, takenAtMs: now - i * 5 * minute }))
    const kept = snapshotsToKeep(every5min, now)
    const ages = every5min.filter((s) => kept.has(s.path)).map((s) => now - s.takenAtMs)
    expect(ages.filter((a) => a < hour)).toHaveLength(12)
    expect(ages.filter((a) => a >= hour && a < day)).toHaveLength(24)
    expect(ages.filter((a) => a >= day).length).toBeLessThanOrEqual(2)
  })

  it('keeps the newest snapshot however old, and lets snapshots older than a month go', () => {
    const old = [
      { path: 'newest', takenAtMs: now - 40 * day },
      { path: 'older', takenAtMs: now - 41 * day },
      { path: 'week', takenAtMs: now - 45 * day },
    ]
    expect([...snapshotsToKeep(old, now)]).toEqual(['newest'])
    expect(snapshotsToKeep([], now).size).toBe(0)
  })
})
