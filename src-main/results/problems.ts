import type { ResultProblem } from '../../src-shared/contract/results'
import { recordTimeMs } from '../timing/sequence'
import type { ResultsState } from './engine'
import { roundUp, type Standing } from './standing'
import { personName } from '../../src-shared/names/person-name'
import { marksStamp } from './load'

/**
 * What an official looks at before results are published. A problem's key names what it is about
 * (a capture, a runner, a race's gun), so an official's check stays with it; a new fact makes a
 * new key and the problem shows again.
 */
export function findProblems(state: ResultsState): ResultProblem[] {
  return problemsOf(state).map((p) => ({ ...p }))
}

/**
 * Every list, award and board asks whether the results are provisional: the problems are worked
 * out once for each state of the facts (the marks of what was read, the checks and decisions).
 */
const worked = new WeakMap<ResultsState, { stamp: string; checks: ResultsState['checks']; overrides: ResultsState['overrides']; problems: ResultProblem[] }>()

function problemsOf(state: ResultsState): readonly ResultProblem[] {
  const stamp = marksStamp(state.marks)
  const cached = worked.get(state)
  if (cached !== undefined && cached.stamp === stamp && cached.checks === state.checks && cached.overrides === state.overrides) return cached.problems
  const problems = workOutProblems(state)
  worked.set(state, { stamp, checks: state.checks, overrides: state.overrides, problems })
  return problems
}

function workOutProblems(state: ResultsState): ResultProblem[] {
  const problems: ResultProblem[] = []
  const add = (
    p: Omit<ResultProblem, 'checked' | 'race' | 'entrantId' | 'name' | 'device' | 'count' | 'candidates'> & Partial<Pick<ResultProblem, 'device' | 'count'>>,
    standing?: Standing,
  ): void => {
    const race = standing === undefined ? null : (state.raceById.get(standing.runner.raceId)?.name ?? null)
    const name = standing === undefined ? null : personName(standing.runner.givenName, standing.runner.familyName)
    problems.push({
      device: null,
      count: null,
      candidates: [],
      ...p,
      race,
      entrantId: standing?.runner.entrantId ?? null,
      name,
      checked: state.checks.get(p.key) ?? null,
    })
  }
  clockProblems(state, add)
  const finish = state.manual.get('finish')
  if (finish !== undefined) {
    const { times, waiting } = finish.unmatched()
    for (const t of times) add({ key: `time:${t.id}`, kind: 'timeWithoutBib', bib: null, captureId: t.id, atMs: t.atMs, timesMs: [] })
    for (const w of waiting)
      add({ key: `waiting:${w.id}`, kind: 'bibWithoutTime', bib: w.bib, captureId: w.id, atMs: null, timesMs: [] }, state.byBib.get(w.bib))
    for (const bib of finish.bibs()) {
      const times = finish.timesOf(bib)
      if (times.length === 0) continue
      const standing = state.byBib.get(bib)
      if (standing === undefined)
        add({ key: `unknown:${bib}`, kind: 'unknownBib', bib, captureId: times[0]?.id ?? null, atMs: times[0]?.atMs ?? null, timesMs: [] })
      else if (times.length > 1) {
        const precision = state.raceById.get(standing.runner.raceId)?.rules.precision ?? 's'
        // As the results show a time: rounded up, so the two screens never disagree on it.
        const timesMs = times.map((t) => roundUp(t.atMs - (standing.gunAtMs ?? 0), precision))
        add(
          {
            key: `duplicate:${bib}:${times.map((t) => t.id).join(',')}`,
            kind: 'duplicateFinish',
            bib,
            captureId: times[1]?.id ?? null,
            atMs: times[1]?.atMs ?? null,
            timesMs,
          },
          standing,
        )
      }
    }
  }
  for (const bib of state.passings.get('finish')?.keys() ?? []) {
    if (!state.byBib.has(bib))
      add({ key: `unknown:${bib}`, kind: 'unknownBib', bib, captureId: null, atMs: state.passings.get('finish')?.get(bib)?.atMs ?? null, timesMs: [] })
  }
  const noGun = new Set<string>()
  for (const race of state.races) {
    const recordMs = recordTimeMs(race.distanceM)
    for (const s of race.members) {
      const bib = s.runner.bib
      if (s.status === 'onCourse' && s.start !== null) {
        add({ key: `start:${s.runner.entrantId}`, kind: 'startWithoutFinish', bib, captureId: null, atMs: s.start.atMs, timesMs: [] }, s)
      }
      if (s.status !== 'finished' || s.finish === null) continue
      if (s.gunMs === null && s.netMs === null) {
        const key = `nogun:${race.id}:${s.runner.waveId ?? ''}`
        if (!noGun.has(key)) add({ key, kind: 'noGun', bib: null, captureId: null, atMs: null, timesMs: [] }, s)
        noGun.add(key)
      } else if ((s.gunMs ?? s.netMs ?? 0) < recordMs || (s.netMs ?? 1) <= 0) {
        add(
          {
            key: `impossible:${s.runner.entrantId}:${s.finish.atMs}`,
            kind: 'impossibleTime',
            bib,
            captureId: s.finish.captureId,
            atMs: s.finish.atMs,
            timesMs: [roundUp(s.gunMs ?? s.netMs ?? 0, race.rules.precision)],
          },
          s,
        )
      }
    }
  }
  return problems
}

// A device's clock and the office's differ by network delay at most; more than this ahead of when
// the office received a time, the time was in the office's future.
const futureToleranceMs = 2000

type Add = (p: Pick<ResultProblem, 'key' | 'kind' | 'bib' | 'captureId' | 'atMs' | 'timesMs'> & Partial<Pick<ResultProblem, 'device' | 'count'>>) => void

/** Instants the office's clock cannot vouch for: an unmeasured device, a time in the future, a time before the day's first gun. */
function clockProblems(state: ResultsState, add: Add): void {
  const guns = [...state.guns.race.values(), ...state.guns.wave.values()]
  const firstGun = guns.length === 0 ? null : Math.min(...guns)
  const unknown = new Map<string, { count: number; first: { id: string; atMs: number } }>()
  for (const [point, captures] of state.captures) {
    for (const c of captures) {
      if (c.atMs === null) continue
      if (c.clockUnknown === 1 && c.clock !== null) {
        const seen = unknown.get(c.clock)
        if (seen === undefined) unknown.set(c.clock, { count: 1, first: { id: c.id, atMs: c.atMs } })
        else seen.count++
      }
      if (c.atMs > c.createdAtMs + futureToleranceMs) {
        add({
          key: `future:${c.id}:${c.atMs}`,
          kind: 'futureTime',
          bib: c.bib,
          captureId: c.id,
          atMs: c.atMs,
          timesMs: [c.atMs - c.createdAtMs],
          device: c.device,
        })
      } else if (point !== 'start' && firstGun !== null && c.atMs < firstGun) {
        add({
          key: `early:${c.id}:${c.atMs}`,
          kind: 'beforeFirstGun',
          bib: c.bib,
          captureId: c.id,
          atMs: c.atMs,
          timesMs: [firstGun - c.atMs],
          device: c.device,
        })
      }
    }
  }
  for (const [clock, { count, first }] of unknown) {
    add({ key: `clock:${clock}:${count}`, kind: 'clockUnknown', bib: null, captureId: first.id, atMs: first.atMs, timesMs: [], device: clock, count })
  }
}

export function openProblems(state: ResultsState): number {
  return problemsOf(state).filter((p) => p.checked === null).length
}

/**
 * Whether a race's results (its podium among them) are still provisional: a problem of the race
 * not yet checked, or one of no race (a time without a bib may be any race's).
 */
export function provisionalRaces(state: ResultsState): (race: string) => boolean {
  const open = problemsOf(state).filter((p) => p.checked === null)
  const anyRace = open.some((p) => p.race === null)
  const races = new Set(open.map((p) => p.race))
  return (race) => anyRace || races.has(race)
}
