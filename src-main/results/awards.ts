import type { RaceStanding, ResultsState } from './engine'
import { ageGradeOf, compareCategories } from './rows'
import { compareRanked, type Standing } from './standing'
import { divisionKey } from '../../src-shared/divisions/divisions'

export interface AwardGroup {
  sex: 'F' | 'M' | 'X' | null
  category: string | null
  /** A division's award: the division as the award rules name it. */
  division: string | null
  winners: Standing[]
}

type Awards = { overall: AwardGroup[]; categories: AwardGroup[]; ageGraded: AwardGroup[]; divisions: AwardGroup[] }

const sexes = ['F', 'M', 'X'] as const

/**
 * A race's awards: the top N of each sex overall, and the top N of each category — where the
 * organiser says so, without the overall winners (the next runners of the category move up).
 * A tie at the last award place takes every runner of the tie.
 */
export function awardsOf(state: ResultsState, race: RaceStanding): Awards {
  const { awardOverall, awardCategory, awardExcludeOverall } = race.rules
  const overall = sexes
    .map((sex, i) => ({ sex, category: null, division: null, winners: topOf(race.bySex[i] as Standing[], awardOverall) }))
    .filter((g) => g.winners.length > 0)
  const taken = new Set(awardExcludeOverall ? overall.flatMap((g) => g.winners) : [])
  const categories = race.byCategory
    .map((runners, i) => ({ category: state.categories[i] as string, runners: runners.filter((s) => !taken.has(s)) }))
    .filter((g) => g.runners.length > 0)
    .sort((a, b) => compareCategories(a.category, b.category))
    .map(({ category, runners }) => ({ sex: runners[0]?.runner.sex ?? null, category, division: null, winners: topOf(runners, awardCategory) }))
    .filter((g) => g.winners.length > 0)
  return { overall, categories, ageGraded: ageGradedAwards(race), divisions: divisionAwards(state, race) }
}

/**
 * The top N of each division the award rules name, of each sex apart where they say so; apart
 * from every other award (a wheelchair winner may also win overall), ties taking every runner.
 */
function divisionAwards(state: ResultsState, race: RaceStanding): AwardGroup[] {
  return race.rules.divisions.flatMap((award) => {
    const index = state.divisions.findIndex((d) => divisionKey(d) === divisionKey(award.name))
    const runners = index < 0 ? [] : (race.byDivision[index] as Standing[])
    const groups = award.bySex ? sexes.map((sex) => ({ sex, runners: runners.filter((s) => s.runner.sex === sex) })) : [{ sex: null, runners }]
    return groups
      .map(({ sex, runners }) => ({ sex, category: null, division: award.name, winners: topOf(runners, award.top) }))
      .filter((g) => g.winners.length > 0)
  })
}

/**
 * The top N of each sex by age grade, apart from the awards by place (a runner may win both, as
 * the tables' users expect). Ties at the last award place take every runner of the tie.
 */
function ageGradedAwards(race: RaceStanding): AwardGroup[] {
  const n = race.rules.awardAgeGraded
  if (n === 0 || race.ageTable === null) return []
  return (['F', 'M'] as const)
    .map((sex, i) => {
      const graded = (race.bySex[i] as Standing[])
        .map((s) => ({ s, pct: ageGradeOf(race, s).ageGradePct }))
        .filter((g): g is { s: Standing; pct: number } => g.pct !== null)
        .sort((a, b) => b.pct - a.pct)
      let end = Math.min(n, graded.length)
      while (end > 0 && end < graded.length && graded[end - 1]?.pct === graded[end]?.pct) end++
      return { sex, category: null, division: null, winners: graded.slice(0, end).map((g) => g.s) }
    })
    .filter((g) => g.winners.length > 0)
}

function topOf(ordered: readonly Standing[], n: number): Standing[] {
  if (n === 0) return []
  let end = Math.min(n, ordered.length)
  while (end > 0 && end < ordered.length && compareRanked(ordered[end - 1] as Standing, ordered[end] as Standing) === 0) end++
  return ordered.slice(0, end)
}
