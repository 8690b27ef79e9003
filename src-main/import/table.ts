import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { CommandError } from '../../src-shared/contract'
import { decodeText, type TextEncoding } from './decode'
import { maxInflatedBytes, unpacksWithin } from './zip-size'

/** A registration file as rows of text cells; row numbers are the file's (the header is row 1). */
export interface Table {
  format: 'csv' | 'xlsx'
  encoding: TextEncoding | null
  delimiter: string | null
  headers: string[]
  rows: { row: number; cells: string[] }[]
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04]

export async function readTable(bytes: Uint8Array, inflatedLimit = maxInflatedBytes): Promise<Table> {
  if (zipMagic.every((byte, i) => bytes[i] === byte)) {
    if (!unpacksWithin(bytes, inflatedLimit))
      throw new CommandError('IMPORT_REFUSED', `The spreadsheet unpacks to more than ${Math.round(inflatedLimit / 1024 / 1024)} MB: it was not opened.`)
    return readXlsx(bytes)
  }
  return readCsv(bytes)
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes)
  if (text.trim() === '') throw new CommandError('IMPORT_UNREADABLE', 'The file is empty.')
  const delimiter = guessDelimiter(text)
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false })
  const data = parsed.data
  const [header, ...body] = data
  if (header === undefined || header.every((cell) => cell.trim() === '')) throw new CommandError('IMPORT_UNREADABLE', 'The first row has no column names.')
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes')
  if (fatal !== undefined) {
    throw new CommandError('IMPORT_UNREADABLE', `A quoted field is never closed (from row ${(fatal.row ?? 0) + 2}).`, { row: (fatal.row ?? 0) + 2 })
  }
  // Row numbers count lines as a spreadsheet shows records: a field with a line break stays one row.
  const rows = body.map((cells, index) => ({ row: index + 2, cells })).filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
  return { format: 'csv', encoding, delimiter, headers: header.map((h) => h.trim()), rows }
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

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new CommandError('IMPORT_UNREADABLE', `The spreadsheet cannot be read: ${(error as Error).message}`)
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0)
  if (sheet === undefined) throw new CommandError('IMPORT_UNREADABLE', 'The spreadsheet has no rows.')
  // Every column up to the highest letter used: an empty spacer column must not shift the ones after it.
  const width = sheet.columnCount
  const rows: { row: number; cells: string[] }[] = []
  let headers: string[] | null = null
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value))
    if (headers === null) headers = cells.map((c) => c.trim())
    else if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells })
  })
  if (headers === null) throw new CommandError('IMPORT_UNREADABLE', 'The spreadsheet has no rows.')
  return { format: 'xlsx', encoding: null, delimiter: null, headers, rows }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  // A date-formatted cell: the calendar day Excel shows (stored as UTC midnight).
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}
