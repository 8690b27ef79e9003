import { describe, expect, it } from 'vitest'
import { formatResultTime, pacePerKm } from './format'

describe('result times as published', () => {
  it('writes hours only from an hour on, and tenths or hundredths where the race ranks on them', () => {
    expect(formatResultTime(2 * 3600_000 + 5 * 60_000 + 32_000, 's')).toBe('2:05:32')
    expect(formatResultTime(45 * 60_000 + 4_000, 's')).toBe('45:04')
    expect(formatResultTime(9_580, 'cs')).toBe('0:09.58')
    expect(formatResultTime(12 * 60_000 + 3_400, 'ds')).toBe('12:03.4')
    expect(formatResultTime(null, 's')).toBe('')
    expect(formatResultTime(-4_000, 's')).toBe('−0:04')
  })

  it('gives the pace per kilometre', () => {
    expect(pacePerKm(42 * 60_000, 10_000)).toBe('4:12')
    expect(pacePerKm(null, 10_000)).toBe('')
  })
})
