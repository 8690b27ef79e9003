import type SqliteDatabase from 'better-sqlite3'
import {
  loadCaptures,
  loadChecks,
  loadFacts,
  loadMarks,
  loadOverrides,
  everyFactGroup,
  type Check,
  type FactGroup,
  type Facts,
  type Guns,
  type Marks,
  type Override,
  type RaceFacts,
} from './load'
import { PointMerge, type CaptureFact } from './point-merge'
import { countBelow } from '../../src-shared/sorted/count-below'
import { insertionPoint, isRanked, placeIn, roundUp, settle, sortRanked, type Crossing, type Runner, type Standing } from './standing'

export interface RaceStanding extends RaceFacts {
  /** Every runner of the race. */
  members: Standing[]
  /** Runners with a ranked time, in place order: all, by sex (F, M, X) and by category (Runner.categoryIndex). */
  ranked: Standing[]
  bySex: [Standing[], Standing[], Standing[]]
  byCategory: Standing[][]
  /** Runners with a ranked time by division (Runner.divisionIndexes), in place order. */
  byDivision: Standing[][]
  /** Per split point, the rounded times on the race's basis in order (positions by binary search); null: to build. */
  splitOrder: Map<string, number[]> | null
}

export interface ResultsState {
  eventName: string
  races: RaceStanding[]
  raceById: Map<number, RaceStanding>
  /** By entrant number (an array: numbers are small and dense). */
  standings: Standing[]
  byBib: Map<number, Standing>
  guns: Guns
  /** The event's categories by number (Runner.categoryIndex). */
  categories: string[]
  /** The event's divisions by number (Runner.divisionIndexes), each as first spelt. */
  divisions: string[]
  /** Where each timing point's crossings come from, looked up once per state. */
  sources: Sources
  waveNames: Map<number, string>
  splitPoints: { name: string; distanceM: number }[]
  /** Active captures by point (kept up to date in place as captures arrive). */
  captures: Map<string, CaptureFact[]>
  manual: Map<string, PointMerge>
  passings: Map<string, Map<number, Crossing>>
  checks: Map<string, Check>
  overrides: Map<number, Override>
  marks: Marks
}

interface PointSource {
  name: string
  chip: Map<number, Crossing> | undefined
  manual: PointMerge | undefined
}

interface Sources {
  finish: PointSource
  start: PointSource
  splits: PointSource[]
}

function sourcesOf(state: Pick<ResultsState, 'passings' | 'manual' | 'splitPoints'>): Sources {
  const source = (name: string): PointSource => ({ name, chip: state.passings.get(name), manual: state.manual.get(name) })
  return { finish: source('finish'), start: source('start'), splits: state.splitPoints.map((p) => source(p.name)) }
}

/** What a write recorded in the audit changed of the facts, by its command's name. */
export type FactsChangedBy = (command: string) => readonly FactGroup[]

/**
 * The results of one event file, kept in memory and brought up to date from what was written
 * since they were last asked for. A new capture moves one runner (a binary search in its race); an
 * official's decision moves that runner; anything else reads again the facts it changed and works
 * every result out anew from the facts in memory.
 */
export class ResultsEngine {
  private facts: Omit<Facts, 'captures'> | null = null
  /** The active captures by point, and the finish orders merged from them (both kept up to date in place). */
  private captures = new Map<string, CaptureFact[]>()
  private manual = new Map<string, PointMerge>()
  private state: ResultsState | null = null
  private readonly written: SqliteDatabase.Statement<[number], { command: string }>

  /** `factsChangedBy` is each write's own declaration (src-main/commands/registry.ts). */
  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly factsChangedBy: FactsChangedBy,
  ) {
    this.written = sqlite.prepare('select command from audit where id > ? order by id')
  }

  current(): ResultsState {
    // One read transaction: the audit rows, the marks and the facts read are of the same moment,
    // whatever another process commits meanwhile.
    return this.sqlite.transaction(() => this.bringUpToDate())()
  }

  private bringUpToDate(): ResultsState {
    if (this.facts === null || this.state === null) {
      const { captures, marks, ...facts } = loadFacts(this.sqlite, everyFactGroup)
      this.facts = facts
      this.captures = captures
      this.manual = mergesOf(captures)
      return (this.state = build(facts, this.captures, this.manual, marks))
    }
    const state = this.state
    const written = this.written.all(state.marks.audit)
    if (written.length === 0) return state
    const changed = new Set<FactGroup>(written.flatMap((w) => this.factsChangedBy(w.command)))
    const marks = loadMarks(this.sqlite)
    // A bib given to a time (timing.assignBib with a capture) is a correction: read the captures again.
    if (marks.change !== state.marks.change) changed.add('captures')
    // A clock measurement that corrected instants recorded earlier (a device's drift while offline).
    if (marks.clock !== state.marks.clock) {
      changed.add('captures')
      changed.add('guns')
    }
    if ([...changed].every((group) => group === 'overrides' || group === 'checks')) {
      if (changed.has('checks')) state.checks = this.facts.checks = loadChecks(this.sqlite)
      if (changed.has('overrides')) this.takeOverrides(state)
      this.takeCaptures(state, marks)
      return state
    }
    const { captures, marks: read, ...reloaded } = loadFacts(this.sqlite, [...changed])
    if (captures !== undefined) {
      this.captures = captures
      this.manual = mergesOf(captures)
    } else this.takeCaptures(state, marks)
    this.facts = { ...this.facts, ...reloaded }
    return (this.state = build(this.facts, this.captures, this.manual, read))
  }

  /** Forgets everything: the next call reads the whole file again. */
  reset(): void {
    this.facts = null
    this.state = null
  }

  /** Works every result out anew from the facts in memory: what any change but a capture or a decision costs. */
  recompute(): ResultsState {
    const state = this.current()
    this.manual = mergesOf(this.captures)
    return (this.state = build(this.facts as Omit<Facts, 'captures'>, this.captures, this.manual, state.marks))
  }

  private takeCaptures(state: ResultsState, marks: Marks): void {
    if (marks.capture !== state.marks.capture) {
      for (const [point, rows] of loadCaptures(this.sqlite, state.marks.capture)) {
        let merge = this.manual.get(point)
        if (merge === undefined) {
          this.manual.set(point, (merge = new PointMerge()))
          state.sources = sourcesOf(state)
        }
        const kept = this.captures.get(point)
        if (kept === undefined) this.captures.set(point, rows)
        else for (const row of rows) kept.push(row)
        for (const row of rows) for (const bib of merge.add(row)) restand(state, state.byBib.get(bib))
      }
    }
    state.marks = marks
  }

  private takeOverrides(state: ResultsState): void {
    const next = loadOverrides(this.sqlite)
    const touched = new Set([...state.overrides.keys(), ...next.keys()])
    state.overrides = (this.facts as Omit<Facts, 'captures'>).overrides = next
    for (const num of touched) restand(state, state.standings[num])
  }
}

function mergesOf(captures: Map<string, CaptureFact[]>): Map<string, PointMerge> {
  return new Map([...captures].map(([point, rows]) => [point, new PointMerge(rows)]))
}

function build(facts: Omit<Facts, 'captures'>, captures: Map<string, CaptureFact[]>, manual: Map<string, PointMerge>, marks: Marks): ResultsState {
  const { runners: base } = facts
  const races = base.races.map((race): RaceStanding => ({
    ...race,
    members: [],
    ranked: [],
    bySex: [[], [], []],
    byCategory: base.categories.map(() => []),
    byDivision: base.divisions.map(() => []),
    splitOrder: null,
  }))
  const raceById = new Map(races.map((r) => [r.id, r]))
  const partial = { passings: facts.passings, manual, splitPoints: base.splitPoints }
  const state: ResultsState = {
    eventName: base.eventName,
    races,
    raceById,
    standings: [],
    byBib: new Map(),
    guns: facts.guns,
    categories: base.categories,
    divisions: base.divisions,
    sources: sourcesOf(partial),
    waveNames: base.waveNames,
    splitPoints: base.splitPoints,
    captures,
    manual,
    passings: facts.passings,
    checks: facts.checks,
    overrides: facts.overrides,
    marks,
  }
  for (const runner of base.runners) {
    const race = raceById.get(runner.raceId) as RaceStanding
    const standing = blank(runner, gunOf(state.guns, runner))
    state.standings[runner.num] = standing
    if (runner.bib !== null) state.byBib.set(runner.bib, standing)
    race.members.push(standing)
    gather(state, standing)
    settle(standing, race.rules.ranking, race.rules.precision)
    if (isRanked(standing)) race.ranked.push(standing)
  }
  for (const race of races) {
    sortRanked(race.ranked)
    // In place order already: each runner joins the end of its sex's, category's and divisions' lists.
    for (const standing of race.ranked) {
      const { sexIndex, categoryIndex, divisionIndexes } = standing.runner
      race.bySex[sexIndex]?.push(standing)
      if (categoryIndex >= 0) race.byCategory[categoryIndex]?.push(standing)
      for (const d of divisionIndexes) race.byDivision[d]?.push(standing)
    }
  }
  return state
}

function blank(runner: Runner, gunAtMs: number | null): Standing {
  return {
    runner,
    gunAtMs,
    finish: null,
    start: null,
    splits: null,
    override: null,
    status: 'onCourse',
    gunMs: null,
    netMs: null,
    rankedMs: null,
    preciseMs: null,
  }
}

/** A wave's own gun, else its race's. */
function gunOf(guns: Guns, runner: Runner): number | null {
  return (runner.waveId !== null ? guns.wave.get(runner.waveId) : undefined) ?? guns.race.get(runner.raceId) ?? null
}

/** A chip passing counts first; a finish-line capture is the backup (a chip not read, a race without chips). */
function crossingAt(source: PointSource, bib: number): Crossing | null {
  return source.chip?.get(bib) ?? source.manual?.first(bib) ?? null
}

function gather(state: ResultsState, standing: Standing): void {
  const bib = standing.runner.bib
  standing.override = state.overrides.get(standing.runner.num) ?? null
  if (bib === null) return
  const { sources } = state
  standing.finish = crossingAt(sources.finish, bib)
  standing.start = crossingAt(sources.start, bib)
  standing.splits = null
  for (const source of sources.splits) {
    const crossing = crossingAt(source, bib)
    if (crossing === null) continue
    if (standing.splits === null) standing.splits = new Map()
    standing.splits.set(source.name, crossing)
  }
}

/** The sorted lists a ranked runner is in: the race's, its sex's, its category's, its divisions'. */
function groupsOf(race: RaceStanding, standing: Standing): Standing[][] {
  const { sexIndex, categoryIndex, divisionIndexes } = standing.runner
  const groups = [race.ranked, race.bySex[sexIndex] as Standing[]]
  if (categoryIndex >= 0) groups.push(race.byCategory[categoryIndex] as Standing[])
  for (const d of divisionIndexes) groups.push(race.byDivision[d] as Standing[])
  return groups
}

/** One runner's evidence changed: out of its race's lists, settled again, back in its places. */
function restand(state: ResultsState, standing: Standing | undefined): void {
  if (standing === undefined) return
  const race = state.raceById.get(standing.runner.raceId) as RaceStanding
  if (isRanked(standing)) {
    for (const group of groupsOf(race, standing)) {
      const at = insertionPoint(group, standing)
      group.splice(group[at] === standing ? at : group.indexOf(standing), 1)
    }
  }
  const hadSplits = standing.splits !== null
  gather(state, standing)
  settle(standing, race.rules.ranking, race.rules.precision)
  if (isRanked(standing)) for (const group of groupsOf(race, standing)) group.splice(insertionPoint(group, standing), 0, standing)
  if (hadSplits || standing.splits !== null) race.splitOrder = null
}

export interface Places {
  place: number | null
  sexPlace: number | null
  categoryPlace: number | null
  /** In each of the runner's divisions, in the order of Runner.divisions. */
  divisionPlaces: number[]
}

/** A runner's places overall, by sex, by category and in each division; none for a runner without a ranked time. */
export function placesOf(race: RaceStanding, standing: Standing): Places {
  if (!isRanked(standing)) return { place: null, sexPlace: null, categoryPlace: null, divisionPlaces: [] }
  const { sexIndex, categoryIndex, divisionIndexes } = standing.runner
  return {
    place: placeIn(race.ranked, standing),
    sexPlace: placeIn(race.bySex[sexIndex] as Standing[], standing),
    categoryPlace: categoryIndex < 0 ? null : placeIn(race.byCategory[categoryIndex] as Standing[], standing),
    divisionPlaces: divisionIndexes.map((d) => placeIn(race.byDivision[d] as Standing[], standing)),
  }
}

/** A split's times of a runner, and its position there among the race's runners. */
export function splitTimes(state: ResultsState, race: RaceStanding, standing: Standing) {
  const order = splitOrderOf(state, race)
  return state.splitPoints.flatMap((point) => {
    const crossing = standing.splits?.get(point.name)
    if (crossing === undefined) return []
    const time = splitTime(race, standing, crossing)
    if (time === null) return []
    return [
      {
        point: point.name,
        distanceM: point.distanceM,
        gunTimeMs: time.gun,
        netTimeMs: time.net,
        position: positionIn(order.get(point.name) ?? [], time.ranked),
      },
    ]
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
    for (const [point, crossing] of standing.splits ?? []) {
      const time = splitTime(race, standing, crossing)
      if (time !== null) order.get(point)?.push(time.ranked)
    }
  }
  for (const times of order.values()) times.sort((a, b) => a - b)
  return (race.splitOrder = order)
}

/** 1 + how many were faster (equal times share a position at a split). */
function positionIn(sorted: readonly number[], time: number): number {
  return countBelow(sorted, time) + 1
}
