import type SqliteDatabase from 'better-sqlite3'
import { uuidv7 } from 'uuidv7'
import { CommandError } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { ColumnMapping, ImportPreview, ImportResult } from '../../src-shared/contract/imports'
import { searchTerms } from '../../src-shared/search/fold'
import type { Db, ReadDb } from '../db/schema'
import { registrationColumns } from '../entrants/columns'
import { raceDay } from '../entrants/service'
import { guessMapping, headersKey } from './mapping'
import { fieldLabel, missingColumns, planImport, type EntrantInput, type ImportPlan, type PlanContext } from './plan'
import type { ImportSessions } from './sessions'
import type { Table } from './table'
import { unmappedColumns } from './unmapped'
import { foldItemRows, type FoldedRow } from './item-rows'

const previewRejectedLimit = 1000

export function uploadChunk(sessions: ImportSessions, input: ParsedInput<'imports.upload'>): { id: string; bytes: number } {
  return sessions.append(input.id, input.fileName, Buffer.from(input.chunk, 'base64'))
}

async function planFor(db: ReadDb, sessions: ImportSessions, input: ParsedInput<'imports.preview'>) {
  const { fileName, table: file } = await sessions.table(input.id, input.sheet)
  const { mapping, source } = await chooseMapping(db, file, input.mapping)
  const { table, folded } = foldItemRows(file, mapping)
  if (input.race !== undefined) {
    const known = await db.selectFrom('race').select('name').execute()
    if (!known.some((r) => r.name.toLowerCase() === input.race?.toLowerCase())) {
      throw new CommandError('NOT_FOUND', `There is no race called ${input.race}.`, { race: input.race })
    }
  }
  const options = { mapping, dateOrder: input.dateOrder, race: input.race, duplicates: input.duplicates, duplicateRows: input.duplicateRows }
  const plan = planImport(table, options, await planContext(db))
  return { fileName, table, mapping, source, plan, folded }
}

export async function previewImport(db: ReadDb, sessions: ImportSessions, input: ParsedInput<'imports.preview'>): Promise<ImportPreview> {
  const { fileName, table, mapping, source, plan, folded } = await planFor(db, sessions, input)
  return {
    id: input.id,
    fileName,
    format: table.format,
    sheets: table.sheets,
    sheet: table.sheet,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    sample: table.rows.slice(0, 5).map((r) => r.cells),
    mapping,
    mappingSource: source,
    dateOrder: input.dateOrder ?? (plan.dateOrder.kind === 'proven' ? plan.dateOrder.order : plan.dateOrder.kind),
    rows: table.rows.length,
    toAdd: plan.toAdd.length,
    toUpdate: plan.toUpdate.length,
    unchanged: plan.unchanged,
    skipped: plan.skipped,
    removed: plan.removed,
    toWithdraw: plan.toWithdraw.length,
    missingFields: missingColumns(mapping, input.race),
    rejectedCount: plan.rejected.length,
    rejected: plan.rejected.slice(0, previewRejectedLimit),
    duplicates: plan.duplicates.slice(0, previewRejectedLimit),
    duplicatesCount: plan.duplicates.length,
    ...leftOutOf(table, mapping, folded),
  }
}

function leftOutOf(
  table: Table,
  mapping: ColumnMapping,
  folded: FoldedRow[],
): Pick<ImportResult, 'unmappedColumns' | 'noRefColumn' | 'leftOutRows' | 'foldedRows'> {
  return {
    unmappedColumns: unmappedColumns(table, mapping),
    noRefColumn: mapping.ref === undefined,
    leftOutRows: table.leftOut.slice(0, 50),
    foldedRows: folded.slice(0, 50),
  }
}

/** The counts of a refused import: the report says what was found, and that none of it was written. */
const nothingImported = { imported: 0, updated: 0, unchanged: 0, skipped: 0, removed: 0, withdrawn: 0 }

/**
 * Writes the whole file in the caller's transaction, or nothing: with any invalid row and no
 * `skipInvalid`, it refuses and names every bad row.
 */
export async function commitImport(
  db: Db,
  sqlite: SqliteDatabase.Database,
  sessions: ImportSessions,
  input: ParsedInput<'imports.commit'>,
  nowMs: number,
): Promise<ImportResult> {
  const { table, mapping, plan, folded } = await planFor(db, sessions, input)
  const missing = missingColumns(mapping, input.race)
  if (missing.length > 0) {
    throw new CommandError(
      'IMPORT_REFUSED',
      `Nothing was imported: the file has no column for ${missing.map(fieldLabel).join(', ')}${missing.includes('race') ? ' (or choose a race for all rows)' : ''}. Its columns are: ${table.headers.join(', ')}.`,
      {
        missingFields: missing,
        headers: table.headers,
        ...nothingImported,
        rejected: [],
        duplicates: [],
        ...leftOutOf(table, mapping, folded),
      },
    )
  }
  const report = { rejected: plan.rejected, duplicates: plan.duplicates, ...leftOutOf(table, mapping, folded) }
  if (plan.rejected.length > 0 && !input.skipInvalid) {
    const rows = new Set(plan.rejected.map((r) => r.row)).size
    throw new CommandError('IMPORT_REFUSED', `Nothing was imported: ${rows} row(s) have problems. Fix them, or import the valid rows only.`, {
      ...nothingImported,
      ...report,
    })
  }
  await writePlan(db, sqlite, plan, nowMs)
  await db
    .insertInto('import_mapping')
    .values({ headers_key: headersKey(table.headers), mapping_json: JSON.stringify(mapping), updated_at_ms: nowMs })
    .onConflict((oc) => oc.column('headers_key').doUpdateSet({ mapping_json: JSON.stringify(mapping), updated_at_ms: nowMs }))
    .execute()
  sessions.discard(input.id)
  return {
    imported: plan.toAdd.length,
    updated: plan.toUpdate.length,
    unchanged: plan.unchanged,
    skipped: plan.skipped,
    removed: plan.removed,
    withdrawn: plan.toWithdraw.length,
    ...report,
  }
}

async function chooseMapping(
  db: ReadDb,
  table: Table,
  given: ColumnMapping | undefined,
): Promise<{ mapping: ColumnMapping; source: ImportPreview['mappingSource'] }> {
  const inRange = (mapping: ColumnMapping): ColumnMapping =>
    Object.fromEntries(Object.entries(mapping).filter(([, index]) => index !== undefined && index < table.headers.length))
  if (given !== undefined) return { mapping: inRange(given), source: 'confirmed' }
  const remembered = await db.selectFrom('import_mapping').select('mapping_json').where('headers_key', '=', headersKey(table.headers)).executeTakeFirst()
  if (remembered !== undefined) return { mapping: inRange(JSON.parse(remembered.mapping_json) as ColumnMapping), source: 'remembered' }
  return { mapping: guessMapping(table.headers), source: 'guessed' }
}

async function planContext(db: ReadDb): Promise<PlanContext> {
  const [races, ranges, waves, existing, today] = await Promise.all([
    db.selectFrom('race').select(['id', 'name']).orderBy('id').execute(),
    db.selectFrom('race_bib_range').select(['race_id', 'first_bib', 'last_bib']).execute(),
    db.selectFrom('wave').select(['id', 'race_id', 'name']).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('entrant')
      .select([
        'id',
        'num',
        'status',
        'ref',
        'bib',
        'given_name',
        'family_name',
        'birth_date',
        'race_id',
        'sex',
        'age',
        'second_name',
        'nationality',
        'club',
        'team',
        'divisions',
        'email',
        'phone',
        'emergency_name',
        'emergency_phone',
        'shirt_size',
        'predicted_time_ms',
        'wave_id',
      ])
      .execute(),
    raceDay(db),
  ])
  return {
    races: races.map((r) => ({
      ...r,
      ranges: ranges.filter((x) => x.race_id === r.id).map((x) => ({ first: x.first_bib, last: x.last_bib })),
      waves: waves.filter((w) => w.race_id === r.id),
    })),
    existing,
    today,
  }
}

/** Prepared statements on the transaction's own connection: 50,000 rows in a fraction of a second. */
async function writePlan(db: Db, sqlite: SqliteDatabase.Database, plan: ImportPlan, nowMs: number): Promise<void> {
  const withdraw = sqlite.prepare("update entrant set status = 'withdrawn', updated_at_ms = ? where num = ? and status = 'registered'")
  for (const { num } of plan.toWithdraw) withdraw.run(nowMs, num)
  if (plan.toAdd.length + plan.toUpdate.length === 0) return
  const day = await raceDay(db)
  const bands = new Map((await db.selectFrom('race').select(['id', 'category_bands']).execute()).map((r) => [r.id, r.category_bands]))
  // Waves are the office's (seeding): only a file with a wave column sets them.
  const setsWave = [...plan.toAdd, ...plan.toUpdate].some(({ input }) => input.waveId !== undefined)
  const details = (e: EntrantInput) => ({
    ...registrationColumns(e, day, bands.get(e.raceId) ?? null),
    ...(setsWave && { wave_id: e.waveId ?? null }),
    now: nowMs,
  })
  // The column list comes from the same function as the values, so the two cannot drift apart.
  const sample = (plan.toAdd[0] ?? plan.toUpdate[0])?.input as EntrantInput
  const columns = [...Object.keys(registrationColumns(sample, day, null)), ...(setsWave ? ['wave_id'] : [])].join(', ')
  const insert = sqlite.prepare(
    `insert into entrant (id, ref, bib, ${columns}, created_at_ms, updated_at_ms)
     values (@id, @ref, @bib, ${columns
       .split(', ')
       .map((c) => `@${c}`)
       .join(', ')}, @now, @now)`,
  )
  const update = sqlite.prepare(
    `update entrant set ${columns
      .split(', ')
      .map((c) => `${c} = @${c}`)
      .join(
        ', ',
      )}${setsWave ? '' : ', wave_id = case when race_id = @race_id then wave_id end'}, ref = coalesce(ref, @ref), updated_at_ms = @now where num = @num`,
  )
  const unindex = sqlite.prepare('delete from entrant_search where rowid = ?')
  const index = sqlite.prepare('insert into entrant_search (rowid, terms) values (?, ?)')
  // Names repeat through a big field: each distinct name is folded and split once.
  const termsByName = new Map<string, string>()
  const terms = (e: EntrantInput): string => {
    const key = `${e.givenName}\u0000${e.familyName}\u0000${e.secondName ?? ''}`
    let value = termsByName.get(key)
    if (value === undefined)
      termsByName.set(key, (value = searchTerms({ givenName: e.givenName, familyName: e.familyName, secondName: e.secondName ?? null }).join(' ')))
    return value
  }

  for (const { input } of plan.toAdd) {
    const { lastInsertRowid } = insert.run({ id: uuidv7(), ref: input.ref ?? null, bib: input.bib ?? null, ...details(input) })
    index.run(lastInsertRowid, terms(input))
  }
  for (const { num, input, ref } of plan.toUpdate) {
    update.run({ num, ref, ...details(input) })
    unindex.run(num)
    index.run(num, terms(input))
  }
}
