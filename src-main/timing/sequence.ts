import type { CaptureWarning } from '../../src-shared/contract/timing'
import type { CaptureTable } from '../db/schema'

export type CaptureRow = CaptureTable
/** What the merge reads of a capture. */
export type SequenceRow = Pick<CaptureRow, 'id' | 'at_ms' | 'bib' | 'position' | 'state' | 'source'>

/** A time and the bib it counts for, after bibs typed in finish order are merged in. */
export interface Merged<Row extends SequenceRow = CaptureRow> {
  row: Row
  bib: number | null
  entry: Row | null
  /** 1-based place among active times; null for deleted times and for entries. */
  order: number | null
}

const byTime = (a: SequenceRow, b: SequenceRow): number => (a.at_ms as number) - (b.at_ms as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const byPosition = (a: SequenceRow, b: SequenceRow): number => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const isTime = (row: SequenceRow): boolean => row.at_ms !== null

/**
 * The finish order of one point. Active times in time order; a time typed with its bib keeps it,
 * and the bibs typed on their own (and gaps a shift put between them) go, in the order they were
 * typed, to the times without one. Entries left over wait for the next time.
 */
export function mergeSequence<Row extends SequenceRow>(rows: readonly Row[]): { times: Merged<Row>[]; waiting: Row[]; inactive: Row[] } {
  const times = rows.filter((r) => isTime(r) && r.state === 'active').sort(byTime)
  const entries = rows.filter((r) => !isTime(r) && r.state === 'active').sort(byPosition)
  const inactive = rows.filter((r) => r.state !== 'active')
  let next = 0
  const merged = times.map((row, index): Merged<Row> => {
    if (row.bib !== null) return { row, bib: row.bib, entry: null, order: index + 1 }
    const entry = entries[next] ?? null
    if (entry !== null) next++
    return { row, bib: entry?.bib ?? null, entry, order: index + 1 }
  })
  return { times: merged, waiting: entries.slice(next).filter((e) => e.source !== 'gap'), inactive }
}

/** What the desk needs to know about the runner wearing a bib. */
export interface RunnerFacts {
  entrantId: string
  name: string
  race: string
  wave: string | null
  distanceM: number
  gunAtMs: number | null
  pickedUp: boolean
}

// Men's road records (World Athletics): a runner faster than the record pace is almost surely a
// wrong bib or a wrong gun. Between these distances the pace is interpolated.
const recordPaces: readonly (readonly [distanceM: number, timeS: number])[] = [
  [1_609, 3 * 60 + 43],
  [5_000, 12 * 60 + 49],
  [10_000, 26 * 60 + 24],
  [21_097, 57 * 60 + 30],
  [42_195, 2 * 3600 + 35],
  [100_000, 6 * 3600 + 5 * 60],
]

/** The fastest time a human has run `distanceM` in, as far as the records say (interpolated by pace). */
export function recordTimeMs(distanceM: number): number {
  const first = recordPaces[0] as readonly [number, number]
  const last = recordPaces[recordPaces.length - 1] as readonly [number, number]
  if (distanceM <= first[0]) return (first[1] / first[0]) * distanceM * 1000
  if (distanceM >= last[0]) return (last[1] / last[0]) * distanceM * 1000
  const upper = recordPaces.findIndex(([d]) => d >= distanceM)
  const [d0, t0] = recordPaces[upper - 1] as readonly [number, number]
  const [d1, t1] = recordPaces[upper] as readonly [number, number]
  const pace = t0 / d0 + ((t1 / d1 - t0 / d0) * (distanceM - d0)) / (d1 - d0)
  return pace * distanceM * 1000
}

/** The warnings of one time with its bib at the finish; `seenBefore`: the bib has an earlier time. */
export function warningsFor(bib: number | null, atMs: number | null, runner: RunnerFacts | undefined, seenBefore: boolean, point: string): CaptureWarning[] {
  if (bib === null) return []
  if (runner === undefined) return ['unknownBib']
  const warnings: CaptureWarning[] = []
  if (seenBefore) warnings.push('alreadyFinished')
  if (atMs !== null && (runner.gunAtMs === null || runner.gunAtMs > atMs)) warnings.push('raceNotStarted')
  if (!runner.pickedUp) warnings.push('notPickedUp')
  if (point === 'finish' && atMs !== null && runner.gunAtMs !== null && atMs >= runner.gunAtMs && atMs - runner.gunAtMs < recordTimeMs(runner.distanceM)) {
    warnings.push('fasterThanWorldRecord')
  }
  return warnings
}
