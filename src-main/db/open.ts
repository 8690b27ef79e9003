import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { CommandError } from '../../src-shared/contract/errors'
import { derivedCategory } from '../entrants/category'
import type { Sex } from '../../src-shared/categories/categories'
import type { Database, Db } from './schema'
import { migrations } from './migrations'
import type { Migration, MigrationDb } from './migrations/migration'

/** Marks a SQLite file as a Race Office event ("RACE" in ASCII), so other files are told apart. */
export const applicationId = 0x52414345

export interface EventFile {
  path: string
  db: Db
  sqlite: SqliteDatabase.Database
  /** Schema version the file had before this open migrated it (0 for a new file). */
  openedAtVersion: number
  /** Where the file was copied before a migration changed it, if one did. */
  backupPath: string | null
  close(): Promise<void>
}

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another runtime (Electron's ABI). */
  nativeBinding?: string
  now?: () => number
  /** Defaults for the event row of a new file. */
  newEvent?: { name?: string; date?: string; timeZone?: string }
  migrations?: readonly Migration[]
}

export async function openEventFile(path: string, options: OpenOptions = {}): Promise<EventFile> {
  const known = options.migrations ?? migrations
  const now = options.now ?? Date.now
  refuseNonSqliteFile(path)

  const sqlite = openSqlite(path, options.nativeBinding)
  try {
    configure(sqlite)
    registerFunctions(sqlite)
    const version = readSchemaVersion(sqlite, path, known.length)
    if (version > 0) refuseDamagedFile(sqlite, path)
    const backupPath = version > 0 && version < known.length ? await backupBeside(sqlite, path, version) : null
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    await migrate(db as unknown as MigrationDb, known, version)
    if (version === 0) await insertEventRow(db, now(), options.newEvent)
    return {
      path,
      db,
      sqlite,
      openedAtVersion: version,
      backupPath,
      close: () => db.destroy(),
    }
  } catch (error) {
    sqlite.close()
    throw isCorruption(error) ? damaged(path, (error as Error).message) : error
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')
}

function openSqlite(path: string, nativeBinding: string | undefined): SqliteDatabase.Database {
  try {
    return new SqliteDatabase(path, nativeBinding === undefined ? {} : { nativeBinding })
  } catch (error) {
    throw new CommandError('FILE_UNREADABLE', `Cannot open ${path}: ${(error as Error).message}`, { path })
  }
}

function configure(sqlite: SqliteDatabase.Database): void {
  try {
    sqlite.pragma('journal_mode = WAL')
    // FULL: an acknowledged write survives a power cut, not only a crash of the app.
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
  } catch (error) {
    if (isCorruption(error)) throw error
    throw notAnEventFile(sqlite.name, (error as Error).message)
  }
}

/**
 * SQL functions the app's statements use. Their results are stored in columns, so any other
 * SQLite tool reads the file without them.
 */
function registerFunctions(sqlite: SqliteDatabase.Database): void {
  sqlite.function('ro_category', { deterministic: true }, (sex, birthDate, age, raceDay, bandsJson) =>
    derivedCategory(sex as Sex, birthDate as string | null, age as number | null, raceDay as string, bandsJson as string | null),
  )
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1')

function refuseNonSqliteFile(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return
  const head = Buffer.alloc(sqliteHeader.length)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  if (!head.equals(sqliteHeader)) throw notAnEventFile(path, 'not a SQLite database')
}

function readSchemaVersion(sqlite: SqliteDatabase.Database, path: string, newest: number): number {
  const appId = sqlite.pragma('application_id', { simple: true }) as number
  const version = sqlite.pragma('user_version', { simple: true }) as number
  if (appId !== applicationId) {
    const tables = sqlite.prepare("select count(*) as n from sqlite_schema where type = 'table'").get() as { n: number }
    if (tables.n > 0 || version !== 0) throw notAnEventFile(path, 'a SQLite file of another program')
    sqlite.pragma(`application_id = ${applicationId}`)
    return 0
  }
  if (version > newest) {
    throw new CommandError(
      'FILE_FROM_NEWER_VERSION',
      `${path} was written by a newer Race Office (file version ${version}, this version reads up to ${newest}). Update Race Office to open it.`,
      { path, fileVersion: version, supportedVersion: newest },
    )
  }
  return version
}

/**
 * A file cut short (a copy interrupted, a stick pulled) or with damaged pages is refused at open,
 * not half-way through race day. quick_check reads every page without the index cross-checks.
 */
function refuseDamagedFile(sqlite: SqliteDatabase.Database, path: string): void {
  let problem: string
  try {
    problem = sqlite.pragma('quick_check(1)', { simple: true }) as string
  } catch (error) {
    problem = (error as Error).message
  }
  if (problem !== 'ok') throw damaged(path, problem)
}

function damaged(path: string, problem: string): CommandError {
  return new CommandError('FILE_DAMAGED', `${path} is damaged (${problem}) and cannot be opened safely. Open its latest backup instead.`, { path })
}

function notAnEventFile(path: string, why: string): CommandError {
  return new CommandError('NOT_AN_EVENT_FILE', `${path} is not a Race Office event file (${why}).`, { path })
}

/** A consistent copy (SQLite online backup) beside the file, taken before a migration changes it. */
async function backupBeside(sqlite: SqliteDatabase.Database, path: string, version: number): Promise<string> {
  let target = `${path}.v${version}.bak`
  for (let n = 2; existsSync(target); n++) target = `${path}.v${version}.${n}.bak`
  await sqlite.backup(target)
  return target
}

async function migrate(db: MigrationDb, known: readonly Migration[], from: number): Promise<void> {
  for (const [index, migration] of known.entries()) {
    if (index < from) continue
    // One transaction per migration, with the version bump inside it: a file is never half-migrated.
    await db.transaction().execute(async (trx) => {
      await migration.up(trx)
      await sql.raw(`pragma user_version = ${index + 1}`).execute(trx)
    })
  }
}

async function insertEventRow(db: Db, nowMs: number, defaults: OpenOptions['newEvent']): Promise<void> {
  const timeZone = defaults?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  await db
    .insertInto('event')
    .values({
      id: 1,
      name: defaults?.name ?? 'Untitled event',
      date: defaults?.date ?? localDate(nowMs, timeZone),
      time_zone: timeZone,
      place: '',
      updated_at_ms: nowMs,
    })
    .execute()
}

function localDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)
}
