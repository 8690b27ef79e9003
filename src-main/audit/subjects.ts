import { CommandError } from '../../src-shared/contract'
import type { Entrant } from '../../src-shared/contract/entrants'
import type { AnyWritePart } from '../commands/parts'
import type { WriteDb } from '../db/schema'
import { getEntrant } from '../entrants/service'

/** The runner a change is about, as the audit row keeps them: before the change, and after it. */
export interface Subject {
  entrantId: string | null
  before: Entrant | null
}

type About = AnyWritePart['about']

/** Known before the change runs: the runner named by what was asked (each write says which, if any). */
export async function subjectBefore(tx: WriteDb, about: About, input: unknown): Promise<Subject> {
  const entrantId = about !== null && 'asked' in about ? await about.asked(input, tx) : null
  return { entrantId, before: entrantId === null ? null : await snapshot(tx, entrantId) }
}

/** After the change: the runner it made or found (a new entrant, a walk-up) when none was named before. */
export async function subjectAfter(tx: WriteDb, about: About, output: unknown, subject: Subject): Promise<{ entrantId: string | null; after: Entrant | null }> {
  const entrantId = subject.entrantId ?? (about !== null && 'made' in about ? about.made(output) : null)
  return { entrantId, after: entrantId === null ? null : await snapshot(tx, entrantId) }
}

async function snapshot(tx: WriteDb, entrantId: string): Promise<Entrant | null> {
  try {
    return await getEntrant(tx, entrantId)
  } catch (error) {
    if (error instanceof CommandError && error.code === 'NOT_FOUND') return null
    throw error
  }
}
