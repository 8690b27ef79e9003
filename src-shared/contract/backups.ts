import { z } from 'zod'
import { organiser, type CommandTable } from './command-spec'
import { instantMs } from './fields'

// Automatic backups of the open event, and restoring one as a new file.

export const backupFolderKinds = ['primary', 'second'] as const
export const backupFolderKind = z.enum(backupFolderKinds)
export type BackupFolderKind = z.infer<typeof backupFolderKind>

export const backupStatus = z.object({
  /** Snapshots are taken every few minutes while the event changes (the desktop app; serve --backups). */
  on: z.boolean(),
  folder: z.string().nullable(),
  lastAtMs: instantMs.nullable(),
  /** The second folder (a USB stick): whether it is there now, and its last snapshot. */
  second: z.object({ folder: z.string(), present: z.boolean(), lastAtMs: instantMs.nullable() }).nullable(),
  /** The last snapshot's failure, if it failed (a full disk, an unplugged stick). */
  error: z.string().nullable(),
})

/** A backup is named by its file name and its folder, never by a path the caller gives. */
const backupName = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^/\\\0]+\.raceoffice$/, { message: 'Not the name of a backup' })

export const backupEntry = z.object({
  name: backupName,
  folder: backupFolderKind,
  takenAtMs: instantMs,
  bytes: z.int(),
  entrants: z.int(),
  checkins: z.int(),
  captures: z.int(),
})

export const backupVerified = backupEntry.extend({
  /** Passes PRAGMA integrity_check, is a Race Office event, and this version reads its schema. */
  ok: z.boolean(),
  problem: z.string().nullable(),
  schemaVersion: z.int().nullable(),
})

export const backupsStatusInput = z.strictObject({})
export const backupsListInput = z.strictObject({})
export const backupsVerifyInput = z.strictObject({ name: backupName, folder: backupFolderKind })
export const backupsRestoreInput = z.strictObject({
  name: backupName,
  folder: backupFolderKind,
  /** Open the restored file in place of the current one (the desktop app only). */
  open: z.boolean().default(false),
})
export const backupRestored = z.object({ path: z.string(), opened: z.boolean() })
export const backupsSetSecondFolderInput = z.strictObject({ folder: z.string().trim().min(1).max(1000).nullable() })

export const backupsCommands = {
  'backups.status': { input: backupsStatusInput, output: backupStatus, roles: organiser, changes: [] },
  'backups.list': { input: backupsListInput, output: z.array(backupEntry), roles: organiser, changes: [] },
  'backups.verify': { input: backupsVerifyInput, output: backupVerified, roles: organiser, changes: [] },
  'backups.restore': { input: backupsRestoreInput, output: backupRestored, roles: organiser, changes: [] },
  'backups.setSecondFolder': { input: backupsSetSecondFolderInput, output: backupStatus, roles: organiser, changes: ['backups'] },
} as const satisfies CommandTable
