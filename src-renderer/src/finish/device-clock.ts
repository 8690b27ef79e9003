import { exchangesPerMeasurement, type Exchange } from '../../../src-shared/timing/clock-offset'

/** A wall clock and the page's high-resolution clock disagreeing by more than this is a jump. */
const jumpMs = 1000

/**
 * This page's clock for recording instants: the wall clock read once (the anchor), moved on by the
 * page's high-resolution clock, which never jumps while the page runs. A sleep can stop the
 * high-resolution clock, and a person can set the wall clock by hand: either way the two disagree
 * by more than a second, and the page anchors again to the wall clock in a new segment, so the
 * office measures the new anchor's offset and never applies an old one to it.
 */
export class DeviceClock {
  segment = 0
  private anchorWall: number
  private anchorMono: number

  constructor(
    private readonly wall: () => number = () => Date.now(),
    private readonly mono: () => number = () => performance.now(),
    private readonly onJump: () => void = () => {},
  ) {
    this.anchorWall = wall()
    this.anchorMono = mono()
  }

  /** Now on this device's clock. */
  now(): number {
    this.check()
    return this.anchorWall + (this.mono() - this.anchorMono)
  }

  /** The instant of an input event (its timeStamp is on the high-resolution clock): the key press itself, not when it was handled. */
  instantOf(event: { timeStamp: number }): number {
    this.check()
    return Math.round(this.anchorWall + (event.timeStamp - this.anchorMono))
  }

  /** Anchors again when the clocks disagree (after a sleep, a clock set by hand); true if it did. */
  check(): boolean {
    const wall = this.wall()
    const mono = this.mono()
    if (Math.abs(wall - (this.anchorWall + (mono - this.anchorMono))) <= jumpMs) return false
    this.anchorWall = wall
    this.anchorMono = mono
    this.segment++
    this.onJump()
    return true
  }
}

export interface ExchangeAnswer {
  receivedAtMs: number
  repliedAtMs: number
}

/** A few exchanges in a row with the office, each stamped on this device's clock as it left and came back. */
export async function exchangeWithOffice(
  clock: DeviceClock,
  ask: (sentAtMs: number) => Promise<ExchangeAnswer | null>,
  count = exchangesPerMeasurement,
): Promise<Exchange[]> {
  const exchanges: Exchange[] = []
  for (let i = 0; i < count; i++) {
    const sentAtMs = clock.now()
    const answer = await ask(sentAtMs)
    const returnedAtMs = clock.now()
    if (answer === null) break
    exchanges.push({ sentAtMs, receivedAtMs: answer.receivedAtMs, repliedAtMs: answer.repliedAtMs, returnedAtMs })
  }
  return exchanges
}
