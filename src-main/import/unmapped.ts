import type { ColumnMapping, ImportField, UnmappedColumn } from '../../src-shared/contract/imports'
import { fold } from '../../src-shared/search/fold'
import type { Table } from './table'

/** Header words that say a column holds some kind of registration number ("Reg #", "Entry No.", "Order ID", "Anmelde-Nr."). */
const refWords = /(reg|registr|entry|entries|order|ticket|booking|confirm|particip|anmeld|teilnehm|inscri|참가|접수|신청|등록)/u
const numberWords = /(#|\bno\b|\bno\.|\bnr\b|\bnr\.|\bid\b|number|num\b|nummer|numero|número|번호)/u
const emailCell = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u
const shapeSample = 500
const dateCell = /^(\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{6}|\d{8})(\s.*)?$/u

/**
 * Every column the mapping does not read, so that nothing leaves a file without a word: its
 * header, how many rows fill it, and the field it looks like (by its header or its cells) when
 * that field has no column yet: a registration number, an e-mail address, a birth date.
 */
export function unmappedColumns(table: Table, mapping: ColumnMapping): UnmappedColumn[] {
  const read = new Set(Object.values(mapping))
  const columns: UnmappedColumn[] = []
  table.headers.forEach((header, column) => {
    if (read.has(column)) return
    // Every row is counted; the shape is judged on the first few hundred filled cells (a big field is 50,000 rows).
    let filled = 0
    const sample: string[] = []
    for (const { cells } of table.rows) {
      const cell = cells[column]
      if (cell === undefined || cell.trim() === '') continue
      filled++
      if (sample.length < shapeSample) sample.push(cell.trim())
    }
    if (header === '' && filled === 0) return
    const looksLike = [lookByHeader(header), lookByCells(sample)].find((field) => field !== null && mapping[field] === undefined) ?? null
    columns.push({ column, header, filled, looksLike })
  })
  return columns
}

function lookByHeader(header: string): ImportField | null {
  const text = fold(header)
  if (refWords.test(text) && numberWords.test(text)) return 'ref'
  return null
}

/** Most of the filled cells (four in five) have the field's shape. */
function lookByCells(cells: readonly string[]): ImportField | null {
  if (cells.length === 0) return null
  const share = (pattern: RegExp): number => cells.filter((cell) => pattern.test(cell)).length / cells.length
  if (share(emailCell) >= 0.8) return 'email'
  if (share(dateCell) >= 0.8) return 'birthDate'
  return null
}
