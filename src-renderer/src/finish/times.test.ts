import { describe, expect, it } from 'vitest'
import { elapsed, sinceLatestGun, timeOfDay } from './times'

describe('finish-line times on screen', () => {
  it('shows instants as the event’s time of day with milliseconds', () => {
    expect(timeOfDay(Date.UTC(2025, 3, 6, 1, 42, 13, 217), 'Asia/Seoul')).toBe('10:42:13.217')
    expect(timeOfDay(Date.UTC(2025, 3, 6, 1, 42, 13, 5), 'Asia/Seoul')).toBe('10:42:13.005')
  })

  it('shows elapsed time in hours, minutes, seconds and tenths, counting down before the gun', () => {
    expect(elapsed(3_723_456)).toBe('1:02:03.4')
    expect(elapsed(3_723_456, 3)).toBe('1:02:03.456')
    expect(elapsed(59_999, 0)).toBe('0:00:59')
    expect(elapsed(-1_500)).toBe('−0:00:01.5')
  })

  it('gives a time without a bib its race time from the latest gun before it', () => {
    const guns = [
      { name: 'Marathon', gunAtMs: 1_000 },
      { name: 'Half', gunAtMs: 900_000 },
      { name: '10K', gunAtMs: null },
    ]
    expect(sinceLatestGun(2_000_000, guns)).toEqual({ elapsedMs: 1_100_000, race: 'Half' })
    expect(sinceLatestGun(500_000, guns)).toEqual({ elapsedMs: 499_000, race: 'Marathon' })
    expect(sinceLatestGun(500, guns)).toBeNull()
  })
})
