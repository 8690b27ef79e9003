import type { CommandInput } from '../../../src-shared/contract'

export interface SplitRow {
  name: string
  km: string
}

export type TimingPointsProblem = { row: number; field: 'name' | 'km' } | { field: 'window' }

/**
 * The splits as typed (a name and a distance in km, decimal point or comma) and the read window in
 * seconds, read into the command's input or the fields to fix.
 */
export function readTimingPoints(
  rows: readonly SplitRow[],
  windowSeconds: string,
): { ok: true; input: CommandInput<'timing.setPoints'> } | { ok: false; problems: TimingPointsProblem[] } {
  const problems: TimingPointsProblem[] = []
  const splits: { name: string; distanceM: number }[] = []
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    const name = row.name.trim()
    if (name === '' && row.km.trim() === '') return
    const km = Number(row.km.trim().replace(',', '.'))
    const reserved = ['start', 'finish'].includes(name.toLowerCase())
    if (name === '' || name.length > 40 || reserved || seen.has(name.toLowerCase())) problems.push({ row: index, field: 'name' })
    if (!Number.isFinite(km) || km <= 0 || km > 1000) problems.push({ row: index, field: 'km' })
    seen.add(name.toLowerCase())
    splits.push({ name, distanceM: Math.round(km * 1000) })
  })
  const seconds = Number(windowSeconds.trim().replace(',', '.'))
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 600) problems.push({ field: 'window' })
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, input: { splits, readWindowMs: Math.round(seconds * 1000) } }
}
