import { CommandError } from '../../src-shared/contract/errors'

/**
 * SQLite's own failures that the user can act on: a full disk, a drive pulled out or turned
 * read-only. The transaction was rolled back, so each says that nothing was changed.
 */
export function storageError(error: unknown): CommandError | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_NOSPC') {
    return new CommandError(
      'DISK_FULL',
      'The disk is full, so nothing was changed. Free some space on this computer and try again; everything saved before is safe.',
    )
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new CommandError(
      'STORAGE_FAILED',
      'The event file could not be written, so nothing was changed. Check that its drive is still connected and writable, then try again; everything saved before is safe.',
      { sqlite: code },
    )
  }
  return null
}
