import type { ErrorCode } from './errors'

/** How the HTTP host reports each error code; the body always carries the code itself. */
export const httpStatusOf: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_COMMAND: 404,
  NOT_AUTHENTICATED: 401,
  NOT_AUTHORISED: 403,
  NOT_FOUND: 404,
  RACE_NAME_TAKEN: 409,
  RACE_HAS_ENTRANTS: 409,
  BIB_RANGE_OVERLAP: 409,
  NOT_AN_EVENT_FILE: 422,
  FILE_FROM_NEWER_VERSION: 422,
  FILE_UNREADABLE: 422,
  SHUTTING_DOWN: 503,
  OFFICE_UNREACHABLE: 503,
  INTERNAL: 500,
}
