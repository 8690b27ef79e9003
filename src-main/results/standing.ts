import type { ResultStatus } from '../../src-shared/contract/results'
import type { RankingBasis, TimePrecision } from '../../src-shared/contract/result-rules'
import type { TeamName } from './team-names'

/** A runner of the event as the results know them (withdrawn registrations are not results). */
export interface Runner {
  num: number
  entrantId: string
  bib: number | null
  raceId: number
  waveId: number | null
  givenName: string
  familyName: string
  secondName: string | null
  sex: 'F' | 'M' | 'X'
  category: string | null
  /** 0, 1, 2 for F, M, X; the category's number in the event (-1 for none): for counting places. */
  sexIndex: number
  categoryIndex: number
  club: string | null
  /** A team apart from the club (the import's team column or the card). */
  team: string | null
  /** The club and the team as team scores match them. */
  teamNames: { club: TeamName | null; team: TeamName | null }
  /** The organiser's divisions the runner is in, and their numbers in the event (places by division). */
  divisions: string[]
  divisionIndexes: number[]
  nationality: string | null
  /** On race day; null without a birth date or an age. */
  age: number | null
}

/** A crossing of a timing point: a chip passing or a finish-line capture. */
export interface Crossing {
  atMs: number
  source: 'chip' | 'capture'
  /** A capture's device and sequence: two presses on one device are in a known order. */
  device: string | null
  seq: number | null
  captureId: string | null
}

/** A runner with the evidence of the race and what the results make of it. */
export interface Standing {
  runner: Runner
  gunAtMs: number | null
  finish: Crossing | null
  start: Crossing | null
  /** First crossing of each split point; null when there is none. */
  splits: Map<string, Crossing> | null
  override: { status: 'DNS' | 'DNF' | 'DQ'; reason: string } | null
  status: ResultStatus
  /** Unrounded, from the gun and from the runner's own start. */
  gunMs: number | null
  netMs: number | null
  /** On the race's basis: rounded up (what places go by) and unrounded (who was first within a rounded time). */
  rankedMs: number | null
  preciseMs: number | null
}

const unitOf: Record<TimePrecision, number> = { s: 1000, ds: 100, cs: 10 }

/** World Athletics road races: times are rounded up (2:05:31.01 → 2:05:32); tenths or hundredths alike. */
export function roundUp(ms: number, precision: TimePrecision): number {
  const unit = unitOf[precision]
  return Math.ceil(ms / unit) * unit
}

/**
 * The times of a finished runner: gun time from the race's (wave's) gun; net time from the runner's
 * own start crossing (never before the gun: a runner standing on the mat starts with it), else the gun.
 */
export function timesOf(gunAtMs: number | null, start: Crossing | null, finishAtMs: number): { gunMs: number | null; netMs: number | null } {
  const gunMs = gunAtMs === null ? null : finishAtMs - gunAtMs
  const from = start === null ? gunAtMs : gunAtMs === null ? start.atMs : Math.max(start.atMs, gunAtMs)
  return { gunMs, netMs: from === null ? null : finishAtMs - from }
}

/** Works out status and times of a standing from its evidence (places come from the race's order). */
export function settle(standing: Standing, basis: RankingBasis, precision: TimePrecision): void {
  const { finish, override } = standing
  const times = finish === null ? { gunMs: null, netMs: null } : timesOf(standing.gunAtMs, standing.start, finish.atMs)
  standing.gunMs = times.gunMs
  standing.netMs = times.netMs
  standing.status = override?.status ?? (finish !== null ? 'finished' : 'onCourse')
  const precise = standing.status === 'finished' ? (basis === 'gun' ? times.gunMs : times.netMs) : null
  standing.preciseMs = precise
  standing.rankedMs = precise === null ? null : roundUp(precise, precision)
}

export function isRanked(standing: Standing): boolean {
  return standing.rankedMs !== null
}

/**
 * The order of two ranked runners: the rounded time; within it whoever was faster on the
 * unrounded time; then whoever crossed the finish first; then, for two presses of one finish
 * device at the same millisecond, its sequence. 0 means nothing tells them apart: they share a place.
 */
export function compareRanked(a: Standing, b: Standing): number {
  const byTime = (a.rankedMs as number) - (b.rankedMs as number) || (a.preciseMs as number) - (b.preciseMs as number)
  if (byTime !== 0) return byTime
  const fa = a.finish as Crossing
  const fb = b.finish as Crossing
  if (fa.atMs !== fb.atMs) return fa.atMs - fb.atMs
  if (fa.device !== null && fa.device === fb.device) return (fa.seq as number) - (fb.seq as number)
  return 0
}

/** A total order for lists: tied runners by bib, so a list reads the same every time. */
export function compareForList(a: Standing, b: Standing): number {
  return compareRanked(a, b) || (a.runner.bib ?? 0) - (b.runner.bib ?? 0) || a.runner.num - b.runner.num
}

/**
 * Sorts ranked runners by compareForList. Nearly every order is told by the unrounded time alone
 * (the rounded time follows it), so the runners are sorted as numbers — the time with the runner's
 * position packed below it — and only runs of equal times go through the full comparison.
 */
export function sortRanked(list: Standing[]): void {
  const n = list.length
  const slot = 2 ** 17
  if (n >= slot) {
    list.sort(compareForList)
    return
  }
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) keys[i] = ((list[i] as Standing).preciseMs as number) * slot + i
  keys.sort()
  const sorted = Array.from(keys, (key) => list[((key % slot) + slot) % slot] as Standing)
  for (let start = 0; start < n;) {
    let end = start + 1
    const precise = (sorted[start] as Standing).preciseMs
    while (end < n && (sorted[end] as Standing).preciseMs === precise) end++
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(compareForList)
      for (let i = 0; i < run.length; i++) sorted[start + i] = run[i] as Standing
    }
    start = end
  }
  for (let i = 0; i < n; i++) list[i] = sorted[i] as Standing
}

/** Where a runner goes in a list sorted by compareForList. */
export function insertionPoint(list: readonly Standing[], standing: Standing): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareForList(list[middle] as Standing, standing) < 0) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * A ranked runner's place in a sorted list (a race, a sex, a category): its position, or the place
 * of the runners it ties with. Found by binary search, so places need no pass over the race when
 * one runner moves.
 */
export function placeIn(list: readonly Standing[], standing: Standing): number {
  let at = insertionPoint(list, standing)
  while (at > 0 && tied(list[at - 1] as Standing, standing)) at--
  return at + 1
}

/** Sharing a place: the same rounded time first (cheap, and most neighbours differ in it), then nothing else telling them apart. */
function tied(a: Standing, b: Standing): boolean {
  return a.rankedMs === b.rankedMs && compareRanked(a, b) === 0
}
