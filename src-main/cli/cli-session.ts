import { userInfo } from 'node:os'
import type { Session } from '../../src-shared/contract'

/** Scripts act as the organiser; the audit names the user and the command line. */
export function cliSession(): Session {
  let actor = 'cli'
  try {
    actor = userInfo().username || actor
  } catch {
    // Some containers have no passwd entry for the user; "cli" is still honest.
  }
  return { role: 'organiser', actor, desk: 'cli' }
}
