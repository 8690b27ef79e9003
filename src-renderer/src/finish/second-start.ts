import type { RaceClock } from '../../../src-shared/contract/timing'

/** A start this soon after another is asked about: a nervous second press of F8 is not a gun. */
export const secondStartWindowMs = 120_000

/**
 * The race (wave) started within the window before `nowMs`, when starting another now needs a
 * deliberate step — unless the official chose the next race by hand since that start.
 */
export function recentStart(clocks: readonly RaceClock[], nowMs: number, chosenAtMs: number | null): RaceClock | null {
  let latest: RaceClock | null = null
  for (const c of clocks) if (c.gunAtMs !== null && (latest === null || c.gunAtMs > (latest.gunAtMs as number))) latest = c
  if (latest === null) return null
  const gun = latest.gunAtMs as number
  if (nowMs - gun > secondStartWindowMs) return null
  return chosenAtMs !== null && chosenAtMs >= gun ? null : latest
}
