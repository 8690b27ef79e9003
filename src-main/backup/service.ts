import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { basename, isAbsolute } from 'node:path'
import type { z } from 'zod'
import { CommandError } from '../../src-shared/contract/errors'
import type { backupEntry, backupStatus, backupVerified } from '../../src-shared/contract/backups'
import type { Db } from '../db/schema'
import { eventBackups, restoreAsNewFile, type FoundBackup } from './restore'
import type { BackupSchedule } from './schedule'
import { describeSnapshot } from './snapshots'

type BackupStatus = z.infer<typeof backupStatus>
type BackupEntry = z.infer<typeof backupEntry>
type BackupVerified = z.infer<typeof backupVerified>

export function backupsStatus(schedule: BackupSchedule | null): BackupStatus {
  if (schedule === null) return { on: false, folder: null, lastAtMs: null, second: null, error: null }
  const status = schedule.status()
  // Before this office's first snapshot, the newest one on disk (an earlier run's, or race-office backup's).
  const lastAtMs = status.lastAtMs ?? eventBackups(schedule.folders, schedule.eventPath)[0]?.takenAtMs ?? null
  return { on: true, folder: schedule.folders.primary, lastAtMs, second: status.second, error: status.error }
}

/** Every backup of this event, newest first, with what it holds (not yet checked: see verifyBackup). */
export function listBackups(schedule: BackupSchedule | null): BackupEntry[] {
  if (schedule === null) return []
  return eventBackups(schedule.folders, schedule.eventPath).map((backup) => entryOf(backup, describeSnapshot(backup.path, { check: false })))
}

export function verifyBackup(schedule: BackupSchedule | null, name: string, folder: FoundBackup['folder']): BackupVerified {
  const backup = findBackup(taking(schedule), name, folder)
  const summary = describeSnapshot(backup.path)
  return { ...entryOf(backup, summary), ok: summary.ok, problem: summary.problem, schemaVersion: summary.schemaVersion }
}

/**
 * Copies the backup to a new event file beside the open one. `openEvent` (the desktop app) then
 * opens it in place of the current file, once this call has answered.
 */
export async function restoreBackup(
  schedule: BackupSchedule | null,
  input: { name: string; folder: FoundBackup['folder']; open: boolean },
  openEvent: ((path: string) => Promise<void>) | null,
): Promise<{ path: string; opened: boolean }> {
  const office = taking(schedule)
  const backup = findBackup(office, input.name, input.folder)
  const { path } = await restoreAsNewFile(backup.path, office.eventPath, backup.takenAtMs)
  const opened = input.open && openEvent !== null
  if (opened) setTimeout(() => void openEvent(path), 0)
  return { path, opened }
}

/** The second folder (a USB stick): it must be there and writable when chosen. */
export async function setSecondFolder(db: Db, schedule: BackupSchedule | null, folder: string | null, nowMs: number): Promise<BackupStatus> {
  const office = taking(schedule)
  if (folder !== null) refuseUnusableFolder(folder)
  await db.updateTable('event').set({ backup_second_folder: folder, updated_at_ms: nowMs }).where('id', '=', 1).execute()
  office.setSecond(folder)
  return backupsStatus(office)
}

function refuseUnusableFolder(folder: string): void {
  const missing = new CommandError(
    'BACKUP_FOLDER_MISSING',
    `There is no folder ${folder} that this computer can write to. Plug the USB stick in, then choose a folder on it.`,
    { path: folder },
  )
  if (!isAbsolute(folder) || !existsSync(folder) || !statSync(folder).isDirectory()) throw missing
  try {
    accessSync(folder, constants.W_OK)
  } catch {
    throw missing
  }
}

/** The office's backups, or a refusal where it takes none (a one-shot command, serve without --backups). */
function taking(schedule: BackupSchedule | null): BackupSchedule {
  if (schedule === null) throw new CommandError('NOT_AVAILABLE_HERE', 'This office takes no backups (start it with --backups DIR).')
  return schedule
}

function findBackup(schedule: BackupSchedule, name: string, folder: FoundBackup['folder']): FoundBackup {
  const found = eventBackups(schedule.folders, schedule.eventPath).find((b) => b.folder === folder && basename(b.path) === name)
  if (found === undefined) throw new CommandError('NOT_FOUND', `There is no backup called ${name}.`)
  return found
}

function entryOf(backup: FoundBackup, summary: ReturnType<typeof describeSnapshot>): BackupEntry {
  return {
    name: basename(backup.path),
    folder: backup.folder,
    takenAtMs: backup.takenAtMs,
    bytes: summary.bytes,
    entrants: summary.entrants,
    checkins: summary.checkins,
    captures: summary.captures,
  }
}
