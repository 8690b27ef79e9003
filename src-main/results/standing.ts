import type { ResultStatus } from '../../src-shared/contract/results'
import type { RankingBasis, TimePrecision } from '../../src-shared/contract/result-rules'

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
  club: string | null
  nationality: string | null
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
  /** First crossing of each split point. */
  splits: Map<string, Crossing>
  override: { status: 'DNS' | 'DNF' | 'DQ'; reason: string } | null
  status: ResultStatus
  /** Unrounded, from the gun and from the runner's own start. */
  gunMs: number | null
  netMs: number | null
  /** On the race's basis: rounded up (what places go by) and unrounded (who was first within a rounded time). */
  rankedMs: number | null
  preciseMs: number | null
  place: number | null
  sexPlace: number | null
  categoryPlace: number | null
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

/** Places overall, by sex and by category, along a race's ranked runners (sorted by compareForList). */
export function assignPlaces(ranked: readonly Standing[]): void {
  const lastOf = new Map<string, Standing>()
  const countOf = new Map<string, number>()
  let previous: Standing | null = null
  for (const [index, s] of ranked.entries()) {
    s.place = previous !== null && compareRanked(previous, s) === 0 ? previous.place : index + 1
    previous = s
    s.sexPlace = placeIn(`s:${s.runner.sex}`, s, lastOf, countOf)
    s.categoryPlace = s.runner.category === null ? null : placeIn(`c:${s.runner.category}`, s, lastOf, countOf)
  }
}

function placeIn(group: string, s: Standing, lastOf: Map<string, Standing>, countOf: Map<string, number>): number {
  const count = (countOf.get(group) ?? 0) + 1
  countOf.set(group, count)
  const last = lastOf.get(group)
  lastOf.set(group, s)
  if (last === undefined || compareRanked(last, s) !== 0) return count
  return group.startsWith('s:') ? (last.sexPlace as number) : (last.categoryPlace as number)
}
