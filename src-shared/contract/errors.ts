// Errors cross every boundary as values with a stable code; the UI translates the code
// (with `details` as parameters) and falls back to `message`, which is always English.
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'NOT_AUTHENTICATED',
  'NOT_AUTHORISED',
  'NOT_FOUND',
  'RACE_NAME_TAKEN',
  'RACE_HAS_ENTRANTS',
  'BIB_RANGE_OVERLAP',
  'BIB_TAKEN',
  'BIB_OUT_OF_RANGE',
  'BIB_EXCLUDED',
  'BIB_VOIDED',
  'BIB_RANGE_TOO_SMALL',
  'ENTRANT_HAS_NO_BIB',
  'WAVE_NOT_IN_RACE',
  'REF_TAKEN',
  'ENTRANT_CHECKED_IN',
  'ENTRANT_TIMED',
  'IMPORT_NOT_FOUND',
  'IMPORT_UNREADABLE',
  'IMPORT_REFUSED',
  'NOTHING_TO_PRINT',
  'PRINT_NOT_FOUND',
  'PRINT_NOT_READY',
  'PRINT_CANCELLED',
  'LOGO_UNREADABLE',
  'NOT_AVAILABLE_HERE',
  'PRINT_NOT_OPENED',
  'ALREADY_CHECKED_IN',
  'CHECKIN_UNDONE',
  'NOT_YOUR_CHECKIN',
  'CONFIRMATION_MISSING',
  'ENTRANT_WITHDRAWN',
  'SHIRT_SIZE_OUT',
  'SHIRT_SIZE_UNKNOWN',
  'BIB_ALREADY_GIVEN',
  'PIN_WRONG',
  'PIN_TOO_MANY_TRIES',
  'NOT_LOCKED',
  'PAIRING_CODE_WRONG',
  'PAIRING_TOO_MANY_TRIES',
  'PAIRING_REFUSED',
  'NO_NETWORK',
  'CAPTURE_SEQ_TAKEN',
  'CAPTURE_NOT_FOUND',
  'CAPTURE_STATE',
  'NOTHING_TO_SHIFT',
  'CLOCK_ALREADY_STARTED',
  'CLOCK_NO_READS',
  'CLOCK_EXCHANGE_INVALID',
  'POINT_UNKNOWN',
  'READS_REFUSED',
  'READS_NEED_ANCHOR',
  'RACE_NOT_STARTED',
  'TIMES_REFUSED',
  'FINDING_GONE',
  'DECODER_REFUSED',
  'SYNC_OTHER_EVENT',
  'SYNC_REFUSED',
  'NOT_AN_EVENT_FILE',
  'FILE_FROM_NEWER_VERSION',
  'FILE_UNREADABLE',
  'BACKUP_FAILED',
  'DISK_FULL',
  'UNDO_NOT_POSSIBLE',
  'UNDO_UNSAFE',
  'BACKUP_FOLDER_MISSING',
  'FILE_IN_USE',
  'FILE_DAMAGED',
  'BACKUP_DAMAGED',
  'STORAGE_FAILED',
  'SHUTTING_DOWN',
  'OFFICE_UNREACHABLE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface CommandErrorValue {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandErrorValue }

/** Thrown inside main-process modules only; the router turns it into a value. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'CommandError'
  }

  toValue(): CommandErrorValue {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details }
  }
}
