const triesBeforeWait = 5
const firstWaitMs = 60_000
const longestWaitMs = 60 * 60_000
/** Beyond this many sources the ones no longer waiting are forgotten: a flood of addresses cannot fill memory. */
const mostSources = 10_000

interface Tries {
  wrong: number
  waits: number
  waitUntilMs: number
}

/**
 * Wrong guesses of a secret (a pairing code, a desk-mode PIN), counted per source: five, then
 * a wait that doubles each time (1 minute, 2, 4, … up to an hour). One source's guesses never
 * hold up another, so a desk typing the right code is not stopped by someone else's wrong ones.
 */
export class WrongTries<Source> {
  private readonly bySource = new Map<Source, Tries>()

  /** Seconds this source must still wait before its next try; 0 when it may try now. */
  waitSeconds(source: Source, nowMs: number): number {
    const tries = this.bySource.get(source)
    if (tries === undefined || nowMs >= tries.waitUntilMs) return 0
    return Math.max(1, Math.ceil((tries.waitUntilMs - nowMs) / 1000))
  }

  wrong(source: Source, nowMs: number): void {
    const tries = this.bySource.get(source) ?? { wrong: 0, waits: 0, waitUntilMs: 0 }
    tries.wrong += 1
    if (tries.wrong >= triesBeforeWait) {
      tries.wrong = 0
      tries.waitUntilMs = nowMs + Math.min(longestWaitMs, firstWaitMs * 2 ** tries.waits)
      tries.waits += 1
    }
    this.bySource.set(source, tries)
    if (this.bySource.size > mostSources) this.forgetIdle(nowMs)
  }

  /** The right secret: the source starts afresh. */
  right(source: Source): void {
    this.bySource.delete(source)
  }

  private forgetIdle(nowMs: number): void {
    for (const [source, tries] of this.bySource) if (tries.waitUntilMs <= nowMs) this.bySource.delete(source)
  }
}
