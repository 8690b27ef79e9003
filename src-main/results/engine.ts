import type SqliteDatabase from 'better-sqlite3'
import type { CommandName } from '../../src-shared/contract'
import { gunKey, loadCaptures, loadChecks, loadFacts, loadMarks, loadOverrides, type Check, type Facts, type Marks, type Override, type RaceFacts } from './load'
import { PointMerge } from './point-merge'
import { assignPlaces, compareForList, isRanked, roundUp, settle, type Crossing, type Runner, type Standing } from './standing'

export interface RaceStanding extends RaceFacts {
  /** Every runner of the race. */
  members: Standing[]
  /** Runners with a ranked time, in place order. */
  ranked: Standing[]
  placesDirty: boolean
  /** Per split point, the rounded times on the race's basis in order (positions by binary search); null: to build. */
  splitOrder: Map<string, number[]> | null
}

export interface ResultsState {
  eventName: string
  races: RaceStanding[]
  raceById: Map<number, RaceStanding>
  standings: Map<string, Standing>
  byBib: Map<number, Standing>
  guns: Map<string, number>
  waveNames: Map<number, string>
  splitPoints: { name: string; distanceM: number }[]
  manual: Map<string, PointMerge>
  passings: Map<string, Map<number, number>>
  checks: Map<string, Check>
  overrides: Map<string, Override>
  marks: Marks
}

// What a write did to the results, by command (every write is in the audit, by any process):
// captures only — brought in one by one; nothing the results read; or anything else — read again.
const capturesOnly = new Set<CommandName>(['timing.capture', 'timing.assignBib'])
const nothingForResults = new Set<CommandName>([
  'checkin.checkIn',
  'checkin.undo',
  'checkin.configure',
  'checkin.changeShirt',
  'bibs.configure',
  'bibs.exclude',
  'bibs.markPrinted',
  'event.setLogo',
  'desks.revoke',
  'desks.setNetwork',
])

/**
 * The results of one event file, kept in memory and brought up to date from what was written
 * since they were last asked for: a new capture moves one runner (a binary search in its race);
 * anything else that touches the results reads the file again.
 */
export class ResultsEngine {
  private state: ResultsState | null = null

  constructor(private readonly sqlite: SqliteDatabase.Database) {}

  current(): ResultsState {
    if (this.state === null) return (this.state = build(loadFacts(this.sqlite)))
    const state = this.state
    const written = this.sqlite.prepare('select command from audit where id > ? order by id').all(state.marks.audit) as { command: CommandName }[]
    if (written.length === 0) return state
    const commands = new Set(written.map((w) => w.command))
    const marks = loadMarks(this.sqlite)
    const rest = [...commands].filter((c) => !capturesOnly.has(c) && !nothingForResults.has(c))
    if (rest.every((c) => c === 'results.checkProblem' || c === 'results.override') && marks.change === state.marks.change) {
      if (rest.includes('results.checkProblem')) state.checks = loadChecks(this.sqlite)
      if (rest.includes('results.override')) this.takeOverrides(state)
      this.takeCaptures(state, marks)
      return state
    }
    return (this.state = build(loadFacts(this.sqlite)))
  }

  /** Forgets everything: the next call reads the file again (after a restore, or for a benchmark). */
  reset(): void {
    this.state = null
  }

  private takeCaptures(state: ResultsState, marks: Marks): void {
    if (marks.capture !== state.marks.capture) {
      for (const [point, rows] of loadCaptures(this.sqlite, state.marks.capture)) {
        let merge = state.manual.get(point)
        if (merge === undefined) state.manual.set(point, (merge = new PointMerge()))
        for (const row of rows) for (const bib of merge.add(row)) restand(state, state.byBib.get(bib))
      }
    }
    state.marks = marks
  }

  private takeOverrides(state: ResultsState): void {
    const next = loadOverrides(this.sqlite)
    const touched = new Set([...state.overrides.keys(), ...next.keys()])
    state.overrides = next
    for (const entrantId of touched) restand(state, state.standings.get(entrantId))
  }
}

function build(facts: Facts): ResultsState {
  const manual = new Map([...facts.captures].map(([point, rows]) => [point, new PointMerge(rows)]))
  const races = facts.races.map((race): RaceStanding => ({ ...race, members: [], ranked: [], placesDirty: true, splitOrder: null }))
  const raceById = new Map(races.map((r) => [r.id, r]))
  const state: ResultsState = {
    eventName: facts.eventName,
    races,
    raceById,
    standings: new Map(),
    byBib: new Map(),
    guns: facts.guns,
    waveNames: facts.waveNames,
    splitPoints: facts.splitPoints,
    manual,
    passings: facts.passings,
    checks: facts.checks,
    overrides: facts.overrides,
    marks: facts.marks,
  }
  for (const runner of facts.runners) {
    const race = raceById.get(runner.raceId) as RaceStanding
    const standing = blank(runner, gunOf(state.guns, runner))
    state.standings.set(runner.entrantId, standing)
    if (runner.bib !== null) state.byBib.set(runner.bib, standing)
    race.members.push(standing)
    gather(state, standing)
    settle(standing, race.rules.ranking, race.rules.precision)
    if (isRanked(standing)) race.ranked.push(standing)
  }
  for (const race of races) race.ranked.sort(compareForList)
  return state
}

function blank(runner: Runner, gunAtMs: number | null): Standing {
  return {
    runner,
    gunAtMs,
    finish: null,
    start: null,
    splits: new Map(),
    override: null,
    status: 'onCourse',
    gunMs: null,
    netMs: null,
    rankedMs: null,
    preciseMs: null,
    place: null,
    sexPlace: null,
    categoryPlace: null,
  }
}

/** A wave's own gun, else its race's. */
function gunOf(guns: Map<string, number>, runner: Runner): number | null {
  return (runner.waveId !== null ? guns.get(gunKey(runner.raceId, runner.waveId)) : undefined) ?? guns.get(gunKey(runner.raceId, null)) ?? null
}

/** A chip passing counts first; a finish-line capture is the backup (a chip not read, a race without chips). */
function crossingAt(state: ResultsState, point: string, bib: number): Crossing | null {
  const chip = state.passings.get(point)?.get(bib)
  if (chip !== undefined) return { atMs: chip, source: 'chip', device: null, seq: null, captureId: null }
  return state.manual.get(point)?.first(bib) ?? null
}

function gather(state: ResultsState, standing: Standing): void {
  const bib = standing.runner.bib
  standing.override = state.overrides.get(standing.runner.entrantId) ?? null
  if (bib === null) return
  standing.finish = crossingAt(state, 'finish', bib)
  standing.start = crossingAt(state, 'start', bib)
  standing.splits.clear()
  for (const point of state.splitPoints) {
    const crossing = crossingAt(state, point.name, bib)
    if (crossing !== null) standing.splits.set(point.name, crossing)
  }
}

/** One runner's evidence changed: out of its race's order, settled again, back in its place. */
function restand(state: ResultsState, standing: Standing | undefined): void {
  if (standing === undefined) return
  const race = state.raceById.get(standing.runner.raceId) as RaceStanding
  if (isRanked(standing)) race.ranked.splice(indexIn(race.ranked, standing), 1)
  const splitsBefore = standing.splits.size
  gather(state, standing)
  settle(standing, race.rules.ranking, race.rules.precision)
  if (isRanked(standing)) race.ranked.splice(insertionPoint(race.ranked, standing), 0, standing)
  else standing.place = standing.sexPlace = standing.categoryPlace = null
  race.placesDirty = true
  if (splitsBefore > 0 || standing.splits.size > 0) race.splitOrder = null
}

function insertionPoint(list: readonly Standing[], standing: Standing): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareForList(list[middle] as Standing, standing) < 0) low = middle + 1
    else high = middle
  }
  return low
}

function indexIn(list: readonly Standing[], standing: Standing): number {
  const at = insertionPoint(list, standing)
  return list[at] === standing ? at : list.indexOf(standing)
}

/** Places along the race's order, worked out once after changes. */
export function placed(race: RaceStanding): RaceStanding {
  if (race.placesDirty) {
    assignPlaces(race.ranked)
    race.placesDirty = false
  }
  return race
}

/** A split's times of a runner, and its position there among the race's runners. */
export function splitTimes(state: ResultsState, race: RaceStanding, standing: Standing) {
  const order = splitOrderOf(state, race)
  return state.splitPoints.flatMap((point) => {
    const crossing = standing.splits.get(point.name)
    if (crossing === undefined) return []
    const time = splitTime(race, standing, crossing)
    if (time === null) return []
    return [{ point: point.name, distanceM: point.distanceM, gunTimeMs: time.gun, netTimeMs: time.net, position: positionIn(order.get(point.name) ?? [], time.ranked) }]
  })
}

function splitTime(race: RaceStanding, standing: Standing, crossing: Crossing): { gun: number; net: number; ranked: number } | null {
  if (standing.gunAtMs === null) return null
  const { precision, ranking } = race.rules
  const from = standing.start === null ? standing.gunAtMs : Math.max(standing.start.atMs, standing.gunAtMs)
  const gun = roundUp(crossing.atMs - standing.gunAtMs, precision)
  const net = roundUp(crossing.atMs - from, precision)
  return { gun, net, ranked: ranking === 'gun' ? gun : net }
}

function splitOrderOf(state: ResultsState, race: RaceStanding): Map<string, number[]> {
  if (race.splitOrder !== null) return race.splitOrder
  const order = new Map<string, number[]>(state.splitPoints.map((p) => [p.name, []]))
  for (const standing of race.members) {
    for (const [point, crossing] of standing.splits) {
      const time = splitTime(race, standing, crossing)
      if (time !== null) order.get(point)?.push(time.ranked)
    }
  }
  for (const times of order.values()) times.sort((a, b) => a - b)
  return (race.splitOrder = order)
}

/** 1 + how many were faster (equal times share a position at a split). */
function positionIn(sorted: readonly number[], time: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] as number) < time) low = middle + 1
    else high = middle
  }
  return low + 1
}
