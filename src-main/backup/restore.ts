import { existsSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import type { BackupFolderKind } from '../../src-shared/contract/backups'
import { CommandError } from '../../src-shared/contract/errors'
import { describeSnapshot, listSnapshots, type SnapshotSummary } from './snapshots'
import type { BackupFolders } from './schedule'

export interface FoundBackup {
  path: string
  takenAtMs: number
  /** Which of the folders it is in. */
  folder: BackupFolderKind
}

/** The event's snapshots in both backup folders, newest first. */
export function eventBackups(folders: BackupFolders, eventPath: string): FoundBackup[] {
  const found: FoundBackup[] = listSnapshots(folders.primary, eventPath).map((s) => ({ ...s, folder: 'primary' }))
  if (folders.second != null) found.push(...listSnapshots(folders.second, eventPath).map((s) => ({ ...s, folder: 'second' as const })))
  return found.sort((a, b) => b.takenAtMs - a.takenAtMs)
}

/** The newest snapshot that passes integrity_check and that this version can open, if any. */
export function latestGoodBackup(folders: BackupFolders, eventPath: string): (FoundBackup & { summary: SnapshotSummary }) | null {
  for (const backup of eventBackups(folders, eventPath)) {
    const summary = describeSnapshot(backup.path)
    if (summary.ok) return { ...backup, summary }
  }
  return null
}

/**
 * Copies a backup to a new event file beside `eventPath`, named after the backup's time: the
 * current file (damaged, or simply newer) is never overwritten. The copy itself is what is
 * checked (integrity, schema version); a copy that fails its check is removed again.
 */
export async function restoreAsNewFile(backupPath: string, eventPath: string, takenAtMs: number): Promise<{ path: string; summary: SnapshotSummary }> {
  const target = restoredPath(eventPath, takenAtMs)
  const damaged = (problem: string | null): CommandError =>
    new CommandError('BACKUP_DAMAGED', `The backup ${basename(backupPath)} cannot be restored: it is ${problem}.`, { path: backupPath })
  try {
    const source = new SqliteDatabase(backupPath, { readonly: true, fileMustExist: true })
    try {
      await source.backup(target)
    } finally {
      source.close()
    }
  } catch (error) {
    rmSync(target, { force: true })
    const original = describeSnapshot(backupPath)
    if (!original.ok) throw damaged(original.problem)
    throw new CommandError('BACKUP_FAILED', `The backup could not be copied to ${target}: ${(error as Error).message}`, { path: target })
  }
  const summary = describeSnapshot(target)
  if (!summary.ok) {
    rmSync(target, { force: true })
    throw damaged(summary.problem)
  }
  return { path: target, summary }
}

/** `<stem> (restored 2025-04-06 06.15).raceoffice`, numbered when that name is taken. */
export function restoredPath(eventPath: string, takenAtMs: number): string {
  const stem = basename(eventPath).replace(/\.raceoffice$/, '')
  const stamp = new Date(takenAtMs).toISOString().slice(0, 16).replace('T', ' ').replace(':', '.')
  const base = join(dirname(eventPath), `${stem} (restored ${stamp}`)
  let path = `${base}).raceoffice`
  for (let n = 2; existsSync(path); n++) path = `${base}, ${n}).raceoffice`
  return path
}

/** Refusals at open that a backup of the same event can get round. */
const recoverable = new Set(['FILE_DAMAGED', 'NOT_AN_EVENT_FILE', 'FILE_FROM_NEWER_VERSION', 'FILE_UNREADABLE'])

/**
 * When an event file cannot be opened: its newest good backup, to offer in place of it (opened as
 * a new file). Null when the refusal is not about the file itself or there is no good backup.
 */
export function backupToOffer(error: unknown, folders: BackupFolders, eventPath: string): (FoundBackup & { summary: SnapshotSummary }) | null {
  if (!(error instanceof CommandError) || !recoverable.has(error.code)) return null
  return latestGoodBackup(folders, eventPath)
}

/** One line for a person: when, and what the backup holds. */
export function backupLine(backup: FoundBackup & { summary: SnapshotSummary }): string {
  const { summary } = backup
  const when = new Date(backup.takenAtMs).toISOString().slice(0, 19).replace('T', ' ')
  return `${basename(backup.path)}, taken ${when} UTC: ${summary.entrants} entrants, ${summary.checkins} check-ins, ${summary.captures} captures`
}
