import { CommandError, type CommandName } from '../../src-shared/contract'
import type { Entrant } from '../../src-shared/contract/entrants'
import type { Db } from '../db/schema'
import { getEntrant } from '../entrants/service'

/** The runner a change is about, as the audit row keeps them: before the change, and after it. */
export interface Subject {
  entrantId: string | null
  before: Entrant | null
}

const byId = (value: unknown, key: string): string | null => {
  const found = (value as Record<string, unknown> | null)?.[key]
  return typeof found === 'string' ? found : null
}

/** Known before the change runs: from what was asked (a runner's id), or the change an undo undoes. */
export async function subjectBefore(db: Db, command: CommandName, input: unknown): Promise<Subject> {
  let entrantId = byId(input, 'entrantId')
  if (command === 'entrants.update' || command === 'entrants.delete') entrantId = byId(input, 'id')
  if (command === 'audit.undo') {
    const row = await db.selectFrom('audit').select('entrant_id').where('id', '=', (input as { id: number }).id).executeTakeFirst()
    entrantId = row?.entrant_id ?? null
  }
  return { entrantId, before: entrantId === null ? null : await snapshot(db, entrantId) }
}

/** After the change: the runner it made (a new entrant, a walk-up) when none was named before. */
export async function subjectAfter(db: Db, command: CommandName, output: unknown, subject: Subject): Promise<{ entrantId: string | null; after: Entrant | null }> {
  const entrantId = subject.entrantId ?? (command === 'entrants.create' ? byId(output, 'id') : byId(output, 'entrantId'))
  return { entrantId, after: entrantId === null ? null : await snapshot(db, entrantId) }
}

async function snapshot(db: Db, entrantId: string): Promise<Entrant | null> {
  try {
    return await getEntrant(db, entrantId)
  } catch (error) {
    if (error instanceof CommandError && error.code === 'NOT_FOUND') return null
    throw error
  }
}
