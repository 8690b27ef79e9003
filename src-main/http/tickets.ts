import { randomBytes } from 'node:crypto'
import type { Session } from '../../src-shared/contract'
import type { TicketRequest } from '../../src-shared/contract/desks'

/** How long a ticket may wait before it is used: a browser asks for one just before it opens the address. */
export const ticketLifetimeMs = 60_000
/** Tickets waiting at once; past it the oldest go, so asking for tickets cannot fill memory. */
const mostWaiting = 10_000

interface Ticket {
  session: Session
  request: TicketRequest
  expiresAtMs: number
}

/**
 * Short-lived, single-purpose stand-ins for a desk's token in an address (an event stream, a
 * download link): an address ends up in logs, the browser's history and the screen of whoever
 * looks over a shoulder, so it never carries the token that signs the desk in for the day.
 */
export class Tickets {
  private readonly waiting = new Map<string, Ticket>()

  constructor(private readonly now: () => number = Date.now) {}

  issue(session: Session, request: TicketRequest): { ticket: string; expiresAtMs: number } {
    const ticket = randomBytes(32).toString('base64url')
    const expiresAtMs = this.now() + ticketLifetimeMs
    this.waiting.set(ticket, { session, request, expiresAtMs })
    for (const [old] of this.waiting) {
      if (this.waiting.size <= mostWaiting) break
      this.waiting.delete(old)
    }
    return { ticket, expiresAtMs }
  }

  /** The session a ticket stands for, if it is for this use and still fresh; it is then used up. */
  redeem(ticket: string | null, use: TicketRequest): Session | null {
    if (ticket === null) return null
    const found = this.waiting.get(ticket)
    if (found === undefined) return null
    this.waiting.delete(ticket)
    if (found.expiresAtMs <= this.now() || !sameUse(found.request, use)) return null
    return found.session
  }
}

function sameUse(a: TicketRequest, b: TicketRequest): boolean {
  return a.for === b.for && (a.for === 'events' || (b.for === 'download' && a.jobId === b.jobId))
}
