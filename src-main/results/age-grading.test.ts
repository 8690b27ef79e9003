import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { organiser, tempRouter, finishLine } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'
import { ageGrade, tableDistance } from './age-grading'
import { firstTableAge, roadTables2025 } from './age-grading-tables'

const shared = join(import.meta.dirname, '..', '..', '..', 'shared', 'age-grading')
const csv = (name: string): string[][] =>
  readFileSync(join(shared, name), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','))
const factorOf = (sex: string, age: number, distanceM: number): number => {
  const row = csv('road-factors-2025.csv').find(([s, a, d]) => s === sex && Number(a) === age && Number(d) === distanceM)
  return Number(row?.[3])
}
const standardOf = (sex: string, distanceM: number): number =>
  Number(csv('road-open-standards-2025.csv').find(([s, d]) => s === sex && Number(d) === distanceM)?.[2])

describe('the road age-grading tables the office carries', () => {
  it('hold every factor and open standard of the 2025 tables exactly', () => {
    const rows = csv('road-factors-2025.csv')
    expect(rows).toHaveLength(roadTables2025.length * 2 * 96)
    for (const [sex, age, distance, factor] of rows) {
      const table = roadTables2025.find((d) => d.distanceM === Number(distance))
      expect(table?.factors[sex as 'F' | 'M'][Number(age) - firstTableAge]).toBe(Math.round(Number(factor) * 10_000))
    }
    for (const [sex, distance, seconds] of csv('road-open-standards-2025.csv'))
      expect(roadTables2025.find((d) => d.distanceM === Number(distance))?.openSeconds[sex as 'F' | 'M']).toBe(Number(seconds))
  })
})

describe('an age grade', () => {
  it.each([
    ['M', 45, 42195, 3 * 3600],
    ['F', 62, 10000, 52 * 60 + 17],
    ['M', 17, 5000, 17 * 60 + 3],
    ['F', 80, 21097.5, 2 * 3600 + 41 * 60],
    ['M', 100, 1609.344, 15 * 60],
  ] as const)('is the tables’ own: %s aged %i over %f m in %i s', (sex, age, distanceM, seconds) => {
    const factor = factorOf(sex, age, distanceM)
    const graded = ageGrade(tableDistance(Math.round(distanceM)), sex, age, seconds * 1000)
    expect(graded.ageGradedTimeMs).toBe(Math.round(seconds * 1000 * factor))
    expect(graded.ageGradePct).toBeCloseTo((100 * standardOf(sex, distanceM)) / (seconds * factor), 2)
    expect(graded.ageGradeReason).toBeNull()
  })

  it('is none, with the reason, for a distance not in the tables, sex X, no birth date or an age past the tables', () => {
    expect(tableDistance(21097)?.distanceM).toBe(21097.5)
    expect(tableDistance(16093)?.distanceM).toBe(16093.44)
    expect(tableDistance(21100)).toBeNull()
    expect(ageGrade(tableDistance(21100), 'F', 40, 6_000_000)).toEqual({ ageGradePct: null, ageGradedTimeMs: null, ageGradeReason: 'distanceNotInTables' })
    expect(ageGrade(tableDistance(10000), 'X', 40, 3_000_000).ageGradeReason).toBe('sexNotInTables')
    expect(ageGrade(tableDistance(10000), 'M', null, 3_000_000).ageGradeReason).toBe('noBirthDate')
    expect(ageGrade(tableDistance(10000), 'M', 4, 3_000_000).ageGradeReason).toBe('ageNotInTables')
    expect(ageGrade(tableDistance(10000), 'M', 40, null)).toEqual({ ageGradePct: null, ageGradedTimeMs: null, ageGradeReason: null })
  })
})

describe('age-graded results', () => {
  it('grade every finisher on the official time at their age on race day, and sort by age grade', async () => {
    const { router } = await tempRouter()
    unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'UTC' }, organiser))
    unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
    const gun = Date.UTC(2025, 3, 6, 9)
    const runners = [
      { bib: 1, sex: 'M', birthDate: '1995-01-01', seconds: 2100 },
      // 62 on race day: born the day after it in 1962.
      { bib: 2, sex: 'F', birthDate: '1962-04-07', seconds: 2700 },
      { bib: 3, sex: 'X', birthDate: '1990-05-05', seconds: 2400 },
      { bib: 4, sex: 'M', seconds: 2500 },
    ] as const
    for (const r of runners)
      unwrap(
        await router.call(
          'entrants.create',
          { raceId: 1, givenName: `R${r.bib}`, familyName: 'Lee', sex: r.sex, bib: r.bib, ...('birthDate' in r && { birthDate: r.birthDate }) },
          organiser,
        ),
      )
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    for (const r of runners)
      unwrap(await router.call('timing.capture', { device: 'd', seq: r.bib, point: 'finish', atMs: gun + r.seconds * 1000, bib: r.bib }, finishLine))
    const list = unwrap(await router.call('results.list', { raceId: 1 }, organiser))
    const byBib = new Map(list.rows.map((r) => [r.bib, r]))
    expect(byBib.get(2)).toMatchObject({ ageGradedTimeMs: Math.round(2_700_000 * factorOf('F', 62, 10000)), ageGradeReason: null })
    expect(byBib.get(1)?.ageGradePct).toBeCloseTo((100 * 1584) / (2100 * factorOf('M', 30, 10000)), 2)
    expect(byBib.get(3)).toMatchObject({ ageGradePct: null, ageGradeReason: 'sexNotInTables' })
    expect(byBib.get(4)).toMatchObject({ ageGradePct: null, ageGradeReason: 'noBirthDate' })
    const sorted = unwrap(await router.call('results.list', { raceId: 1, sort: 'ageGrade' }, organiser))
    expect(sorted.rows.map((r) => r.bib)).toEqual([2, 1, 3, 4])

    // Age-graded awards: none until the race asks for them, then the top one of each sex by age grade.
    const awards = async () => unwrap(await router.call('results.awards', { raceId: 1 }, organiser)).races[0]?.ageGraded
    expect(await awards()).toEqual([])
    unwrap(await router.call('races.update', { id: 1, awardAgeGraded: 1 }, organiser))
    expect((await awards())?.map((g) => [g.sex, g.rows.map((r) => r.bib)])).toEqual([
      ['F', [2]],
      ['M', [1]],
    ])
  })
})
