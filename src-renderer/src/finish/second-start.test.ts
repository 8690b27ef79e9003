import { describe, expect, it } from 'vitest'
import type { RaceClock } from '../../../src-shared/contract/timing'
import { recentStart } from './second-start'

const clock = (race: string, gunAtMs: number | null): RaceClock => ({
  raceId: race.length,
  race,
  waveId: null,
  wave: null,
  distanceM: 42195,
  gunAtMs,
  history: [],
})
const now = 1_000_000_000

describe('a second start soon after the first', () => {
  it('is asked about for two minutes after the latest gun', () => {
    const clocks = [clock('Marathon', now - 5_000), clock('Half Marathon', null)]
    expect(recentStart(clocks, now, null)?.race).toBe('Marathon')
    expect(recentStart([clock('Marathon', now - 121_000), clock('Half Marathon', null)], now, null)).toBeNull()
  })

  it('needs no question once the official chose the next race by hand after that gun, or when nothing started yet', () => {
    expect(recentStart([clock('Marathon', now - 5_000)], now, now - 2_000)).toBeNull()
    expect(recentStart([clock('Marathon', now - 5_000)], now, now - 9_000)?.race).toBe('Marathon')
    expect(recentStart([clock('Marathon', null)], now, null)).toBeNull()
  })
})
