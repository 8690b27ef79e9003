import type { CommandErrorValue, CommandInput, CommandOutput, CommandResult } from '../../../src-shared/contract'

/**
 * What the finish desk sends: a time (maybe with its bib), a bib typed in finish order, or a time typed from a tape. `key` is
 * the press's own (never its device and sequence, which a duplicated tab may share), `order` when
 * it was made.
 */
export type QueuedCall =
  | { key: string; order: number; command: 'timing.capture'; input: CommandInput<'timing.capture'> }
  | { key: string; order: number; command: 'timing.assignBib'; input: CommandInput<'timing.assignBib'> }
  | { key: string; order: number; command: 'timing.typeTime'; input: CommandInput<'timing.typeTime'> }

export type Acknowledged =
  | { item: QueuedCall & { command: 'timing.capture' }; value: CommandOutput<'timing.capture'> }
  | { item: QueuedCall & { command: 'timing.assignBib' }; value: CommandOutput<'timing.assignBib'> }
  | { item: QueuedCall & { command: 'timing.typeTime' }; value: CommandOutput<'timing.typeTime'> }

/** Where presses wait until the office has them: the browser's IndexedDB, or memory in tests. */
export interface QueueStore {
  /** This tab's presses and those a closed tab left, oldest first (taken over: no other tab sends them). */
  all(): Promise<QueuedCall[]>
  put(item: QueuedCall): Promise<void>
  remove(key: string): Promise<void>
}

export type Send = (item: QueuedCall) => Promise<CommandResult<unknown>>

export interface QueueEvents {
  acknowledged(ack: Acknowledged): void
  refused(item: QueuedCall, error: CommandErrorValue): void
  changed(pending: readonly QueuedCall[]): void
}

// The office did not answer (no network, host closing): the press waits and goes again.
// A full disk or a pulled drive at the office: kept here and sent again until it is fixed.
const retryable = new Set(['OFFICE_UNREACHABLE', 'SHUTTING_DOWN', 'INTERNAL', 'DISK_FULL', 'STORAGE_FAILED'])

/**
 * Every press is stored on the device before it is sent, and sent in the order it was made. A
 * press stays stored until the office answers that it committed it: a lost answer means the
 * same device and sequence go again, which the office recognises (no duplicate).
 */
export class CaptureQueue {
  private pending: QueuedCall[] = []
  private sending = false
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private loaded: Promise<void>

  constructor(
    private readonly store: QueueStore,
    private readonly send: Send,
    private readonly events: QueueEvents,
    private readonly retryMs = 1000,
    /** The same press under a new device number, when the office says another press holds this one. */
    private readonly renumber: (item: QueuedCall) => QueuedCall = (item) => item,
  ) {
    this.loaded = store.all().then((items) => {
      this.pending = [...items, ...this.pending]
      this.events.changed(this.pending)
    })
  }

  /** Takes over presses a tab closed meanwhile left behind, and sends them. */
  async adopt(): Promise<void> {
    await this.loaded
    const known = new Set(this.pending.map((item) => item.key))
    const orphans = (await this.store.all()).filter((item) => !known.has(item.key))
    if (orphans.length === 0) return
    this.pending = [...this.pending, ...orphans].sort((a, b) => a.order - b.order)
    this.events.changed(this.pending)
    void this.flush()
  }

  async add(item: QueuedCall): Promise<void> {
    await this.loaded
    await this.store.put(item)
    this.pending.push(item)
    this.events.changed(this.pending)
    void this.flush()
  }

  get waiting(): readonly QueuedCall[] {
    return this.pending
  }

  /** Sends what waits, oldest first; stops at the first press the office cannot be reached for. */
  async flush(): Promise<void> {
    await this.loaded
    if (this.sending) return
    this.sending = true
    try {
      while (this.pending.length > 0) {
        const item = this.pending[0] as QueuedCall
        const result = await this.send(item)
        if (!result.ok && retryable.has(result.error.code)) {
          this.scheduleRetry()
          return
        }
        // Another press holds this number (a duplicated tab, a copied session): this one is never
        // dropped, it goes again under a number of its own.
        if (!result.ok && result.error.code === 'CAPTURE_SEQ_TAKEN') {
          const renumbered = this.renumber(item)
          if (renumbered !== item) {
            await this.store.put(renumbered)
            this.pending[0] = renumbered
            this.events.changed(this.pending)
            continue
          }
        }
        await this.store.remove(item.key)
        this.pending.shift()
        this.events.changed(this.pending)
        if (result.ok) this.events.acknowledged({ item, value: result.value } as Acknowledged)
        else this.events.refused(item, result.error)
      }
    } finally {
      this.sending = false
    }
  }

  stop(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.flush()
    }, this.retryMs)
  }
}

/** A memory store: for tests, and where the browser has no IndexedDB. */
export function memoryStore(): QueueStore {
  const items = new Map<string, QueuedCall>()
  return {
    all: async () => [...items.values()].sort((a, b) => a.order - b.order),
    put: async (item) => void items.set(item.key, item),
    remove: async (key) => void items.delete(key),
  }
}
