import type { BandAdaptation } from '../contract/result-rules'
import { bandLabel, type CategoryBand } from './categories'
import { countBelow } from '../sorted/count-below'

// Age bands fitted to the field of one sex in one race: a 40-44 band of 600 men is split into
// 40-41 and 42-44; a W75 band of two is merged into W70-74 beside it, making W70-79.

/** Ages from `from` up to `to` (exclusive; null: no end), named as the category shows it. */
export interface AgeBand {
  from: number
  to: number | null
  label: string
}

/** Seniors below 35, then five-year bands without end; what `categoryOf` does without bands. */
const seniorsUpTo = 35
const step = 5

/** The bands as set (World Athletics when none), up to the oldest age in the field. */
export function bandsAsSet(bands: readonly CategoryBand[] | null, oldest: number): AgeBand[] {
  if (bands === null || bands.length === 0) {
    const list: AgeBand[] = [{ from: 0, to: seniorsUpTo, label: 'SEN' }]
    for (let from = seniorsUpTo; from <= oldest; from += step) list.push({ from, to: from + step, label: String(from) })
    return list
  }
  const sorted = [...bands].sort((a, b) => a.fromAge - b.fromAge)
  const list: AgeBand[] = []
  const first = sorted[0] as CategoryBand
  if (first.fromAge > 0) list.push({ from: 0, to: first.fromAge, label: `U${first.fromAge}` })
  sorted.forEach((band, i) => list.push({ from: band.fromAge, to: sorted[i + 1]?.fromAge ?? null, label: bandLabel(sorted, i) }))
  return list
}

export function bandOf(bands: readonly AgeBand[], age: number): AgeBand {
  return bands.findLast((band) => band.from <= age) as AgeBand
}

/** The bands split or merged by how many of `ages` each holds; bands as set keep their names. */
export function adaptBands(asSet: readonly AgeBand[], ages: readonly number[], adaptation: BandAdaptation): AgeBand[] {
  const sorted = [...ages].sort((a, b) => a - b)
  const countIn = (band: AgeBand | Omit<AgeBand, 'label'>): number =>
    (band.to === null ? sorted.length : countBelow(sorted, band.to)) - countBelow(sorted, band.from)
  const named = (band: Omit<AgeBand, 'label'>): AgeBand => ({ ...band, label: labelOf(asSet, band) })
  if (adaptation.adapt === 'split') {
    const oldest = sorted.at(-1) ?? 0
    const done: AgeBand[] = []
    const queue = [...asSet]
    while (queue.length > 0) {
      const band = queue.shift() as AgeBand
      // Halves that both hold runners: a band is never cut into an empty one.
      const at =
        countIn(band) > adaptation.runners
          ? cutPoints(band, oldest).find((cut) => countIn({ ...band, to: cut }) > 0 && countIn({ ...band, from: cut }) > 0)
          : undefined
      if (at === undefined) done.push(band)
      else queue.unshift(named({ from: band.from, to: at }), named({ from: at, to: band.to }))
    }
    return done
  }
  const bands = asSet.filter((band) => countIn(band) > 0).map((band) => ({ band, count: countIn(band) }))
  for (;;) {
    if (bands.length < 2) break
    let smallest = -1
    bands.forEach((b, i) => {
      if (b.count < adaptation.runners && (smallest < 0 || b.count <= (bands[smallest] as { count: number }).count)) smallest = i
    })
    if (smallest < 0) break
    // Into the smaller neighbour, keeping bands even; the younger on a tie (older runners may run "down").
    const younger = bands[smallest - 1]
    const older = bands[smallest + 1]
    const into = younger !== undefined && (older === undefined || younger.count <= older.count) ? smallest - 1 : smallest + 1
    const [young, old] = into < smallest ? [bands[into], bands[smallest]] : [bands[smallest], bands[into]]
    const merged = named({ from: (young as { band: AgeBand }).band.from, to: (old as { band: AgeBand }).band.to })
    bands.splice(Math.min(into, smallest), 2, { band: merged, count: (young?.count ?? 0) + (old?.count ?? 0) })
  }
  return bands.map((b) => b.band)
}

/**
 * Where a band may be cut, best first: the seniors lose five years from the top at a time, the
 * open last band gives five years at a time, any other band is halved (or cut nearest its middle).
 */
function cutPoints(band: AgeBand, oldest: number): number[] {
  const cuts: number[] = []
  if (band.to === null) for (let at = band.from + step; at <= oldest; at += step) cuts.push(at)
  else if (band.from === 0) for (let at = band.to - step; at > 0; at -= step) cuts.push(at)
  else {
    const middle = band.from + Math.floor((band.to - band.from) / 2)
    for (let d = 0; d < band.to - band.from; d++)
      for (const at of d === 0 ? [middle] : [middle - d, middle + d]) if (at > band.from && at < band.to) cuts.push(at)
  }
  return cuts
}

function labelOf(asSet: readonly AgeBand[], band: Omit<AgeBand, 'label'>): string {
  const same = asSet.find((b) => b.from === band.from && b.to === band.to)
  if (same !== undefined) return same.label
  // Seniors stay seniors only up to 35: a band from birth that reaches further says how far.
  if (band.from === 0) return band.to === null ? 'OPEN' : asSet[0]?.label === 'SEN' && band.to <= seniorsUpTo ? 'SEN' : `U${band.to}`
  return band.to === null ? `${band.from}+` : `${band.from}-${band.to - 1}`
}
