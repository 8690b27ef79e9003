import type { TeamRules } from '../../src-shared/contract/result-rules'
import type { RaceStanding } from './engine'
import { placesOf } from './engine'
import { roundUp, type Standing } from './standing'
import type { TeamName } from './team-names'

export interface Scorer {
  standing: Standing
  /** The place that counts for the team: among the runners with a team, or overall. */
  place: number
  timeMs: number
}

export interface TeamResult {
  team: string
  /** Women's or men's team when teams are by sex; null for open and mixed teams. */
  sex: 'F' | 'M' | null
  /** Null for an incomplete team (listed after the complete ones). */
  place: number | null
  score: number
  complete: boolean
  scorers: Scorer[]
}

/** What the race's teams are made of: the runners' clubs or their teams. */
const teamOf = (standing: Standing, rules: TeamRules): TeamName | null => standing.runner.teamNames[rules.from]

/**
 * The first N finishers of each team score, as the race's rules say: by the sum of their places
 * (among team runners only, as in cross-country, or overall) or of their times, lowest first. A
 * tie goes to the team whose last scorer placed better; a team with fewer than N finishers (or,
 * mixed, too few of one sex) is incomplete and listed after the complete ones.
 */
export function teamResults(race: RaceStanding): TeamResult[] {
  const rules = race.rules.teams
  if (rules === null) return []
  const groups: { sex: 'F' | 'M' | null; runners: Standing[] }[] =
    rules.sex === 'bySex'
      ? [
          { sex: 'F', runners: race.bySex[0] },
          { sex: 'M', runners: race.bySex[1] },
        ]
      : [{ sex: null, runners: race.ranked }]
  const names = teamNames(race, rules)
  return groups.flatMap(({ sex, runners }) => scoreGroup(race, rules, sex, runners, names))
}

/** How a team is written: as most of its runners' registrations write it. */
function teamNames(race: RaceStanding, rules: TeamRules): Map<string, string> {
  const written = new Map<TeamName, number>()
  for (const s of race.members) {
    const name = teamOf(s, rules)
    if (name !== null) written.set(name, (written.get(name) ?? 0) + 1)
  }
  const best = new Map<string, { written: string; count: number }>()
  for (const [name, count] of written) {
    const held = best.get(name.key)
    if (held === undefined || count > held.count || (count === held.count && name.written.localeCompare(held.written) < 0))
      best.set(name.key, { written: name.written, count })
  }
  return new Map([...best].map(([key, { written }]) => [key, written]))
}

function scoreGroup(race: RaceStanding, rules: TeamRules, sex: 'F' | 'M' | null, runners: readonly Standing[], names: Map<string, string>): TeamResult[] {
  const withTeam = runners.filter((s) => teamOf(s, rules) !== null)
  const teams = new Map<string, { name: string; finishers: Scorer[] }>()
  // A team open or by sex needs its first `size` finishers only; a mixed team picks among all of them.
  const kept = rules.sex === 'mixed' ? Infinity : rules.size
  for (let i = 0; i < withTeam.length; i++) {
    const standing = withTeam[i] as Standing
    const key = (teamOf(standing, rules) as TeamName).key
    let entry = teams.get(key)
    if (entry === undefined) teams.set(key, (entry = { name: names.get(key) as string, finishers: [] }))
    if (entry.finishers.length >= kept) continue
    const place = rules.places === 'team' ? i + 1 : (placesOf(race, standing).place as number)
    entry.finishers.push({ standing, place, timeMs: roundUp(standing.rankedMs as number, race.rules.precision) })
  }
  const results = [...teams.values()].map(({ name, finishers }): TeamResult => {
    const scorers = rules.sex === 'mixed' ? mixedScorers(finishers, rules) : finishers.slice(0, rules.size)
    const complete = scorers.length === rules.size && (rules.sex !== 'mixed' || hasEachSex(scorers, rules.mixedMin))
    const score = scorers.reduce((sum, s) => sum + (rules.score === 'places' ? s.place : s.timeMs), 0)
    return { team: name, sex, place: null, score, complete, scorers }
  })
  const last = (t: TeamResult): number => t.scorers.at(-1)?.place ?? Infinity
  results.sort(
    (a, b) =>
      Number(b.complete) - Number(a.complete) ||
      (a.complete ? 0 : b.scorers.length - a.scorers.length) ||
      a.score - b.score ||
      last(a) - last(b) ||
      a.team.localeCompare(b.team),
  )
  let place = 0
  for (const [i, t] of results.entries()) {
    if (!t.complete) break
    const before = results[i - 1]
    place = before !== undefined && before.score === t.score && last(before) === last(t) ? place : i + 1
    t.place = place
  }
  return results
}

/** The first `mixedMin` of each sex, then the best of the rest, in finish order. */
function mixedScorers(finishers: readonly Scorer[], rules: TeamRules): Scorer[] {
  const of = (sex: 'F' | 'M'): Scorer[] => finishers.filter((f) => f.standing.runner.sex === sex).slice(0, rules.mixedMin)
  const required = new Set([...of('F'), ...of('M')])
  const rest = finishers.filter((f) => !required.has(f)).slice(0, Math.max(0, rules.size - required.size))
  return finishers.filter((f) => required.has(f) || rest.includes(f))
}

function hasEachSex(scorers: readonly Scorer[], min: number): boolean {
  return (['F', 'M'] as const).every((sex) => scorers.filter((s) => s.standing.runner.sex === sex).length >= min)
}
