import type { ResultRow, ResultStatus } from '../../src-shared/contract/results'
import { placesOf, splitTimes, type Places, type RaceStanding, type ResultsState } from './engine'
import { roundUp, type Standing } from './standing'
import { ageGrade, type AgeGrade } from './age-grading'

/** Finishers in place order, then finishers without a time to rank (no gun), on course, DNS, DNF, DQ. */
const statusOrder: Record<ResultStatus, number> = { finished: 0, onCourse: 1, DNS: 2, DNF: 3, DQ: 4 }

/** A race's categories and divisions: they change only with its runners, which make a new standing. */
const groupNames = new WeakMap<RaceStanding, { categories: string[]; divisions: string[] }>()

function groupNamesOf(race: RaceStanding): { categories: string[]; divisions: string[] } {
  let names = groupNames.get(race)
  if (names === undefined) {
    const categories = new Set<string>()
    const divisions = new Set<string>()
    for (const s of race.members) {
      if (s.runner.category !== null) categories.add(s.runner.category)
      for (const d of s.runner.divisions) divisions.add(d)
    }
    names = { categories: [...categories].sort(compareCategories), divisions: [...divisions].sort((a, b) => a.localeCompare(b)) }
    groupNames.set(race, names)
  }
  return names
}

export function raceInfo(race: RaceStanding) {
  const counts: Record<ResultStatus, number> = { finished: 0, onCourse: 0, DNS: 0, DNF: 0, DQ: 0 }
  for (const s of race.members) counts[s.status]++
  const { categories, divisions } = groupNamesOf(race)
  return {
    id: race.id,
    name: race.name,
    distanceM: race.distanceM,
    rules: race.rules,
    categories,
    divisions,
    counts,
    ageGrading: race.ageTable !== null,
  }
}

/** By sex letter (M, W, X), then by the age the band starts at (U bands and seniors first). */
export function compareCategories(a: string, b: string): number {
  const age = (c: string): number => (/U\d+$/.test(c) ? -1 : Number(/\d+/.exec(c)?.[0] ?? 0))
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0 ? 0 : a[0] !== b[0] ? a.localeCompare(b) : age(a) - age(b) || a.localeCompare(b)
}

/** Every runner of a race in result order. */
export function inResultOrder(race: RaceStanding): Standing[] {
  const rest = race.members
    .filter((s) => s.rankedMs === null)
    .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || (a.runner.bib ?? Infinity) - (b.runner.bib ?? Infinity) || a.runner.num - b.runner.num)
  return [...race.ranked, ...rest]
}

/** A finisher's age grade, on the official time as published (rounded up to the race's precision). */
export function ageGradeOf(race: RaceStanding, s: Standing): AgeGrade {
  const official = race.rules.ranking === 'gun' ? s.gunMs : s.netMs
  return ageGrade(race.ageTable, s.runner.sex, s.runner.age, s.status === 'finished' && official !== null ? roundUp(official, race.rules.precision) : null)
}

export function toRow(state: ResultsState, race: RaceStanding, s: Standing, withSplits = true, places: Places = placesOf(race, s)): ResultRow {
  const { precision } = race.rules
  const r = s.runner
  const finished = s.status === 'finished'
  return {
    race: race.name,
    bib: r.bib,
    givenName: r.givenName,
    familyName: r.familyName,
    sex: r.sex,
    category: r.category,
    status: s.status,
    gunTimeMs: finished && s.gunMs !== null ? roundUp(s.gunMs, precision) : null,
    netTimeMs: finished && s.netMs !== null ? roundUp(s.netMs, precision) : null,
    place: places.place,
    sexPlace: places.sexPlace,
    categoryPlace: places.categoryPlace,
    raceId: race.id,
    entrantId: r.entrantId,
    secondName: r.secondName,
    wave: r.waveId === null ? null : (state.waveNames.get(r.waveId) ?? null),
    club: r.club,
    team: r.team,
    division: r.divisions,
    divisionPlaces: places.divisionPlaces,
    nationality: r.nationality,
    statusReason: s.override?.reason ?? null,
    finishAtMs: s.finish?.atMs ?? null,
    startAtMs: s.start?.atMs ?? null,
    finishSource: s.finish?.source ?? null,
    splits: withSplits && s.splits !== null ? splitTimes(state, race, s) : [],
    ...ageGradeOf(race, s),
  }
}
