import { CommandError } from '../../src-shared/contract'
import { pairResponse } from '../../src-shared/contract/desks'
import type { SyncPackage } from '../../src-shared/contract/timing'
import { sendInBatches, type SyncCounts } from '../../src-shared/timing/sync-batches'
import { exchangesPerMeasurement, type Exchange } from '../../src-shared/timing/clock-offset'

export type { SyncCounts }

const unreachable = (origin: string): CommandError => new CommandError('OFFICE_UNREACHABLE', `The office at ${origin} cannot be reached.`, { origin })

async function postJson(url: URL, body: unknown, token?: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
      // Only the address the organiser typed: a redirect could send the laptop's work elsewhere.
      redirect: 'error',
      signal: AbortSignal.timeout(30_000),
    })
  } catch {
    throw unreachable(url.origin)
  }
  const answer = (await response.json().catch(() => null)) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } } | null
  if (answer === null) throw new CommandError('OFFICE_UNREACHABLE', `The address ${url.origin} answered, but not as a Race Office.`, { origin: url.origin })
  if (!answer.ok)
    throw new CommandError(answer.error.code === 'PAIRING_CODE_WRONG' ? 'PAIRING_CODE_WRONG' : 'SYNC_REFUSED', answer.error.message, {
      origin: url.origin,
      code: answer.error.code,
    })
  return answer.value
}

/** Sends a package to an office's desk host in batches small enough for its request limit; the counts add up. */
export function sendToOffice(origin: string, token: string, pkg: SyncPackage): Promise<SyncCounts> {
  return sendInBatches(pkg, async (batch) => (await postJson(new URL('/api/sync.import', origin), { package: batch }, token)) as SyncCounts)
}

/** This machine's clock against the office's: a few exchanges in a row (the one with the smallest round trip counts). */
export async function exchangeWithOffice(origin: string, token: string, now: () => number = Date.now): Promise<Exchange[]> {
  const exchanges: Exchange[] = []
  for (let i = 0; i < exchangesPerMeasurement; i++) {
    const sentAtMs = now()
    const answer = (await postJson(new URL('/api/clock.exchange', origin), { device: 'finish-laptop', sentAtMs }, token)) as {
      receivedAtMs: number
      repliedAtMs: number
    }
    exchanges.push({ sentAtMs, receivedAtMs: answer.receivedAtMs, repliedAtMs: answer.repliedAtMs, returnedAtMs: now() })
  }
  return exchanges
}

/**
 * Pairs with an office as a finish device, with the code on the organiser's screen. An office
 * that approves each new device answers with a ticket: asked again every two seconds until the
 * organiser lets the laptop in or turns it away.
 */
export async function pairWithOffice(origin: string, code: string, desk: string, person: string, pollMs = 2000): Promise<string> {
  let answer = pairResponse.parse(await postJson(new URL('/pair', origin), { code, desk, person }))
  while ('waiting' in answer) {
    await new Promise((resolve) => setTimeout(resolve, pollMs))
    answer = pairResponse.parse(await postJson(new URL('/pair/wait', origin), { ticket: answer.waiting }))
  }
  return answer.token
}

export interface LiveSyncStatus {
  office: string | null
  lastAtMs: number | null
  /** What the office said of the last push that had something new. */
  last: SyncCounts | null
  /** Captures the office has acknowledged since connecting. */
  sentCaptures: number
  error: { code: string; message: string } | null
}

/** The package without what the office already acknowledged: a capture corrected later sends only its correction. */
function unsent(pkg: SyncPackage, sent: Set<string>): SyncPackage {
  return {
    ...pkg,
    captures: pkg.captures.filter((c) => !sent.has(c.id)),
    changes: pkg.changes.filter((c) => !sent.has(c.id)),
    clocks: pkg.clocks.filter((c) => !sent.has(c.id)),
    ...(pkg.clockMeasurements !== undefined && { clockMeasurements: pkg.clockMeasurements.filter((m) => !sent.has(m.id)) }),
  }
}

const nothingYet = (office: string | null): LiveSyncStatus => ({ office, lastAtMs: null, last: null, sentCaptures: 0, error: null })

/**
 * Live sync of a finish laptop that keeps its own copy of the event: while connected, what the
 * office has not acknowledged yet goes every few seconds (all of it after a reconnect: importing
 * is idempotent), and the status says when it last arrived and what the office said.
 */
export class LiveSync {
  private office: { origin: string; token: string } | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<void> | null = null
  private state: LiveSyncStatus = nothingYet(null)
  /** Ids of captures, corrections and guns the office acknowledged on this connection. */
  private sent = new Set<string>()

  constructor(
    private readonly exportPackage: () => Promise<SyncPackage>,
    /** Keeps this file's clock measured against the office (so every package carries it). */
    private readonly keepMeasurement: (exchanges: Exchange[]) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  async connect(origin: string, token: string, everyMs: number): Promise<LiveSyncStatus> {
    this.disconnect()
    this.office = { origin, token }
    this.state = nothingYet(origin)
    await this.pushNow()
    this.timer = setInterval(() => void this.pushNow(), everyMs)
    this.timer.unref?.()
    return this.status()
  }

  disconnect(): LiveSyncStatus {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    this.office = null
    this.sent = new Set()
    this.state = nothingYet(null)
    return this.status()
  }

  status(): LiveSyncStatus {
    return { ...this.state }
  }

  /** One push; a push still under way is not started twice. */
  pushNow(): Promise<void> {
    this.running ??= this.push().finally(() => (this.running = null))
    return this.running
  }

  /** Waits for a push under way (closing the file after it). */
  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  private async push(): Promise<void> {
    const office = this.office
    if (office === null) return
    try {
      // Measured at every push: the package then carries the latest offset with what it sends.
      await this.keepMeasurement(await exchangeWithOffice(office.origin, office.token, this.now))
      const pkg = unsent(await this.exportPackage(), this.sent)
      const fresh = pkg.captures.length + pkg.changes.length + pkg.clocks.length + (pkg.clockMeasurements?.length ?? 0) > 0
      const last = fresh ? await sendToOffice(office.origin, office.token, pkg) : this.state.last
      if (this.office !== office) return
      for (const item of [...pkg.captures, ...pkg.changes, ...pkg.clocks, ...(pkg.clockMeasurements ?? [])]) this.sent.add(item.id)
      this.state = {
        office: office.origin,
        lastAtMs: fresh ? this.now() : this.state.lastAtMs,
        last,
        sentCaptures: this.state.sentCaptures + pkg.captures.length,
        error: null,
      }
    } catch (error) {
      const value = error instanceof CommandError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: (error as Error).message }
      if (this.office === office) this.state = { ...this.state, error: value }
    }
  }
}
