import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { CommandError } from '../../src-shared/contract/errors'
import { applicationId } from '../db/open'
import { migrations } from '../db/migrations'
import { snapshotsToKeep, type Snapshot } from './rotation'

const extension = '.raceoffice'

/** `<event file's stem>-YYYYMMDD-HHMMSS-mmm.raceoffice`: sorts by time, says which event. */
export function snapshotName(eventPath: string, takenAtMs: number): string {
  const stem = basename(eventPath).replace(/\.raceoffice$/, '')
  const stamp = new Date(takenAtMs).toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '')
  return `${stem}-${stamp}${extension}`
}

function takenAtOf(name: string): number | null {
  const match = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})\.raceoffice$/.exec(name)
  if (match === null) return null
  const [y, mo, d, h, mi, s, ms] = match.slice(1).map(Number) as [number, number, number, number, number, number, number]
  return Date.UTC(y, mo - 1, d, h, mi, s, ms)
}

/**
 * A consistent copy of the open event (SQLite's online backup: pages copied while other writes
 * wait their turn, never a file copy of a live database), written under a temporary name and
 * renamed, so a half-written snapshot never looks like one.
 */
export async function takeSnapshot(sqlite: SqliteDatabase.Database, target: string): Promise<string> {
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  try {
    await sqlite.backup(partial)
    renameSync(partial, target)
  } catch (error) {
    rmSync(partial, { force: true })
    throw new CommandError('BACKUP_FAILED', `The backup could not be written to ${target}: ${(error as Error).message}`, { path: target })
  }
  return target
}

/** A snapshot in `folder` named after the event and the time, then the folder thinned out (see snapshotsToKeep). */
export async function snapshotInto(sqlite: SqliteDatabase.Database, eventPath: string, folder: string, nowMs: number): Promise<string> {
  mkdirSync(folder, { recursive: true })
  const path = await takeSnapshot(sqlite, join(folder, snapshotName(eventPath, nowMs)))
  const mine = listSnapshots(folder, eventPath)
  const keep = snapshotsToKeep(mine, nowMs)
  for (const snapshot of mine) if (!keep.has(snapshot.path)) rmSync(snapshot.path, { force: true })
  return path
}

/** The snapshots of one event in a folder, newest first. */
export function listSnapshots(folder: string, eventPath: string): Snapshot[] {
  if (!existsSync(folder)) return []
  const stem = basename(eventPath).replace(/\.raceoffice$/, '')
  return readdirSync(folder)
    .filter((name) => name.startsWith(`${stem}-`) && name.endsWith(extension))
    .map((name) => ({ path: join(folder, name), takenAtMs: takenAtOf(name) }))
    .filter((s): s is Snapshot => s.takenAtMs !== null)
    .sort((a, b) => b.takenAtMs - a.takenAtMs)
}

export interface SnapshotSummary {
  path: string
  bytes: number
  /** The file passes PRAGMA integrity_check, is a Race Office event, and this version reads it. */
  ok: boolean
  problem: string | null
  schemaVersion: number | null
  event: { name: string; date: string } | null
  entrants: number
  checkins: number
  captures: number
}

/**
 * What a backup holds, and whether it can be opened: read only, nothing in it is changed.
 * `check: false` leaves out the integrity check (it reads every page), for a quick list.
 */
export function describeSnapshot(path: string, { check = true }: { check?: boolean } = {}): SnapshotSummary {
  const empty = { path, bytes: existsSync(path) ? statSync(path).size : 0, schemaVersion: null, event: null, entrants: 0, checkins: 0, captures: 0 }
  let sqlite: SqliteDatabase.Database
  try {
    sqlite = new SqliteDatabase(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    return { ...empty, ok: false, problem: `cannot be opened: ${(error as Error).message}` }
  }
  try {
    const integrity = check ? (sqlite.pragma('integrity_check', { simple: true }) as string) : 'ok'
    if (integrity !== 'ok') return { ...empty, ok: false, problem: `damaged: ${integrity}` }
    if (sqlite.pragma('application_id', { simple: true }) !== applicationId) return { ...empty, ok: false, problem: 'not a Race Office event file' }
    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number
    if (schemaVersion > migrations.length)
      return { ...empty, schemaVersion, ok: false, problem: `written by a newer Race Office (file version ${schemaVersion})` }
    const count = (table: string, where = ''): number => {
      const exists = sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = ?").get(table) !== undefined
      return exists ? (sqlite.prepare(`select count(*) as n from ${table} ${where}`).get() as { n: number }).n : 0
    }
    const event = sqlite.prepare('select name, date from event where id = 1').get() as { name: string; date: string } | undefined
    return {
      ...empty,
      ok: true,
      problem: null,
      schemaVersion,
      event: event ?? null,
      entrants: count('entrant'),
      checkins: count('checkin', 'where undone_at_ms is null'),
      captures: count('capture', "where state = 'active'"),
    }
  } catch (error) {
    return { ...empty, ok: false, problem: `cannot be read: ${(error as Error).message}` }
  } finally {
    sqlite.close()
  }
}
