import { CommandError } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { fold } from '../../src-shared/search/fold'
import type { Db } from '../db/schema'
import type { ImportSessions } from '../import/sessions'

/** A header as the guesses compare it: folded, without spaces or punctuation. */
export const squashHeader = (h: string): string => fold(h).replace(/[^\p{L}\p{N}]+/gu, '')

type Rejected = { row: number; field: string; code: string; message: string; params?: Record<string, string | number> }

/** A chip as it is matched: a decoder may drop the chip file's leading zeros or write its hex in small letters. */
export function chipKey(text: string): string {
  const trimmed = text.trim().toUpperCase()
  return trimmed === '' ? '' : trimmed.replace(/^0+(?=.)/, '')
}

export const chipHeaders = ['chip', 'chipcode', 'chipid', 'chipnumber', 'transponder', 'transponderid', 'tag', 'tagid', 'epc', 'code']
export const bibHeaders = ['bib', 'bibnumber', 'bibno', 'startnumber', 'startnummer', 'number', 'dossard', '배번']

/**
 * The timing company's chip file, whole or not at all: one chip per bib line. A chip already
 * known is moved to its new bib (a re-issued chip); the count says so.
 */
export async function importChips(db: Db, sessions: ImportSessions, input: ParsedInput<'chips.import'>, nowMs: number) {
  const { table } = await sessions.table(input.id)
  const chipColumn = table.headers.findIndex((h) => chipHeaders.includes(squashHeader(h)))
  const bibColumn = table.headers.findIndex((h) => bibHeaders.includes(squashHeader(h)))
  if (chipColumn < 0 || bibColumn < 0) {
    throw new CommandError(
      'IMPORT_REFUSED',
      `Nothing was imported: a chip file needs a chip column and a bib column. Its columns are: ${table.headers.join(', ')}.`,
      {
        headers: table.headers,
        imported: 0,
        replaced: 0,
        unchanged: 0,
        rejected: [],
      },
    )
  }
  const known = new Map((await db.selectFrom('chip').select(['code', 'bib']).execute()).map((c) => [c.code, c.bib]))
  const seen = new Map<string, number>()
  const rejected: Rejected[] = []
  const rows: { code: string; bib: number }[] = []
  for (const { row, cells } of table.rows) {
    const code = chipKey(cells[chipColumn] ?? '')
    const bibText = (cells[bibColumn] ?? '').trim()
    if (code === '') rejected.push({ row, field: 'chip', code: 'MISSING', message: 'The chip code is missing.' })
    else if (seen.has(code))
      rejected.push({
        row,
        field: 'chip',
        code: 'DUPLICATE_CHIP',
        message: `Chip ${code} is also on row ${seen.get(code)}.`,
        params: { chip: code, otherRow: seen.get(code) as number },
      })
    else if (!/^\d{1,7}$/.test(bibText) || Number(bibText) < 1)
      rejected.push({ row, field: 'bib', code: 'INVALID', message: `"${bibText}" is not a bib number.`, params: { value: bibText } })
    else {
      seen.set(code, row)
      rows.push({ code, bib: Number(bibText) })
    }
  }
  if (rejected.length > 0) {
    throw new CommandError('IMPORT_REFUSED', `Nothing was imported: ${new Set(rejected.map((r) => r.row)).size} row(s) have problems.`, {
      imported: 0,
      replaced: 0,
      unchanged: 0,
      rejected,
    })
  }
  let imported = 0
  let replaced = 0
  let unchanged = 0
  for (const { code, bib } of rows) {
    const before = known.get(code)
    if (before === bib) {
      unchanged++
      continue
    }
    if (before === undefined) imported++
    else replaced++
    await db
      .insertInto('chip')
      .values({ code, bib, updated_at_ms: nowMs })
      .onConflict((oc) => oc.column('code').doUpdateSet({ bib, updated_at_ms: nowMs }))
      .execute()
  }
  sessions.discard(input.id)
  return { imported, replaced, unchanged, rejected }
}
