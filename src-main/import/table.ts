import type { CellValue } from 'exceljs'
import Papa from 'papaparse'
import { CommandError } from '../../src-shared/contract'
import { decodeText, type TextEncoding } from './decode'
import { maxInflatedBytes, unpacksWithin } from './zip-size'

/** A registration file as rows of text cells; row numbers are the file's (the header is row 1 unless a title is above it). */
export interface Table {
  format: 'csv' | 'xlsx'
  encoding: TextEncoding | null
  delimiter: string | null
  headers: string[]
  rows: { row: number; cells: string[] }[]
  /** A workbook's sheets, and the one read (none for CSV). */
  sheets: string[]
  sheet: string | null
  /** Rows of the file that are not data: a title above the header, a page or summary some platforms append. */
  leftOut: LeftOutRow[]
}

export interface LeftOutRow {
  row: number
  reason: 'title' | 'after-data'
  text: string
}

type Row = { row: number; cells: string[] }

const zipMagic = [0x50, 0x4b, 0x03, 0x04]

export async function readTable(bytes: Uint8Array, options: { inflatedLimit?: number; sheet?: string | undefined } = {}): Promise<Table> {
  if (zipMagic.every((byte, i) => bytes[i] === byte)) {
    const limit = options.inflatedLimit ?? maxInflatedBytes
    if (!unpacksWithin(bytes, limit))
      throw new CommandError('IMPORT_REFUSED', `The spreadsheet unpacks to more than ${Math.round(limit / 1024 / 1024)} MB: it was not opened.`)
    return readXlsx(bytes, options.sheet)
  }
  return readCsv(bytes)
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes)
  if (text.trim() === '') throw new CommandError('IMPORT_UNREADABLE', 'The file is empty.')
  const delimiter = guessDelimiter(text)
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false })
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes')
  if (fatal !== undefined) {
    throw new CommandError('IMPORT_UNREADABLE', `A quoted field is never closed (from row ${(fatal.row ?? 0) + 2}).`, { row: (fatal.row ?? 0) + 2 })
  }
  // Row numbers count lines as a spreadsheet shows records: a field with a line break stays one row.
  const { headers, rows, leftOut } = frame(parsed.data.map((cells, index) => ({ row: index + 1, cells })))
  if (headers.every((cell) => cell === '')) throw new CommandError('IMPORT_UNREADABLE', 'The first row has no column names.')
  return { format: 'csv', encoding, delimiter, headers, rows, leftOut, sheets: [], sheet: null }
}

const filled = (cells: readonly string[]): number => cells.filter((cell) => cell.trim() !== '').length
const appendedPage = /^\s*<(!doctype|html|head|body|table|div|p|br|script|style)\b/i

/**
 * Where the data is: the header is the first of the first ten rows with two cells or more (a
 * title above it is left out), and the data ends where a page some platforms append begins (an
 * HTML tag) or, after a blank line, a block of rows of one or two cells each in a file of four
 * columns or more (a summary: "Total registrations,30"); a runner's row has more. What is left out is reported, never dropped silently.
 */
function frame(all: Row[]): { headers: string[]; rows: Row[]; leftOut: LeftOutRow[] } {
  const textOf = (cells: readonly string[]): string =>
    cells
      .filter((cell) => cell.trim() !== '')
      .join(' · ')
      .slice(0, 120)
  const headerAt = Math.max(
    0,
    all.slice(0, 10).findIndex(({ cells }) => filled(cells) >= 2),
  )
  const leftOut: LeftOutRow[] = all
    .slice(0, headerAt)
    .filter(({ cells }) => filled(cells) > 0)
    .map(({ row, cells }) => ({ row, reason: 'title' as const, text: textOf(cells) }))
  const headers = (all[headerAt]?.cells ?? []).map((h) => h.trim())
  let rows = all.slice(headerAt + 1).filter(({ cells }) => filled(cells) > 0)
  const pageAt = rows.findIndex(({ cells }) => appendedPage.test(cells.find((cell) => cell.trim() !== '') ?? ''))
  let endAt = pageAt < 0 ? rows.length : pageAt
  const width = filled(headers)
  if (width >= 4) {
    let summaryAt = endAt
    while (summaryAt > 0 && filled((rows[summaryAt - 1] as Row).cells) <= 2) summaryAt--
    const afterBlank = summaryAt > 0 && summaryAt < endAt && (rows[summaryAt] as Row).row > (rows[summaryAt - 1] as Row).row + 1
    if (afterBlank) endAt = summaryAt
  }
  for (const { row, cells } of rows.slice(endAt)) leftOut.push({ row, reason: 'after-data', text: textOf(cells) })
  rows = rows.slice(0, endAt)
  return { headers, rows, leftOut }
}

/** The separator the header row uses most, outside quotes: every export has one header row. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ])
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1)
  }
  let best = ','
  for (const [candidate, count] of counts) if (count > (counts.get(best) as number)) best = candidate
  return best
}

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined): Promise<Table> {
  // Loaded when a workbook comes: the spreadsheet library takes a third of a second to load.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new CommandError('IMPORT_UNREADABLE', `The spreadsheet cannot be read: ${(error as Error).message}`)
  }
  const sheets = workbook.worksheets.map((ws) => ws.name)
  const sheet =
    sheetName === undefined
      ? workbook.worksheets.find((ws) => ws.actualRowCount > 0)
      : workbook.worksheets.find((ws) => ws.name.toLowerCase() === sheetName.toLowerCase())
  if (sheet === undefined && sheetName !== undefined)
    throw new CommandError('NOT_FOUND', `The workbook has no sheet called "${sheetName}" (its sheets: ${sheets.join(', ')}).`, { sheet: sheetName, sheets })
  if (sheet === undefined) throw new CommandError('IMPORT_UNREADABLE', 'The spreadsheet has no rows.')
  // Every column up to the highest letter used: an empty spacer column must not shift the ones after it.
  const width = sheet.columnCount
  const all: Row[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    all.push({ row: rowNumber, cells: Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value)) })
  })
  if (all.length === 0) throw new CommandError('IMPORT_UNREADABLE', `The sheet "${sheet.name}" has no rows.`)
  return { format: 'xlsx', encoding: null, delimiter: null, sheets, sheet: sheet.name, ...frame(all) }
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return ''
  // A date-formatted cell: the calendar day Excel shows (stored as UTC midnight).
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}
