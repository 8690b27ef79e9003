import { z } from 'zod'
import { organiser, type CommandTable } from './command-spec'
import { instantMs } from './fields'

// The audit trail: every change, who made it at which desk and when, what it changed, and its undo.

/** One field of a runner as it was before the change and after it (null: empty, or no runner). */
export const auditFieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })

export const auditEntry = z.object({
  id: z.int(),
  atMs: instantMs,
  actor: z.string(),
  desk: z.string(),
  role: z.string(),
  command: z.string(),
  /** The runner the change was about, as they are now (or were, when deleted). */
  entrant: z.object({ id: z.string(), name: z.string(), bib: z.int().nullable() }).nullable(),
  changes: z.array(auditFieldChange),
  /** What was asked, shortened, where no field of a runner changed. */
  detail: z.string(),
  /** The organiser can undo it now: its kind can be undone and nothing changed the runner since. */
  undoable: z.boolean(),
  undoneAtMs: instantMs.nullable(),
  undoneBy: z.string().nullable(),
  /** This change is the undo of that one. */
  undoOf: z.int().nullable(),
})

export const auditList = z.object({ items: z.array(auditEntry), more: z.boolean() })

export const auditListInput = z.strictObject({
  entrantId: z.string().min(1).max(100).optional(),
  /** Paging back in time: entries older than this id. */
  beforeId: z.int().min(1).optional(),
  limit: z.int().min(1).max(500).default(100),
})

export const auditUndoInput = z.strictObject({ id: z.int().min(1) })
export const auditUndone = z.object({ undoOf: z.int(), entrantId: z.string().nullable() })

export const auditCommands = {
  'audit.list': { input: auditListInput, output: auditList, roles: organiser, changes: [] },
  'audit.undo': { input: auditUndoInput, output: auditUndone, roles: organiser, changes: ['entrants', 'checkin', 'bibs', 'audit'] },
} as const satisfies CommandTable
