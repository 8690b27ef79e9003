import type SqliteDatabase from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { CommandError } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { builtInPoints, readFields, type ReadField } from '../../src-shared/contract/timing'
import { bibHeaders, chipHeaders, chipKey, squashHeader } from '../bibs/chips'
import type { Db, ReadDb } from '../db/schema'
import { decodeText } from '../import/decode'
import type { ImportSessions } from '../import/sessions'
import type { Table } from '../import/table'
import { currentGuns, gunOf } from './runners'
import type { DecoderFormat } from './decoders/format'
import { decodeLines, decoderFormat, decoderLines, recogniseDecoder } from './decoders/recognise'
import { readElapsed, timeReader } from './read-times'

type Mapping = Partial<Record<ReadField, string>>
type Rejected = { row: number; field: string; code: string; message: string; value?: string }

// Header spellings of timing systems' read exports (RACE RESULT, MYLAPS, ChronoTrack, Webscorer, clubs).
const headerGuesses: Record<ReadField, readonly string[]> = {
  chip: chipHeaders,
  bib: bibHeaders,
  time: ['time', 'timeofday', 'tod', 'readtime', 'clocktime', 'timestamp', 'datetime', 'passingtime', 'rawtime', 'zeit', 'uhrzeit', '시각', '시간'],
  elapsed: ['elapsed', 'elapsedtime', 'racetime', 'runtime', 'duration'],
  point: ['point', 'timingpoint', 'location', 'loc', 'mat', 'split', 'checkpoint', 'station', 'messpunkt', '지점'],
  reader: ['reader', 'readerid', 'antenna', 'device', 'decoder', 'box', 'port'],
}

/** Which column holds what, by the headers' usual spellings. */
export function guessReadMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = {}
  for (const field of readFields) {
    const header = headers.find((h) => headerGuesses[field].includes(squashHeader(h)))
    if (header !== undefined) mapping[field] = header
  }
  return mapping
}

export async function previewReads(sessions: ImportSessions, input: ParsedInput<'reads.preview'>) {
  const lines = decoderFileLines(sessions.bytes(input.id))
  const format = lines === null ? null : recogniseDecoder(lines)
  if (lines !== null && format !== null) {
    return {
      headers: [],
      mapping: {},
      sample: lines.slice(0, 5).map((l) => [l.text]),
      rows: lines.length,
      decoder: { format: format.name, needsAnchor: format.mayNeedAnchor === true && lines.some((l) => /;0000-00-00;/.test(l.text)) },
    }
  }
  const { table } = await sessions.table(input.id)
  return {
    headers: table.headers,
    mapping: guessReadMapping(table.headers),
    sample: table.rows.slice(0, 5).map((r) => r.cells),
    rows: table.rows.length,
    decoder: null,
  }
}

/** A text file's lines, or null for a spreadsheet (which is never a decoder's file). */
function decoderFileLines(bytes: Buffer): { line: number; text: string }[] | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return null
  return decoderLines(decodeText(bytes).text)
}

/** SQL for a read's bib: the one in the file, or the chip's through the chip file. */
export const readBib = sql<number | null>`coalesce(r.bib, (select c.bib from chip c where c.code = r.chip))`

export interface ReadRow {
  chip: string | null
  bib: number | null
  point: string
  atMs: number
  reader: string | null
  line: number
}

/**
 * Reads from a timing system's file: a decoder's own format read line by line, or a table mapped
 * by its headers; checked row by row, and kept raw (a passing is derived from them). The same file
 * imported twice adds nothing, and neither does a read a decoder sent again.
 */
export async function importReads(db: Db, sqlite: SqliteDatabase.Database, sessions: ImportSessions, input: ParsedInput<'reads.import'>) {
  const lines = decoderFileLines(sessions.bytes(input.id))
  const format = lines === null ? null : input.format !== undefined ? decoderFormat(input.format) : recogniseDecoder(lines)
  if (input.format !== undefined && lines === null) throw refused(`A spreadsheet is not a ${input.format} decoder file.`, [])
  const { rows, rejected, skipped } = lines !== null && format !== null ? await decodedRows(db, lines, format, input) : await tableRows(db, sessions, input)
  if (rejected.length > 0 && !input.skipInvalid) {
    throw refused(`Nothing was imported: ${rejected.length} row(s) have problems. Fix them, or import the others and leave these out.`, rejected)
  }
  const importId = randomUUID()
  const imported = storeReads(sqlite, importId, rows)
  sessions.discard(input.id)
  return { ...(await readsReport(db, rows, imported)), rejected, format: format?.name ?? null, skipped }
}

/** Keeps reads once each: one already there (the same file, a replayed read) adds nothing. */
export function storeReads(sqlite: SqliteDatabase.Database, importId: string, rows: readonly ReadRow[]): number {
  const insert = sqlite.prepare('insert or ignore into chip_read (import_id, chip, bib, point, at_ms, reader, line) values (?, ?, ?, ?, ?, ?, ?)')
  let imported = 0
  sqlite.transaction(() => {
    for (const r of rows) imported += insert.run(importId, r.chip, r.bib, r.point, r.atMs, r.reader, r.line).changes
  })()
  return imported
}

async function readsReport(db: Db, rows: readonly ReadRow[], imported: number) {
  const chips = new Map((await db.selectFrom('chip').select(['code', 'bib']).execute()).map((c) => [c.code, c.bib]))
  const runners = new Set<number>()
  const unknown = new Map<string, number>()
  for (const r of rows) {
    const bib = r.bib ?? (r.chip !== null ? chips.get(r.chip) : undefined)
    if (bib !== undefined && bib !== null) runners.add(bib)
    else if (r.chip !== null) unknown.set(r.chip, (unknown.get(r.chip) ?? 0) + 1)
  }
  return {
    imported,
    duplicates: rows.length - imported,
    runners: runners.size,
    points: [...new Set(rows.map((r) => r.point))],
    unknownChips: [...unknown].map(([chip, reads]) => ({ chip, reads })),
  }
}

async function decodedRows(db: Db, lines: readonly { line: number; text: string }[], format: DecoderFormat, input: ParsedInput<'reads.import'>) {
  if (input.point === undefined) throw refused('Say which timing point these reads are from (finish, start or a split): a decoder’s file does not say.', [])
  const point = (await knownPoints(db)).get(input.point.toLowerCase())
  if (point === undefined) throw refused(`There is no timing point called ${input.point}.`, [])
  const event = await db.selectFrom('event').select(['date', 'time_zone']).where('id', '=', 1).executeTakeFirstOrThrow()
  const times = timeReader(event.date, event.time_zone)
  const anchorMs = input.anchor === undefined ? null : times.timeOfDay(input.anchor)
  if (input.anchor !== undefined && anchorMs === null)
    throw refused(`"${input.anchor}" is not a time of day (HH:MM:SS) or an instant: say when the decoder was switched on.`, [])
  const decoded = decodeLines(lines, format, { wall: times.wall, eventDate: event.date, anchorMs })
  if (decoded.needsAnchor) {
    throw new CommandError(
      'READS_NEED_ANCHOR',
      'These reads count from when the decoder was switched on (its date is 0000-00-00): say at what time of day that was, and import again.',
      { ...emptyReport, rejected: decoded.rejected.filter((r) => r.code === 'NEEDS_ANCHOR').slice(0, 20) },
    )
  }
  const rows: ReadRow[] = decoded.reads.map((r) => ({ chip: chipKey(r.chip), bib: r.bib, point, atMs: r.atMs, reader: r.reader, line: r.line }))
  return { rows, rejected: decoded.rejected, skipped: decoded.skipped }
}

/** The point a decoder's reads are at, as the event names it; refused when there is none. */
export async function timingPointNamed(db: ReadDb, name: string): Promise<string> {
  const point = (await knownPoints(db)).get(name.toLowerCase())
  if (point === undefined) throw new CommandError('NOT_FOUND', `There is no timing point called ${name}.`, { point: name })
  return point
}

async function knownPoints(db: ReadDb): Promise<Map<string, string>> {
  const splits = await db.selectFrom('timing_point').select('name').execute()
  return new Map([...builtInPoints, ...splits.map((s) => s.name)].map((p) => [p.toLowerCase(), p]))
}

async function tableRows(db: Db, sessions: ImportSessions, input: ParsedInput<'reads.import'>) {
  const { table } = await sessions.table(input.id)
  const mapping = { ...guessReadMapping(table.headers), ...input.mapping }
  const column = (field: ReadField): number => (mapping[field] === undefined ? -1 : table.headers.indexOf(mapping[field] as string))
  for (const [field, header] of Object.entries(mapping)) {
    if (!table.headers.includes(header))
      throw refused(`The file has no column called ${header} (for ${field}). Its columns are: ${table.headers.join(', ')}.`, [])
  }
  if (column('chip') < 0 && column('bib') < 0) throw refused(`A read file needs a chip or a bib column. Its columns are: ${table.headers.join(', ')}.`, [])
  if (column('time') < 0 && column('elapsed') < 0)
    throw refused(`A read file needs a time column (time of day, or elapsed). Its columns are: ${table.headers.join(', ')}.`, [])
  if (column('point') < 0 && input.point === undefined)
    throw refused('Say which timing point these reads are from (finish, start or a split): the file has no point column.', [])
  return { ...(await readRows(db, table, column, input.point)), skipped: 0 }
}

const emptyReport = { imported: 0, duplicates: 0, runners: 0, points: [], unknownChips: [], format: null, skipped: 0 }

function refused(message: string, rejected: Rejected[]): CommandError {
  return new CommandError('READS_REFUSED', message, { ...emptyReport, rejected })
}

async function readRows(db: Db, table: Table, column: (field: ReadField) => number, fixedPoint: string | undefined) {
  const event = await db.selectFrom('event').select(['date', 'time_zone']).where('id', '=', 1).executeTakeFirstOrThrow()
  const points = await knownPoints(db)
  const times = timeReader(event.date, event.time_zone)
  const [chipAt, bibAt, timeAt, elapsedAt, pointAt, readerAt] = readFields.map(column) as [number, number, number, number, number, number]
  // Elapsed times count from the runner's gun: its race's (or wave's) clock.
  const guns = elapsedAt >= 0 ? await gunsByBib(db) : new Map<number, number | null>()
  const chipBibs =
    elapsedAt >= 0 ? new Map((await db.selectFrom('chip').select(['code', 'bib']).execute()).map((c) => [c.code, c.bib])) : new Map<string, number>()
  const rows: ReadRow[] = []
  const rejected: Rejected[] = []
  for (const { row, cells } of table.rows) {
    const cell = (at: number): string => (at < 0 ? '' : (cells[at] ?? '').trim())
    const chip = chipKey(cell(chipAt)) || null
    const bibText = cell(bibAt)
    const pointText = fixedPoint ?? cell(pointAt)
    const point = points.get(pointText.toLowerCase())
    if (chip === null && bibText === '') {
      rejected.push({ row, field: 'chip', code: 'MISSING', message: 'Neither a chip nor a bib.' })
      continue
    }
    if (bibText !== '' && (!/^\d{1,7}$/.test(bibText) || Number(bibText) < 1)) {
      rejected.push({ row, field: 'bib', code: 'INVALID', message: `"${bibText}" is not a bib number.`, value: bibText })
      continue
    }
    if (point === undefined) {
      rejected.push(
        pointText === ''
          ? { row, field: 'point', code: 'MISSING', message: 'The timing point is missing.' }
          : { row, field: 'point', code: 'POINT_UNKNOWN', message: `There is no timing point called ${pointText}.`, value: pointText },
      )
      continue
    }
    const bib = bibText === '' ? null : Number(bibText)
    let atMs: number | null
    if (timeAt >= 0 && cell(timeAt) !== '') {
      atMs = times.timeOfDay(cell(timeAt))
      if (atMs === null) {
        rejected.push({
          row,
          field: 'time',
          code: 'INVALID',
          message: `"${cell(timeAt)}" is not a time of day (HH:MM:SS.mmm) or an instant.`,
          value: cell(timeAt),
        })
        continue
      }
    } else {
      const elapsed = readElapsed(cell(elapsedAt))
      const runnerBib = bib ?? (chip !== null ? chipBibs.get(chip) : undefined)
      const gun = runnerBib === undefined ? null : (guns.get(runnerBib) ?? null)
      if (elapsed === null) {
        rejected.push({ row, field: 'elapsed', code: 'INVALID', message: `"${cell(elapsedAt)}" is not an elapsed time.`, value: cell(elapsedAt) })
        continue
      }
      if (gun === null) {
        rejected.push({
          row,
          field: 'elapsed',
          code: 'NO_GUN',
          message: 'An elapsed time needs the runner’s race clock, and it has none (or the runner is unknown).',
        })
        continue
      }
      atMs = gun + elapsed
    }
    rows.push({ chip, bib, point, atMs, reader: cell(readerAt) || null, line: row })
  }
  return { rows, rejected }
}

async function gunsByBib(db: Db): Promise<Map<number, number | null>> {
  const [guns, entrants] = await Promise.all([
    currentGuns(db),
    db.selectFrom('entrant').select(['bib', 'race_id', 'wave_id']).where('bib', 'is not', null).execute(),
  ])
  return new Map(entrants.map((e) => [e.bib as number, gunOf(guns, e.race_id, e.wave_id)]))
}

export async function readsSummary(db: ReadDb) {
  const { read_window_ms } = await db.selectFrom('event').select('read_window_ms').where('id', '=', 1).executeTakeFirstOrThrow()
  const points = await db
    .selectFrom('chip_read as r')
    .select([
      'r.point',
      (eb) => eb.fn.countAll<number>().as('reads'),
      sql<number>`count(distinct ${readBib})`.as('runners'),
      sql<number>`sum(${readBib} is null)`.as('unknown'),
    ])
    .groupBy('r.point')
    .orderBy('r.point')
    .execute()
  const unknown = await db
    .selectFrom('chip_read as r')
    .select(['r.chip', (eb) => eb.fn.countAll<number>().as('reads')])
    .where(sql<boolean>`${readBib} is null`)
    .where('r.chip', 'is not', null)
    .groupBy('r.chip')
    .orderBy('r.chip')
    .limit(1000)
    .execute()
  return {
    readWindowMs: read_window_ms,
    points: points.map((p) => ({ point: p.point, reads: Number(p.reads), runners: Number(p.runners), unknownChipReads: Number(p.unknown) })),
    unknownChips: unknown.map((u) => ({ chip: u.chip as string, reads: Number(u.reads) })),
  }
}

/**
 * One passing per runner at a point: a reader sees a chip many times while it is over the mat.
 * At the finish and splits the first read counts; at the start the last read within the window
 * of the first (the moment the runner left the line).
 */
export function passingsOf(reads: readonly { bib: number; atMs: number }[], point: string, windowMs: number) {
  const byBib = new Map<number, number[]>()
  for (const r of reads) {
    const list = byBib.get(r.bib)
    if (list === undefined) byBib.set(r.bib, [r.atMs])
    else list.push(r.atMs)
  }
  return [...byBib].map(([bib, instants]) => {
    instants.sort((a, b) => a - b)
    const first = instants[0] as number
    const atMs = point === 'start' ? (instants.filter((t) => t <= first + windowMs).at(-1) as number) : first
    return { bib, point, atMs, reads: instants.length }
  })
}

export async function listPassings(db: ReadDb, input: ParsedInput<'reads.passings'>) {
  const { read_window_ms } = await db.selectFrom('event').select('read_window_ms').where('id', '=', 1).executeTakeFirstOrThrow()
  let query = db
    .selectFrom('chip_read as r')
    .select([readBib.as('bib'), 'r.at_ms'])
    .where('r.point', '=', input.point)
    .where(sql<boolean>`${readBib} is not null`)
  if (input.bib !== undefined) query = query.where(sql<boolean>`${readBib} = ${input.bib}`)
  const reads = await query.execute()
  return passingsOf(
    reads.map((r) => ({ bib: r.bib as number, atMs: r.at_ms })),
    input.point,
    read_window_ms,
  ).sort((a, b) => a.atMs - b.atMs || a.bib - b.bib)
}
