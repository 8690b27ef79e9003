import type { ColumnMapping, ImportField } from '../../src-shared/contract/imports'
import { fold } from '../../src-shared/search/fold'
import type { Table } from './table'

/** A row that was one more purchased item of a runner already on an earlier row, and that row. */
export interface FoldedRow {
  row: number
  into: number
}

const nameFields: ImportField[] = ['givenName', 'familyName', 'fullName']

/**
 * Some platforms export one row per purchased item: the runner's entry, then a row for the
 * t-shirt and one for the donation, each under the same registration number and name. Those rows
 * are one entrant: folded into the first, each column taking the first row that fills it (the
 * shirt size from the t-shirt's row). A row that says otherwise in a column the import reads (a
 * different race, sex or bib) is not folded, and neither is the same number under another name (a
 * family under one order is several people): the import then says so, row by row.
 */
export function foldItemRows(table: Table, mapping: ColumnMapping): { table: Table; folded: FoldedRow[] } {
  const refAt = mapping.ref
  if (refAt === undefined) return { table, folded: [] }
  const nameOf = (cells: readonly string[]): string =>
    nameFields.map((field) => (mapping[field] === undefined ? '' : fold(cells[mapping[field] as number] ?? '').trim())).join('\u0000')
  const read = Object.values(mapping)
  const agrees = (earlier: readonly string[], cells: readonly string[]): boolean =>
    read.every((column) => {
      const [a, b] = [(earlier[column] ?? '').trim(), (cells[column] ?? '').trim()]
      return a === '' || b === '' || fold(a) === fold(b)
    })
  // Only a number that repeats can fold: the rest of a big field is passed over without folding a name.
  const uses = new Map<string, number>()
  for (const record of table.rows) {
    const ref = (record.cells[refAt] ?? '').trim()
    if (ref !== '') uses.set(ref, (uses.get(ref) ?? 0) + 1)
  }
  if (![...uses.values()].some((count) => count > 1)) return { table, folded: [] }
  const first = new Map<string, { row: number; cells: string[] }>()
  const folded: FoldedRow[] = []
  const rows: Table['rows'] = []
  for (const record of table.rows) {
    const ref = (record.cells[refAt] ?? '').trim()
    if ((uses.get(ref) ?? 0) < 2) {
      rows.push(record)
      continue
    }
    const key = `${ref}\u0000${nameOf(record.cells)}`
    const earlier = first.get(key)
    if (earlier === undefined || !agrees(earlier.cells, record.cells)) {
      const kept = { row: record.row, cells: [...record.cells] }
      if (earlier === undefined) first.set(key, kept)
      rows.push(kept)
      continue
    }
    record.cells.forEach((cell, column) => {
      if ((earlier.cells[column] ?? '').trim() === '' && cell.trim() !== '') earlier.cells[column] = cell
    })
    folded.push({ row: record.row, into: earlier.row })
  }
  return folded.length === 0 ? { table, folded } : { table: { ...table, rows }, folded }
}
