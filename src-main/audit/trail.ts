import type { z } from 'zod'
import type { auditEntry, auditFieldChange, auditList } from '../../src-shared/contract/audit'
import type { Entrant } from '../../src-shared/contract/entrants'
import type { ParsedInput } from '../../src-shared/contract'
import type { ReadDb } from '../db/schema'
import { canBeUndone, type UndoOf } from './undo'
import { personName } from '../../src-shared/names/person-name'

type AuditEntry = z.infer<typeof auditEntry>
type FieldChange = z.infer<typeof auditFieldChange>

/** The runner's fields the Audit view shows, in the order of the entrant form. */
const shownFields = [
  'bib',
  'givenName',
  'familyName',
  'secondName',
  'sex',
  'birthDate',
  'age',
  'race',
  'wave',
  'category',
  'status',
  'shirtSize',
  'club',
  'team',
  'divisions',
  'nationality',
  'email',
  'phone',
  'emergencyName',
  'emergencyPhone',
  'ref',
  'predictedTimeMs',
] as const satisfies readonly (keyof Entrant)[]

/** Every change, newest first; one runner's when asked (the entrant's history). */
export async function listAudit(db: ReadDb, input: ParsedInput<'audit.list'>, undoOf: UndoOf): Promise<z.infer<typeof auditList>> {
  let query = db
    .selectFrom('audit')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
  if (input.entrantId !== undefined) query = query.where('entrant_id', '=', input.entrantId)
  if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId)
  const rows = await query.execute()
  const page = rows.slice(0, input.limit)
  const entrantIds = [...new Set(page.map((r) => r.entrant_id).filter((id): id is string => id !== null))]
  // The latest change of each runner on the page: only that one can be undone safely.
  const latest = new Map(
    entrantIds.length === 0
      ? []
      : (
          await db
            .selectFrom('audit')
            .select(['entrant_id', db.fn.max('id').as('latest')])
            .where('entrant_id', 'in', entrantIds)
            .groupBy('entrant_id')
            .execute()
        ).map((r) => [r.entrant_id, r.latest]),
  )
  const items = page.map((row): AuditEntry => {
    const before = parse(row.before_json)
    const after = parse(row.after_json)
    const runner = after ?? before
    const changes = fieldChanges(before, after)
    return {
      id: row.id,
      atMs: row.at_ms,
      actor: row.actor,
      desk: row.desk,
      role: row.role,
      command: row.command,
      entrant: runner === null ? null : { id: runner.id, name: personName(runner.givenName, runner.familyName), bib: runner.bib },
      changes,
      // A change that leaves the runner's own fields as they were (a result decision, a bib voided
      // and given back…) is shown by what was asked.
      detail: changes.length === 0 ? shorten(row.input_json) : '',
      undoable: row.undone_at_ms === null && canBeUndone(row, undoOf) && latest.get(row.entrant_id) === row.id,
      undoneAtMs: row.undone_at_ms,
      undoneBy: row.undone_by,
      undoOf: row.command === 'audit.undo' ? (JSON.parse(row.input_json) as ParsedInput<'audit.undo'>).id : null,
    }
  })
  return { items, more: rows.length > input.limit }
}

function parse(json: string | null): Entrant | null {
  return json === null ? null : (JSON.parse(json) as Entrant)
}

function fieldChanges(before: Entrant | null, after: Entrant | null): FieldChange[] {
  const text = (runner: Entrant | null, field: (typeof shownFields)[number]): string | null => {
    const value = runner?.[field]
    if (Array.isArray(value)) return value.length === 0 ? null : value.join('; ')
    return value === null || value === undefined || value === '' ? null : String(value)
  }
  return shownFields.map((field) => ({ field, before: text(before, field), after: text(after, field) })).filter((c) => c.before !== c.after)
}

function shorten(json: string): string {
  return json.length > 160 ? `${json.slice(0, 159)}…` : json
}
