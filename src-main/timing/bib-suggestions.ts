import type { ReadDb } from '../db/schema'
import type { ResultsState } from '../results/engine'
import { personName } from '../../src-shared/names/person-name'
import { nearMissBibs, reasonRank, type NearMissReason } from './near-miss'

export type RunnerState = 'onCourse' | 'alreadyHere' | 'notStarted' | 'out'

export interface BibSuggestion {
  bib: number
  reason: NearMissReason
  name: string
  race: string
  state: RunnerState
  /** When the runner was expected at this point: their gun plus their predicted time, or the race's median so far. */
  expectedAtMs: number | null
}

const stateRank: Record<RunnerState, number> = { onCourse: 0, notStarted: 3, alreadyHere: 4, out: 4 }
/** Ten minutes from when a runner was expected weighs as much as one step down in the kind of mistake. */
const closenessUnitMs = 600_000

/**
 * The bibs an official most likely meant, best first: runners on course in a started race come
 * before those not started or already through this point; among them the likelier mistake and the
 * runner expected nearest to the time comes first.
 */
export async function suggestBibs(state: ResultsState, db: ReadDb, typed: string, point: string, atMs: number, limit = 8): Promise<BibSuggestion[]> {
  const bibs = [...nearMissBibs(typed)].filter(([bib]) => state.byBib.has(bib))
  if (bibs.length === 0) return []
  const predicted = new Map(
    (
      await db
        .selectFrom('entrant')
        .select(['bib', 'predicted_time_ms'])
        .where(
          'bib',
          'in',
          bibs.map(([bib]) => bib),
        )
        .where('predicted_time_ms', 'is not', null)
        .execute()
    ).map((e) => [e.bib as number, e.predicted_time_ms as number]),
  )
  const scored = bibs.map(([bib, reason]) => {
    const standing = state.byBib.get(bib) as NonNullable<ReturnType<typeof state.byBib.get>>
    const race = state.raceById.get(standing.runner.raceId)
    const gun = standing.gunAtMs
    const here = point === 'finish' ? standing.finish : point === 'start' ? standing.start : (standing.splits?.get(point) ?? null)
    const runnerState: RunnerState = standing.override !== null ? 'out' : gun === null || gun > atMs ? 'notStarted' : here !== null ? 'alreadyHere' : 'onCourse'
    const split = state.splitPoints.find((p) => p.name === point)
    const share = split === undefined || race === undefined || race.distanceM === 0 ? 1 : split.distanceM / race.distanceM
    const median = race?.ranked[Math.floor(race.ranked.length / 2)]?.rankedMs ?? null
    const typical = predicted.get(bib) ?? median
    const expectedAtMs = gun === null || typical === null || point === 'start' ? null : gun + Math.round(typical * share)
    const closeness = expectedAtMs === null ? 2 : Math.min(3, Math.abs(atMs - expectedAtMs) / closenessUnitMs)
    const score = stateRank[runnerState] * 10 + reasonRank[reason] + closeness
    return {
      suggestion: {
        bib,
        reason,
        name: personName(standing.runner.givenName, standing.runner.familyName),
        race: race?.name ?? '',
        state: runnerState,
        expectedAtMs,
      },
      score,
    }
  })
  return scored
    .filter((s) => s.suggestion.reason !== 'asTyped' || s.suggestion.state === 'onCourse')
    .sort((a, b) => a.score - b.score || a.suggestion.bib - b.suggestion.bib)
    .slice(0, limit)
    .map((s) => s.suggestion)
}
