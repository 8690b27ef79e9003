import { CommandError, type ParsedInput, type Session } from '../../src-shared/contract'
import type { Entrant } from '../../src-shared/contract/entrants'
import { assignBib } from '../bibs/service'
import { undoCheckin } from '../checkin/service'
import type { Db } from '../db/schema'
import type { AuditTable } from '../db/schema'
import { deleteEntrant, updateEntrant } from '../entrants/service'

type AuditRow = Pick<AuditTable, 'command' | 'entrant_id' | 'before_json' | 'output_json'>

/** A change about one runner, as the audit row keeps it. */
interface Change {
  entrantId: string
  before: Entrant
  output: unknown
}

/**
 * How each kind of change is taken back, as a change of its own. Kinds not here (imports, bib
 * numbering of a whole race, finish-line times with their own corrections…) have their own way
 * back and are not undone from the Audit view.
 */
const reversals: Record<string, (db: Db, change: Change, session: Session, nowMs: number) => Promise<unknown>> = {
  'entrants.update': (db, { before }, _session, nowMs) => restoreFields(db, before, nowMs),
  'checkin.correct': (db, { before }, _session, nowMs) => restoreFields(db, before, nowMs),
  'bibs.assign': (db, { entrantId, before }, session, nowMs) => assignBib(db, { entrantId, bib: before.bib, reason: 'manual' }, session, nowMs),
  'checkin.checkIn': (db, { output }, session, nowMs) => undoCheckin(db, { checkinId: (output as { checkinId: string }).checkinId }, session, nowMs),
  'entrants.create': (db, { entrantId }) => deleteEntrant(db, { id: entrantId }),
  'checkin.walkUp': (db, { entrantId }) => deleteEntrant(db, { id: entrantId }),
}

/**
 * Only changes of a kind with a way back, about one runner: the runner is how an undo is known to
 * be safe (nothing later about them). Rows written before runners were recorded have none.
 */
export function canBeUndone(row: AuditRow): row is AuditRow & { entrant_id: string } {
  return row.entrant_id !== null && row.command in reversals
}

/** Takes a change back where nothing has changed the runner since; the undo is audited like any change. */
export async function undoChange(db: Db, input: ParsedInput<'audit.undo'>, session: Session, nowMs: number) {
  const row = await db.selectFrom('audit').selectAll().where('id', '=', input.id).executeTakeFirst()
  if (row === undefined) throw new CommandError('NOT_FOUND', 'There is no such change in the audit trail.', { id: input.id })
  if (row.undone_at_ms !== null) throw new CommandError('UNDO_NOT_POSSIBLE', `It was undone already, by ${row.undone_by}.`, { why: `undone already by ${row.undone_by}` })
  if (!canBeUndone(row)) throw new CommandError('UNDO_NOT_POSSIBLE', `A ${row.command} change cannot be undone from the audit trail.`, { why: row.command })
  const later = await db.selectFrom('audit').select(['command', 'actor', 'at_ms']).where('entrant_id', '=', row.entrant_id).where('id', '>', row.id).orderBy('id').executeTakeFirst()
  if (later !== undefined) {
    throw new CommandError('UNDO_UNSAFE', `The runner was changed again since (${later.command} by ${later.actor}); undo that change first.`, { command: later.command, actor: later.actor, atMs: later.at_ms })
  }
  const change: Change = { entrantId: row.entrant_id, before: JSON.parse(row.before_json ?? 'null') as Entrant, output: JSON.parse(row.output_json) }
  await reversals[row.command]?.(db, change, session, nowMs)
  await db.updateTable('audit').set({ undone_at_ms: nowMs, undone_by: session.actor }).where('id', '=', row.id).execute()
  return { undoOf: row.id, entrantId: row.entrant_id }
}

/** The runner's own fields as they were; bib and race included, checked again like every edit. */
async function restoreFields(db: Db, was: Entrant, nowMs: number): Promise<Entrant> {
  return updateEntrant(
    db,
    {
      id: was.id,
      raceId: was.raceId,
      givenName: was.givenName,
      familyName: was.familyName,
      sex: was.sex,
      secondName: was.secondName,
      birthDate: was.birthDate,
      age: was.birthDate === null ? was.age : null,
      nationality: was.nationality,
      club: was.club,
      email: was.email,
      phone: was.phone,
      emergencyName: was.emergencyName,
      emergencyPhone: was.emergencyPhone,
      shirtSize: was.shirtSize,
      ref: was.ref,
      bib: was.bib,
      predictedTimeMs: was.predictedTimeMs,
      waveId: was.waveId,
      ...((was.status === 'registered' || was.status === 'withdrawn') && { status: was.status }),
    },
    nowMs,
  )
}
