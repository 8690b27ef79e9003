import { createHash, randomBytes } from 'node:crypto'
import type { Session } from '../../src-shared/contract'

/**
 * Bearer tokens for the desks that open the office over HTTP. Only a hash of each token is
 * kept, so a lookup's timing says nothing about how much of a guessed token was right.
 */
export class SessionStore {
  private readonly byHash = new Map<string, Session>()

  /** `paired`: the desks paired with the open event file, looked up when a token is not one of ours. */
  constructor(private readonly paired?: { lookup(token: string): Session | null }) {}

  issue(session: Session): string {
    const token = randomBytes(32).toString('base64url')
    // A copy: a screen's own session object (its desk-mode lock hangs on it) is never shared.
    this.byHash.set(hash(token), { ...session })
    return token
  }

  lookup(token: string | null | undefined): Session | null {
    if (token === null || token === undefined || token.length === 0 || token.length > 200) return null
    return this.byHash.get(hash(token)) ?? this.paired?.lookup(token) ?? null
  }

  revoke(token: string): void {
    this.byHash.delete(hash(token))
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
