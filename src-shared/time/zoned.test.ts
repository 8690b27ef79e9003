import { describe, expect, it } from 'vitest'
import { instantOfWallTime, wallTimeAt } from './zoned'

describe('wall-clock times in the event zone', () => {
  it('reads a time of day in a zone without daylight saving', () => {
    expect(instantOfWallTime('2025-04-06', '08:00', 'Asia/Pyongyang')).toBe(Date.UTC(2025, 3, 5, 23, 0))
    expect(instantOfWallTime('2025-04-06', '10:15:03.686', 'Asia/Pyongyang')).toBe(Date.UTC(2025, 3, 6, 1, 15, 3, 686))
  })

  it('shows an instant as the zone clock shows it', () => {
    expect(wallTimeAt(Date.UTC(2025, 3, 5, 23, 0), 'Asia/Pyongyang')).toEqual({ date: '2025-04-06', time: '08:00:00' })
    expect(wallTimeAt(Date.UTC(2025, 3, 6, 1, 0), 'America/New_York')).toEqual({ date: '2025-04-05', time: '21:00:00' })
  })

  it('round-trips across both sides of a daylight-saving change', () => {
    for (const [date, time] of [
      ['2025-03-09', '01:30:00'],
      ['2025-03-09', '03:30:00'],
      ['2025-11-02', '00:30:00'],
      ['2025-11-02', '02:30:00'],
      ['2025-06-15', '12:00:00'],
    ] as const) {
      const ms = instantOfWallTime(date, time, 'America/New_York')
      expect(ms).not.toBeNull()
      expect(wallTimeAt(ms as number, 'America/New_York')).toEqual({ date, time })
    }
  })

  it('takes the first of a repeated autumn hour', () => {
    expect(instantOfWallTime('2025-11-02', '01:30', 'America/New_York')).toBe(Date.UTC(2025, 10, 2, 5, 30))
  })

  it('reads a skipped spring time with the offset before the change', () => {
    expect(instantOfWallTime('2025-03-09', '02:30', 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 7, 30))
  })

  it('refuses times and dates that do not exist on any clock', () => {
    expect(instantOfWallTime('2025-02-30', '08:00', 'UTC')).toBeNull()
    expect(instantOfWallTime('2025-04-06', '24:00', 'UTC')).toBeNull()
    expect(instantOfWallTime('2025-04-06', '8h', 'UTC')).toBeNull()
  })
})
