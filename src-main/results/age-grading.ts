import type { AgeGradeReason } from '../../src-shared/contract/results'
import { firstTableAge, lastTableAge, roadTables2025 } from './age-grading-tables'

type TableDistance = (typeof roadTables2025)[number]

/** A race's distance as the tables have it: within a metre (21,097 m is the half marathon's 21,097.5), never the nearest one. */
export function tableDistance(distanceM: number): TableDistance | null {
  return roadTables2025.find((d) => Math.abs(d.distanceM - distanceM) <= 1) ?? null
}

export type AgeGrade =
  { ageGradePct: number; ageGradedTimeMs: number; ageGradeReason: null } | { ageGradePct: null; ageGradedTimeMs: null; ageGradeReason: AgeGradeReason | null }

const none = (reason: AgeGradeReason | null): AgeGrade => ({ ageGradePct: null, ageGradedTimeMs: null, ageGradeReason: reason })

/**
 * The tables' own definition: age-graded time = time × factor (what an open-class runner would
 * have run), age grade % = 100 × open standard / (time × factor); the age on race day. A runner
 * not finished has nothing to grade (no reason); one the tables cannot grade says why.
 */
export function ageGrade(table: TableDistance | null, sex: 'F' | 'M' | 'X', age: number | null, timeMs: number | null): AgeGrade {
  if (timeMs === null || timeMs <= 0) return none(null)
  if (table === null) return none('distanceNotInTables')
  if (sex === 'X') return none('sexNotInTables')
  if (age === null) return none('noBirthDate')
  if (age < firstTableAge || age > lastTableAge) return none('ageNotInTables')
  const factor = (table.factors[sex][age - firstTableAge] as number) / 10_000
  const graded = timeMs * factor
  return {
    ageGradedTimeMs: Math.round(graded),
    ageGradePct: Math.round((100 * table.openSeconds[sex] * 1000 * 100) / graded) / 100,
    ageGradeReason: null,
  }
}
