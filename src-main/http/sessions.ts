import { createHash, randomBytes } from 'node:crypto'
import type { Session } from '../../src-shared/contract'

/**
 * Bearer tokens for the desks that open the office over HTTP. Only a hash of each token is
 * kept, so a lookup's timing says nothing about how much of a guessed token was right.
 */
export class SessionStore {
  private readonly byHash = new Map<string, Session>()

  issue(session: Session): string {
    const token = randomBytes(32).toString('base64url')
    this.byHash.set(hash(token), session)
    return token
  }

  lookup(token: string | null | undefined): Session | null {
    if (token === null || token === undefined || token.length === 0 || token.length > 200) return null
    return this.byHash.get(hash(token)) ?? null
  }

  revoke(token: string): void {
    this.byHash.delete(hash(token))
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
