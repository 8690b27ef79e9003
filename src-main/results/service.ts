import { uuidv7 } from 'uuidv7'
import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { ResultProblem, ResultRow } from '../../src-shared/contract/results'
import type { Db, ReadDb } from '../db/schema'
import { awardsOf } from './awards'
import { type RaceStanding, type ResultsEngine, type ResultsState } from './engine'
import { findProblems, openProblems, provisionalRaces } from './problems'
import { crossCheck } from '../timing/cross-check'
import { teamResults, type TeamResult } from './teams'
import type { TeamRules } from '../../src-shared/contract/result-rules'
import { ageGradeOf, inResultOrder, raceInfo, toRow } from './rows'
import type { Standing } from './standing'
import { personName } from '../../src-shared/names/person-name'
import { suggestBibs } from '../timing/bib-suggestions'
import { divisionKey } from '../../src-shared/divisions/divisions'
import { marksStamp } from './load'

export function raceOf(state: ResultsState, raceId: number): RaceStanding {
  const race = state.raceById.get(raceId)
  if (race === undefined) throw new CommandError('NOT_FOUND', `There is no race with id ${raceId}.`, { raceId })
  return race
}

export function resultsRaces(engine: ResultsEngine) {
  const state = engine.current()
  return { races: state.races.map(raceInfo), openProblems: openProblems(state) }
}

function matches(s: Standing, words: string[]): boolean {
  if (words.length === 0) return true
  const r = s.runner
  const text = `${personName(r.givenName, r.familyName)} ${r.secondName ?? ''} ${r.club ?? ''} ${r.team ?? ''}`.toLocaleLowerCase()
  return words.every((w) => text.includes(w) || (r.bib !== null && String(r.bib) === w))
}

export function listResults(engine: ResultsEngine, input: ParsedInput<'results.list'>) {
  const state = engine.current()
  const race = raceOf(state, input.raceId)
  const words = (input.search ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean)
  const division = input.division === undefined ? -1 : state.divisions.findIndex((d) => divisionKey(d) === divisionKey(input.division as string))
  const chosen = inResultOrder(race).filter(
    (s) =>
      (input.sex === undefined || s.runner.sex === input.sex) &&
      (input.category === undefined || s.runner.category === input.category) &&
      (input.division === undefined || s.runner.divisionIndexes.includes(division)) &&
      (input.status === undefined || s.status === input.status) &&
      matches(s, words),
  )
  if (input.sort === 'ageGrade') {
    // Each grade worked out once; runners without one stay in result order after the graded ones.
    const graded = chosen.map((s, at) => ({ s, at, pct: ageGradeOf(race, s).ageGradePct ?? -1 }))
    graded.sort((a, b) => b.pct - a.pct || a.at - b.at)
    for (const [i, g] of graded.entries()) chosen[i] = g.s
  }
  return {
    race: raceInfo(race),
    rows: chosen.slice(input.offset, input.offset + input.limit).map((s) => toRow(state, race, s)),
    total: chosen.length,
    openProblems: openProblems(state),
  }
}

/** Every runner's result, race by race (the exports and `race-office results`). */
export function allResults(engine: ResultsEngine, raceId?: number): { race: RaceStanding; rows: ResultRow[] }[] {
  const state = engine.current()
  const races = raceId === undefined ? state.races : [raceOf(state, raceId)]
  return races.map((race) => ({ race, rows: inResultOrder(race).map((s) => toRow(state, race, s)) }))
}

/** A finisher at the results kiosk: their times, splits and places, and of how many. */
export function runnerResult(engine: ResultsEngine, bib: number) {
  const state = engine.current()
  const standing = state.byBib.get(bib)
  if (standing === undefined) throw new CommandError('NOT_FOUND', `No runner wears bib ${bib}.`, { bib })
  const race = state.raceById.get(standing.runner.raceId) as RaceStanding
  const { sexIndex, categoryIndex } = standing.runner
  return {
    row: toRow(state, race, standing),
    race: raceInfo(race),
    finishers: race.ranked.length,
    sexFinishers: race.bySex[sexIndex]?.length ?? 0,
    categoryFinishers: categoryIndex < 0 ? 0 : (race.byCategory[categoryIndex]?.length ?? 0),
  }
}

/** The finish-line TV: the latest finishers and the leaders of each sex, race by race. */
export function resultsBoard(engine: ResultsEngine, input: ParsedInput<'results.board'>) {
  const state = engine.current()
  const races = input.raceId === undefined ? state.races : [raceOf(state, input.raceId)]
  const latest: Standing[] = []
  let finishers = 0
  let onCourse = 0
  for (const race of races) {
    for (const s of race.members) {
      // On course: out there now — the race's (wave's) gun fired or the runner crossed the start mat.
      if (s.status === 'onCourse' && (s.gunAtMs !== null || s.start !== null)) onCourse++
      if (s.status !== 'finished' || s.finish === null) continue
      finishers++
      // Keep the newest `last`, newest first: a short insertion, never a sort of every finisher.
      if (latest.length === input.last && (latest.at(-1) as Standing).finish!.atMs >= s.finish.atMs) continue
      let at = latest.findIndex((l) => (l.finish as { atMs: number }).atMs < s.finish!.atMs)
      if (at < 0) at = latest.length
      latest.splice(at, 0, s)
      if (latest.length > input.last) latest.pop()
    }
  }
  const rowOf = (s: Standing): ResultRow => toRow(state, state.raceById.get(s.runner.raceId) as RaceStanding, s, false)
  const provisional = provisionalRaces(state)
  return {
    eventName: state.eventName,
    latest: latest.map(rowOf),
    leaders: races
      .filter((race) => race.ranked.length > 0)
      .map((race) => ({
        raceId: race.id,
        race: race.name,
        ranking: race.rules.ranking,
        provisional: provisional(race.name),
        sexes: (['F', 'M', 'X'] as const)
          .map((sex, i) => ({ sex, rows: (race.bySex[i] as Standing[]).slice(0, input.leaders).map(rowOf) }))
          .filter((g) => g.rows.length > 0),
        teamScore: race.rules.teams?.score ?? null,
        teams:
          race.rules.teams === null
            ? []
            : teamsOf(state, race)
                .filter((t) => t.place !== null && t.place <= input.leaders)
                .map(teamRow),
      })),
    finishers,
    onCourse,
  }
}

function teamRow(t: TeamResult) {
  return {
    team: t.team,
    sex: t.sex,
    place: t.place,
    score: t.score,
    complete: t.complete,
    scorers: t.scorers.map((s) => ({
      bib: s.standing.runner.bib,
      name: personName(s.standing.runner.givenName, s.standing.runner.familyName),
      sex: s.standing.runner.sex,
      place: s.place,
      timeMs: s.timeMs,
    })),
  }
}

/**
 * A race's team results, worked out once for each state of the facts: the board, the Teams tab
 * and the awards all ask for them after every new finish.
 */
const scored = new WeakMap<RaceStanding, { stamp: string; teams: TeamResult[] }>()
function teamsOf(state: ResultsState, race: RaceStanding): TeamResult[] {
  const stamp = marksStamp(state.marks)
  const cached = scored.get(race)
  if (cached !== undefined && cached.stamp === stamp) return cached.teams
  const teams = teamResults(race)
  scored.set(race, { stamp, teams })
  return teams
}

/** The top N complete teams of a race that scores teams, by sex where its teams are (a tie at the last place takes every team of it). */
function teamAwards(state: ResultsState, race: RaceStanding) {
  const n = race.rules.awardTeams
  if (race.rules.teams === null || n === 0) return []
  const winners = teamsOf(state, race).filter((t) => t.place !== null && t.place <= n)
  const sexes = race.rules.teams.sex === 'bySex' ? (['F', 'M'] as const) : [null]
  return sexes.map((sex) => ({ sex, teams: winners.filter((t) => t.sex === sex).map(teamRow) })).filter((g) => g.teams.length > 0)
}

/** Each team-scoring race's teams, complete ones by place, then the incomplete ones. */
export function resultsTeams(engine: ResultsEngine, raceId?: number) {
  const state = engine.current()
  const races = (raceId === undefined ? state.races : [raceOf(state, raceId)]).filter((race) => race.rules.teams !== null)
  const provisional = provisionalRaces(state)
  return {
    races: races.map((race) => ({
      race: raceInfo(race),
      rules: race.rules.teams as TeamRules,
      provisional: provisional(race.name),
      teams: teamsOf(state, race).map(teamRow),
    })),
  }
}

export function resultsAwards(engine: ResultsEngine, raceId?: number) {
  const state = engine.current()
  const races = raceId === undefined ? state.races : [raceOf(state, raceId)]
  const provisional = provisionalRaces(state)
  return {
    races: races.map((race) => {
      const { overall, categories, ageGraded, divisions } = awardsOf(state, race)
      const group = (g: (typeof overall)[number]) => ({
        title: [g.division, g.category ?? g.sex].filter((part) => part !== null).join(' ') || '',
        sex: g.sex,
        category: g.category,
        division: g.division,
        rows: g.winners.map((s) => toRow(state, race, s, false)),
      })
      return {
        race: raceInfo(race),
        overall: overall.map(group),
        categories: categories.map(group),
        ageGraded: ageGraded.map(group),
        divisions: divisions.map(group),
        teams: teamAwards(state, race),
        provisional: provisional(race.name),
      }
    }),
    openProblems: openProblems(state),
  }
}

export async function resultsProblems(engine: ResultsEngine, db: ReadDb, nowMs: number) {
  const state = engine.current()
  const problems = findProblems(state)
  for (const p of problems) {
    if (p.kind !== 'unknownBib' || p.bib === null || p.checked !== null) continue
    const suggestions = await suggestBibs(state, db, String(p.bib), 'finish', p.atMs ?? nowMs, 3)
    p.candidates = suggestions.map(({ bib, name, race }) => ({ bib, name, race }))
  }
  problems.push(...(await crossChecked(db, state)))
  return { problems, open: problems.filter((p) => p.checked === null).length }
}

/**
 * The cross-check reads every capture of each point with backup times: it is done again only
 * after a write (the audit's mark moved), not for every desk asking after the same change.
 */
const crossCheckedAt = new WeakMap<ReadDb, { stamp: string; problems: ResultProblem[] }>()
async function crossChecked(db: ReadDb, state: ResultsState): Promise<ResultProblem[]> {
  const stamp = marksStamp(state.marks)
  const cached = crossCheckedAt.get(db)
  if (cached !== undefined && cached.stamp === stamp) return cached.problems.map((p) => ({ ...p }))
  const problems = await crossCheckProblems(db)
  crossCheckedAt.set(db, { stamp, problems })
  return problems.map((p) => ({ ...p }))
}

/** What a backup timer found that the results depend on: a missed press, a double one, a disagreement. */
async function crossCheckProblems(db: ReadDb): Promise<ResultProblem[]> {
  const points = await db.selectFrom('capture').select('point').distinct().where('state', '=', 'backup').execute()
  const problems: ResultProblem[] = []
  for (const { point } of points) {
    for (const f of (await crossCheck(db, { point, toleranceMs: 1000 })).findings) {
      if (f.fix === 'none') continue
      const times = [f.main, f.backup].filter((t) => t !== null)
      problems.push({
        key: `crossCheck:${point}:${f.id}`,
        kind: 'crossCheck',
        race: null,
        bib: f.main?.bib ?? f.backup?.bib ?? null,
        entrantId: null,
        name: null,
        captureId: times[0]?.captureId ?? null,
        atMs: times[0]?.atMs ?? null,
        // Instants of day, not race times: the desk's cross-check shows them.
        timesMs: [],
        device: f.device,
        count: null,
        checked: null,
        candidates: [],
      })
    }
  }
  return problems
}

export async function checkProblem(db: Db, engine: ResultsEngine, input: ParsedInput<'results.checkProblem'>, session: Session, nowMs: number) {
  const problem = findProblems(engine.current()).find((p) => p.key === input.key)
  if (problem === undefined) throw new CommandError('NOT_FOUND', 'That problem is no longer there: the list has changed. Look at it again.', { key: input.key })
  const check = { note: input.note, at_ms: nowMs, actor: session.actor, desk: session.desk }
  await db
    .insertInto('result_problem_check')
    .values({ key: input.key, ...check })
    .onConflict((oc) => oc.column('key').doUpdateSet(check))
    .execute()
  return { ...problem, checked: { note: input.note, atMs: nowMs, actor: session.actor, desk: session.desk } }
}

/** An official's decision: DNS, DNF or DQ with its reason, or the decision withdrawn. Every one is kept. */
export async function overrideResult(db: Db, input: ParsedInput<'results.override'>, session: Session, nowMs: number) {
  const entrant = await db.selectFrom('entrant').select('id').where('id', '=', input.entrantId).executeTakeFirst()
  if (entrant === undefined) throw new CommandError('NOT_FOUND', 'There is no such runner.', { entrantId: input.entrantId })
  const row = { id: uuidv7(), entrant_id: input.entrantId, status: input.status, reason: input.reason, at_ms: nowMs, actor: session.actor, desk: session.desk }
  await db.insertInto('result_override').values(row).execute()
  return overrideOf(row)
}

export async function overrideHistory(db: ReadDb, entrantId: string) {
  const rows = await db.selectFrom('result_override').selectAll().where('entrant_id', '=', entrantId).orderBy('id', 'desc').execute()
  return rows.map(overrideOf)
}

function overrideOf(row: { id: string; entrant_id: string; status: 'DNS' | 'DNF' | 'DQ' | null; reason: string; at_ms: number; actor: string; desk: string }) {
  return { id: row.id, entrantId: row.entrant_id, status: row.status, reason: row.reason, atMs: row.at_ms, actor: row.actor, desk: row.desk }
}
