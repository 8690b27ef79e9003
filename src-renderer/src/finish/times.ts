import { wallTimeAt } from '../../../src-shared/time/zoned'

/** 10:42:13.217 in the event's zone. */
export function timeOfDay(ms: number, timeZone: string): string {
  return `${wallTimeAt(ms, timeZone).time}.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`
}

/** 1:02:03.4 (tenths, as a finish clock shows); negative before the gun. */
export function elapsed(ms: number, digits: 0 | 1 | 3 = 1): string {
  const sign = ms < 0 ? '−' : ''
  const abs = Math.abs(ms)
  const total = Math.floor(abs / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const fraction =
    digits === 0
      ? ''
      : `.${String(abs % 1000)
          .padStart(3, '0')
          .slice(0, digits)}`
  return `${sign}${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${fraction}`
}

/**
 * A time nobody's bib is on yet still has a race time to show the gaps between finishers: from the
 * latest gun before it (the race most likely crossing), with that race's name.
 */
export function sinceLatestGun(atMs: number, guns: readonly { name: string; gunAtMs: number | null }[]): { elapsedMs: number; race: string } | null {
  let latest: { name: string; gunAtMs: number } | null = null
  for (const g of guns)
    if (g.gunAtMs !== null && g.gunAtMs <= atMs && (latest === null || g.gunAtMs > latest.gunAtMs)) latest = { name: g.name, gunAtMs: g.gunAtMs }
  return latest === null ? null : { elapsedMs: atMs - latest.gunAtMs, race: latest.name }
}
