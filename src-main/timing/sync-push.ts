import { CommandError } from '../../src-shared/contract'
import { pairResponse } from '../../src-shared/contract/desks'
import type { SyncPackage } from '../../src-shared/contract/timing'
import { syncBatches } from '../../src-shared/timing/sync-batches'

export type SyncCounts = { captures: { added: number; unchanged: number }; changes: { added: number; unchanged: number }; clocks: { added: number; unchanged: number }; conflicts: { kind: 'capture' | 'change' | 'clock'; id: string; message: string }[] }

const unreachable = (origin: string): CommandError => new CommandError('OFFICE_UNREACHABLE', `The office at ${origin} cannot be reached.`, { origin })

async function postJson(url: URL, body: unknown, token?: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    })
  } catch {
    throw unreachable(url.origin)
  }
  const answer = (await response.json().catch(() => null)) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } } | null
  if (answer === null) throw new CommandError('OFFICE_UNREACHABLE', `The address ${url.origin} answered, but not as a Race Office.`, { origin: url.origin })
  if (!answer.ok) throw new CommandError(answer.error.code === 'PAIRING_CODE_WRONG' ? 'PAIRING_CODE_WRONG' : 'SYNC_REFUSED', answer.error.message, { origin: url.origin, code: answer.error.code })
  return answer.value
}

/** Sends a package to an office's desk host in batches small enough for its request limit; the counts add up. */
export async function sendToOffice(origin: string, token: string, pkg: SyncPackage): Promise<SyncCounts> {
  const total: SyncCounts = { captures: { added: 0, unchanged: 0 }, changes: { added: 0, unchanged: 0 }, clocks: { added: 0, unchanged: 0 }, conflicts: [] }
  for (const batch of syncBatches(pkg, 2000)) {
    const value = (await postJson(new URL('/api/sync.import', origin), { package: batch }, token)) as SyncCounts
    for (const key of ['captures', 'changes', 'clocks'] as const) {
      total[key].added += value[key].added
      total[key].unchanged += value[key].unchanged
    }
    total.conflicts.push(...value.conflicts)
  }
  return total
}

/** Pairs with an office as a finish device, with the code on the organiser's screen. */
export async function pairWithOffice(origin: string, code: string, desk: string, person: string): Promise<string> {
  const paired = pairResponse.parse(await postJson(new URL('/pair', origin), { code, desk, person }))
  return paired.token
}

export interface LiveSyncStatus {
  office: string | null
  lastAtMs: number | null
  last: SyncCounts | null
  error: { code: string; message: string } | null
}

/**
 * Live sync of a finish laptop that keeps its own copy of the event: while connected, its
 * package goes to the office every few seconds (importing is idempotent, so sending all again
 * is safe), and the status says when it last arrived and what the office said.
 */
export class LiveSync {
  private office: { origin: string; token: string } | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<void> | null = null
  private state: LiveSyncStatus = { office: null, lastAtMs: null, last: null, error: null }

  constructor(
    private readonly exportPackage: () => Promise<SyncPackage>,
    private readonly now: () => number = Date.now,
  ) {}

  async connect(origin: string, token: string, everyMs: number): Promise<LiveSyncStatus> {
    this.disconnect()
    this.office = { origin, token }
    this.state = { office: origin, lastAtMs: null, last: null, error: null }
    await this.pushNow()
    this.timer = setInterval(() => void this.pushNow(), everyMs)
    this.timer.unref?.()
    return this.status()
  }

  disconnect(): LiveSyncStatus {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    this.office = null
    this.state = { office: null, lastAtMs: null, last: null, error: null }
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
      const last = await sendToOffice(office.origin, office.token, await this.exportPackage())
      if (this.office === office) this.state = { office: office.origin, lastAtMs: this.now(), last, error: null }
    } catch (error) {
      const value = error instanceof CommandError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: (error as Error).message }
      if (this.office === office) this.state = { ...this.state, error: value }
    }
  }
}
