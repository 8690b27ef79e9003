import type { TimePrecision } from '../contract/result-rules'

const decimals: Record<TimePrecision, number> = { s: 0, ds: 1, cs: 2 }

/**
 * A result time as results are published: H:MM:SS from an hour on, M:SS below, with tenths or
 * hundredths where the race ranks on them. The time is already rounded up; this only writes it.
 */
export function formatResultTime(ms: number | null, precision: TimePrecision): string {
  if (ms === null) return ''
  const sign = ms < 0 ? '−' : ''
  const abs = Math.abs(ms)
  const places = decimals[precision]
  const whole = Math.floor(abs / 1000)
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const seconds = whole % 60
  const fraction = places === 0 ? '' : `.${String(Math.floor((abs % 1000) / 10 ** (3 - places))).padStart(places, '0')}`
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${sign}${hours}:${String(minutes).padStart(2, '0')}:${ss}${fraction}` : `${sign}${minutes}:${ss}${fraction}`
}

/** Pace per kilometre of a finish time (M:SS /km), or '' without a distance. */
export function pacePerKm(ms: number | null, distanceM: number): string {
  if (ms === null || distanceM <= 0) return ''
  const perKm = Math.round(ms / (distanceM / 1000) / 1000)
  return `${Math.floor(perKm / 60)}:${String(perKm % 60).padStart(2, '0')}`
}

/** An age grade as published: two decimals and the per cent sign (82.31 %). */
export function formatAgeGrade(pct: number | null): string {
  return pct === null ? '' : `${pct.toFixed(2)} %`
}
