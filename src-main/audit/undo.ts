import { CommandError, type ParsedInput, type Session } from '../../src-shared/contract'
import type { Entrant } from '../../src-shared/contract/entrants'
import type { AnyWritePart } from '../commands/parts'
import type { AuditTable, WriteDb } from '../db/schema'

type AuditRow = Pick<AuditTable, 'command' | 'entrant_id' | 'before_json' | 'output_json'>

/** How a kind of change is taken back (each write declares its own), or null when it is not from the Audit view. */
export type UndoOf = (command: string) => AnyWritePart['undo']

/**
 * Only changes of a kind with a way back, about one runner: the runner is how an undo is known to
 * be safe (nothing later about them). Rows written before runners were recorded have none.
 */
export function canBeUndone(row: AuditRow, undoOf: UndoOf): row is AuditRow & { entrant_id: string } {
  return row.entrant_id !== null && undoOf(row.command) !== null
}

/** Takes a change back where nothing has changed the runner since; the undo is audited like any change. */
export async function undoChange(tx: WriteDb, input: ParsedInput<'audit.undo'>, session: Session, nowMs: number, undoOf: UndoOf) {
  const row = await tx.selectFrom('audit').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (row === undefined) throw new CommandError('NOT_FOUND', 'There is no such change in the audit trail.', { id: input.id })
  if (row.undone_at_ms !== null)
    throw new CommandError('UNDO_NOT_POSSIBLE', `It was undone already, by ${row.undone_by}.`, { why: `undone already by ${row.undone_by}` })
  const undo = undoOf(row.command)
  if (undo === null || !canBeUndone(row, undoOf))
    throw new CommandError('UNDO_NOT_POSSIBLE', `A ${row.command} change cannot be undone from the audit trail.`, { why: row.command })
  const later = await tx
    .selectFrom('audit')
    .select(['command', 'actor', 'at_ms'])
    .where('entrant_id', '=', row.entrant_id)
    .where('id', '>', row.id)
    .orderBy('id')
    .executeTakeFirst()
  if (later !== undefined) {
    throw new CommandError('UNDO_UNSAFE', `The runner was changed again since (${later.command} by ${later.actor}); undo that change first.`, {
      command: later.command,
      actor: later.actor,
      atMs: later.at_ms,
    })
  }
  const before = JSON.parse(row.before_json ?? 'null') as Entrant | null
  await undo(tx, { entrantId: row.entrant_id, before, output: JSON.parse(row.output_json) }, session, nowMs)
  await tx.updateTable('audit').set({ undone_at_ms: nowMs, undone_by: session.actor }).where('id', '=', row.id).execute()
  return { undoOf: row.id, entrantId: row.entrant_id }
}

/** The runner an audited change was about: an undo is about the same runner. */
export async function runnerOfChange(tx: WriteDb, id: number): Promise<string | null> {
  const row = await tx.selectFrom('audit').select('entrant_id').where('id', '=', id).executeTakeFirst()
  return row?.entrant_id ?? null
}
