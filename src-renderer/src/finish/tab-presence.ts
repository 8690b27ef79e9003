const prefix = 'race-office.tab.'
const beatMs = 2000
/** A tab not heard of for this long is gone (closed, crashed): what it left waiting is taken over. */
const goneAfterMs = 6000

export interface TabPresence {
  /** This page's own id: a new one at every load, so a duplicated tab is another tab. */
  readonly id: string
  isAlive(tab: string): boolean
  stop(): void
}

/** Each open page says it is alive in the origin's shared storage every few seconds. */
export function tabPresence(storage: Storage, now: () => number = Date.now, random: () => string = randomId): TabPresence {
  const id = random()
  const beat = (): void => {
    try {
      storage.setItem(prefix + id, String(now()))
    } catch {
      // Storage full or denied: the page then looks gone to others, who take over only what it left.
    }
  }
  beat()
  const timer = setInterval(beat, beatMs)
  return {
    id,
    isAlive(tab) {
      if (tab === id) return true
      const seen = Number(storage.getItem(prefix + tab))
      return Number.isFinite(seen) && seen > 0 && now() - seen < goneAfterMs
    },
    stop() {
      clearInterval(timer)
      storage.removeItem(prefix + id)
    },
  }
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')
}
