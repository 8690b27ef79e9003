// Categories are derived from sex and age on race day, never typed. The default follows World
// Athletics masters: seniors below 35, then five-year bands (35, 40, …) for every sex, X included.

export type Sex = 'F' | 'M' | 'X'

/** An organiser's own band: from this age up to the next band's; `name` replaces "40-44". */
export interface CategoryBand {
  fromAge: number
  name?: string | undefined
}

export const sexPrefix: Record<Sex, string> = { M: 'M', F: 'W', X: 'X' }

/** Whole years between the birth date and race day (both YYYY-MM-DD), as a birthday counts. */
export function ageOnDay(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** The category of a runner; null when the age is not known. `bands` null means World Athletics. */
export function categoryOf(sex: Sex, age: number | null, bands: readonly CategoryBand[] | null): string | null {
  if (age === null) return null
  const prefix = sexPrefix[sex]
  if (bands === null || bands.length === 0) return age < 35 ? `${prefix}SEN` : `${prefix}${Math.floor(age / 5) * 5}`
  const sorted = [...bands].sort((a, b) => a.fromAge - b.fromAge)
  const first = sorted[0] as CategoryBand
  if (age < first.fromAge) return `${prefix}U${first.fromAge}`
  const index = sorted.findLastIndex((band) => band.fromAge <= age)
  return `${prefix}${bandLabel(sorted, index)}`
}

export function bandLabel(sorted: readonly CategoryBand[], index: number): string {
  const band = sorted[index] as CategoryBand
  if (band.name !== undefined && band.name !== '') return band.name
  const next = sorted[index + 1]
  return next === undefined ? `${band.fromAge}+` : `${band.fromAge}-${next.fromAge - 1}`
}
