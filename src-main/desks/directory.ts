import { createHash, randomBytes } from 'node:crypto'
import type SqliteDatabase from 'better-sqlite3'
import { uuidv7 } from 'uuidv7'
import type { Session } from '../../src-shared/contract'
import type { PairedRole } from '../../src-shared/contract/desks'
import type { DeskTable } from '../db/schema'

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The desks paired with this event file: their tokens (hashed) are kept in the file, so a tablet
 * stays signed in when the office restarts, and a revoked desk is refused from the next request.
 */
export class DeskDirectory {
  private readonly sessions = new Map<string, Session | null>()
  private readonly revokeListeners = new Set<(deskId: string) => void>()

  constructor(private readonly sqlite: SqliteDatabase.Database) {}

  /** Records a new desk and returns its token; the pairing is audited in the same transaction. */
  pair(role: PairedRole, name: string, person: string, nowMs: number): { token: string; session: Session } {
    const token = randomBytes(32).toString('base64url')
    const id = uuidv7()
    const row: DeskTable = { id, name, person, role, token_hash: tokenHash(token), paired_at_ms: nowMs, revoked_at_ms: null }
    this.sqlite.transaction(() => {
      this.sqlite
        .prepare('INSERT INTO desk (id, name, person, role, token_hash, paired_at_ms) VALUES (@id, @name, @person, @role, @token_hash, @paired_at_ms)')
        .run(row)
      this.sqlite
        .prepare("INSERT INTO audit (at_ms, actor, desk, role, command, input_json, output_json) VALUES (?, ?, ?, ?, 'desks.pair', ?, ?)")
        .run(nowMs, person, name, role, JSON.stringify({ desk: name, person, role }), JSON.stringify({ id }))
    })()
    const session = sessionOf(row)
    this.sessions.set(row.token_hash, session)
    return { token, session }
  }

  /** The desk's session (the same object each time), or null for unknown and revoked tokens. */
  lookup(token: string): Session | null {
    const hash = tokenHash(token)
    const known = this.sessions.get(hash)
    if (known !== undefined) return known
    const row = this.sqlite.prepare('SELECT * FROM desk WHERE token_hash = ? AND revoked_at_ms IS NULL').get(hash) as DeskTable | undefined
    if (row === undefined) return null
    const session = sessionOf(row)
    this.sessions.set(hash, session)
    return session
  }

  /** After the revoke is written: the desk's next request is refused and its event stream ends. */
  forget(deskId: string): void {
    for (const [hash, session] of this.sessions) if (session?.deskId === deskId) this.sessions.set(hash, null)
    for (const listener of this.revokeListeners) listener(deskId)
  }

  onRevoke(listener: (deskId: string) => void): () => void {
    this.revokeListeners.add(listener)
    return () => this.revokeListeners.delete(listener)
  }
}

function sessionOf(row: DeskTable): Session {
  return { role: row.role, actor: row.person, desk: row.name, deskId: row.id }
}
