import { basename, extname } from 'node:path'
import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { timerFields, type TimerField } from '../../src-shared/contract/manual-timing'
import { parseTypedTime } from '../../src-shared/timing/typed-times'
import { bibHeaders, squashHeader } from '../bibs/chips'
import type { Db, ReadDb } from '../db/schema'
import { decodeText } from '../import/decode'
import type { ImportSessions } from '../import/sessions'
import { insertCapture } from './captures'
import { requirePoint } from './points'
import { keepElapsed, typedInstants } from './typed-times'

// A stopwatch's or a timing app's export: one time a line, with a place or a bib before it, as
// CSV, text or a workbook, with or without a header line.

type Mapping = Partial<Record<TimerField, string>>
type Rows = { headers: string[]; hasHeader: boolean; rows: { row: number; cells: string[] }[] }
type Rejected = { row: number; field: string; code: string; message: string; value?: string }

const headerGuesses: Record<TimerField, readonly string[]> = {
  place: ['place', 'pos', 'position', 'rank', 'order', 'finishplace', 'platz', 'rang', '순위', '등수'],
  bib: bibHeaders,
  time: ['time', 'elapsed', 'elapsedtime', 'racetime', 'split', 'laptime', 'finishtime', 'timeofday', 'tod', 'zeit', '시간', '기록'],
}

/** A time as a stopwatch prints it, colons and all (a decimal comma taken as a point). */
const timeCell = (text: string): number | null => (/:/.test(text) ? parseTypedTime(text.replace(',', '.')) : null)

async function timerRows(sessions: ImportSessions, id: string): Promise<Rows> {
  const bytes = sessions.bytes(id)
  const isWorkbook = bytes[0] === 0x50 && bytes[1] === 0x4b
  const lines = isWorkbook
    ? []
    : decodeText(bytes)
        .text.split(/\r\n|\r|\n/)
        .map((text, i) => ({ row: i + 1, text: text.trim() }))
        .filter((l) => l.text !== '')
  const first = lines[0]
  // A first line that already holds a time is data: the file has no header.
  if (first !== undefined && split(first.text).some((cell) => timeCell(cell) !== null)) {
    const rows = lines.map((l) => ({ row: l.row, cells: split(l.text) }))
    const width = Math.max(...rows.map((r) => r.cells.length))
    return { headers: Array.from({ length: width }, (_, i) => `Column ${i + 1}`), hasHeader: false, rows }
  }
  const { table } = await sessions.table(id)
  return { headers: table.headers, hasHeader: true, rows: table.rows }
}

function split(line: string): string[] {
  const delimiter = line.includes('\t') ? '\t' : line.includes(';') ? ';' : line.includes(',') && !/^\d+:\d+,\d+$/.test(line) ? ',' : /\s+/
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'))
}

/** Which column holds what: by the header, or by what the cells look like (a place column counts 1, 2, 3…). */
export function guessTimerMapping(file: Rows): Mapping {
  const mapping: Mapping = {}
  if (file.hasHeader) {
    for (const field of timerFields) {
      const header = file.headers.find((h) => headerGuesses[field].includes(squashHeader(h)))
      if (header !== undefined) mapping[field] = header
    }
    if (mapping.time !== undefined) return mapping
  }
  const sample = file.rows.slice(0, 200)
  const share = (column: number, test: (cell: string) => boolean): number =>
    sample.filter((r) => test(r.cells[column] ?? '')).length / Math.max(1, sample.length)
  const columns = file.headers.map((_, i) => i)
  const time = columns.findLast((i) => share(i, (c) => timeCell(c) !== null) >= 0.5)
  if (time !== undefined && mapping.time === undefined) mapping.time = file.headers[time]
  for (const i of columns.filter((c) => c !== time && share(c, (cell) => /^\d{1,7}$/.test(cell)) >= 0.5)) {
    const counts = sample.every((r, k) => Number(r.cells[i]) === Number(sample[0]?.cells[i]) + k)
    const field: TimerField = counts && mapping.place === undefined ? 'place' : 'bib'
    if (mapping[field] === undefined) mapping[field] = file.headers[i]
  }
  return mapping
}

/** The timer a file stands for: its name without the extension. */
export function timerNameOf(fileName: string): string {
  const name = basename(fileName, extname(fileName)).trim() || 'timer file'
  return `timer ${name}`.slice(0, 60)
}

/** Times of other devices at the point: a file imported on top of them is a backup to cross-check with. */
async function pointTimes(db: ReadDb, point: string, device: string): Promise<number> {
  const { n } = await db
    .selectFrom('capture')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('point', '=', point)
    .where('state', '=', 'active')
    .where('at_ms', 'is not', null)
    .where('device', '!=', device)
    .executeTakeFirstOrThrow()
  return Number(n)
}

export async function previewTimes(db: ReadDb, sessions: ImportSessions, input: ParsedInput<'times.preview'>) {
  const file = await timerRows(sessions, input.id)
  const device = timerNameOf(sessions.fileName(input.id))
  return {
    headers: file.headers,
    hasHeader: file.hasHeader,
    mapping: guessTimerMapping(file),
    sample: file.rows.slice(0, 5).map((r) => r.cells),
    rows: file.rows.length,
    device,
    pointTimes: await pointTimes(db, 'finish', device),
  }
}

const empty = { imported: 0, duplicates: 0, withBib: 0, rejected: [] as Rejected[] }

/**
 * A timer file's times as captures of source `typed` (line numbers are their sequence, so the same
 * file again adds nothing), checked line by line (a bad line refuses the whole file unless the good
 * ones are to go in without it).
 */
export async function importTimes(db: Db, sessions: ImportSessions, input: ParsedInput<'times.import'>, session: Session, nowMs: number) {
  const point = await requirePoint(db, input.point)
  const file = await timerRows(sessions, input.id)
  const mapping = { ...guessTimerMapping(file), ...input.mapping }
  const device = input.device ?? timerNameOf(sessions.fileName(input.id))
  const as = input.as ?? ((await pointTimes(db, point, device)) > 0 ? 'backup' : 'main')
  const details = { ...empty, device, point, as }
  for (const [field, header] of Object.entries(mapping)) {
    if (!file.headers.includes(header))
      throw new CommandError('TIMES_REFUSED', `The file has no column called ${header} (for ${field}). Its columns are: ${file.headers.join(', ')}.`, details)
  }
  if (mapping.time === undefined)
    throw new CommandError('TIMES_REFUSED', `Say which column holds the times. The file's columns are: ${file.headers.join(', ')}.`, details)
  const at = (field: TimerField): number => (mapping[field] === undefined ? -1 : file.headers.indexOf(mapping[field]))
  const instantOf = await typedInstants(db, input.clock, input.raceId, input.waveId)
  const rejected: Rejected[] = []
  const times: { seq: number; atMs: number; timeMs: number; bib: number | null }[] = []
  for (const { row, cells } of file.rows) {
    const cell = (field: TimerField): string => (at(field) < 0 ? '' : (cells[at(field)] ?? '').trim())
    const timeText = cell('time')
    const timeMs = parseTypedTime(timeText.replace(',', '.'))
    const atMs = timeMs === null ? null : instantOf(timeMs)
    if (atMs === null) {
      rejected.push({
        row,
        field: 'time',
        code: timeText === '' ? 'MISSING' : 'INVALID',
        message: `"${timeText}" is not a time (H:MM:SS.hh).`,
        value: timeText,
      })
      continue
    }
    const bibText = cell('bib')
    if (bibText !== '' && (!/^\d{1,7}$/.test(bibText) || Number(bibText) < 1)) {
      rejected.push({ row, field: 'bib', code: 'INVALID', message: `"${bibText}" is not a bib number.`, value: bibText })
      continue
    }
    const placeText = cell('place')
    if (placeText !== '' && !/^\d{1,7}$/.test(placeText)) {
      rejected.push({ row, field: 'place', code: 'INVALID', message: `"${placeText}" is not a place.`, value: placeText })
      continue
    }
    times.push({ seq: row, atMs, timeMs: timeMs as number, bib: bibText === '' ? null : Number(bibText) })
  }
  if (rejected.length > 0 && !input.skipInvalid) {
    throw new CommandError(
      'TIMES_REFUSED',
      `Nothing was imported: ${rejected.length} line(s) have problems. Fix them, or import the others and leave these out.`,
      { ...details, rejected },
    )
  }
  const known = new Map((await db.selectFrom('capture').select(['seq', 'at_ms', 'bib']).where('device', '=', device).execute()).map((c) => [c.seq, c]))
  let imported = 0
  let duplicates = 0
  for (const t of times) {
    const before = known.get(t.seq)
    if (before !== undefined) {
      if (before.at_ms === t.atMs && before.bib === t.bib) duplicates++
      else
        rejected.push({
          row: t.seq,
          field: 'time',
          code: 'CHANGED',
          message: `Line ${t.seq} of ${device} was imported before with another time or bib: kept as it was.`,
        })
      continue
    }
    const row = await insertCapture(
      db,
      { device, seq: t.seq, point, at_ms: t.atMs, bib: t.bib, position: t.atMs, source: 'typed', state: as === 'backup' ? 'backup' : 'active' },
      session,
      nowMs,
    )
    if (input.clock === 'elapsed') await keepElapsed(db, row.id, input.raceId as number, input.waveId, t.timeMs)
    imported++
  }
  sessions.discard(input.id)
  return { imported, duplicates, withBib: times.filter((t) => t.bib !== null).length, device, point, as, rejected }
}
