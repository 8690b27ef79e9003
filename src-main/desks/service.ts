import { CommandError } from '../../src-shared/contract'
import type { Db, ReadDb } from '../db/schema'
import type { DeskTable } from '../db/schema'
import type { DeskDirectory } from './directory'

function toDesk(row: DeskTable) {
  return { id: row.id, name: row.name, person: row.person, role: row.role, pairedAtMs: row.paired_at_ms, revokedAtMs: row.revoked_at_ms }
}

export async function listDesks(db: ReadDb) {
  return (await db.selectFrom('desk').selectAll().orderBy('paired_at_ms', 'desc').execute()).map(toDesk)
}

/** The desk's token stops working at once; the row stays, so the audit still names the desk. */
export async function revokeDesk(db: Db, directory: DeskDirectory, id: string, nowMs: number) {
  const row = await db.selectFrom('desk').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new CommandError('NOT_FOUND', 'There is no such desk.', { id })
  if (row.revoked_at_ms === null) await db.updateTable('desk').set({ revoked_at_ms: nowMs }).where('id', '=', id).execute()
  directory.forget(id)
  return toDesk({ ...row, revoked_at_ms: row.revoked_at_ms ?? nowMs })
}
