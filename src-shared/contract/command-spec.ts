import type { z } from 'zod'
import type { Role } from './roles'

/** What a write touched: every screen showing that topic refreshes when it changes. */
export type Topic = 'event' | 'races' | 'entrants' | 'bibs' | 'checkin' | 'desks' | 'timing' | 'results' | 'backups' | 'audit'

/** One command as the contract knows it: what it takes, what it answers, who may call it. */
export interface CommandSpec {
  input: z.ZodType
  output: z.ZodType
  roles: readonly Role[]
  /** Topics a successful call changes; empty for reads. Writes run in a transaction and are audited. */
  changes: readonly Topic[]
  /**
   * `card`: the answer is the card of one runner at hand (the one a desk found or scanned), so a
   * check-in desk receives their contacts in it; see `fieldsHiddenFrom` for every role's view.
   */
  view?: 'card'
}

/** A domain's commands, by name. */
export type CommandTable = Record<string, CommandSpec>

export const everyone = ['organiser', 'desk', 'finish', 'viewer'] as const
export const organiser = ['organiser'] as const
/** Check-in desks: the organiser and desk sessions (a paired desk, or a machine locked in desk mode). */
export const pickup = ['organiser', 'desk'] as const
/** The finish line: the organiser and finish sessions (a paired finish-line device). */
export const finish = ['organiser', 'finish'] as const
