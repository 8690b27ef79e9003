// A device's clock against the office's, from request/response exchanges (as NTP does it): the
// device notes when it sent and when the answer came back on its own clock, the office when it
// received and replied on its clock. Offset = office − device, so office time = device time + offset.

export interface Exchange {
  /** Device clock, as the request left. */
  sentAtMs: number
  /** Office clock, as the request arrived. */
  receivedAtMs: number
  /** Office clock, as the answer left. */
  repliedAtMs: number
  /** Device clock, as the answer arrived. */
  returnedAtMs: number
}

export interface Estimate {
  offsetMs: number
  /** The true offset lies within ± this: never more than half the smallest round trip. */
  uncertaintyMs: number
  /** The smallest round trip of the exchanges. */
  roundTripMs: number
  /** The device's clock at the middle of that exchange: where on its time line the offset was seen. */
  deviceAtMs: number
  /** The office's clock at the middle of that exchange. */
  officeAtMs: number
}

/**
 * Exchanges in one measurement. The overlap of their bounds narrows with each (the quickest way out
 * and back of more tries): with 5–40 ms of random delay each way, 8 leave a p99 error of about
 * 7 ms, 24 about 4 ms (npm run bench -- clock.offset.error); on a calm network a burst takes a few
 * tens of ms.
 */
export const exchangesPerMeasurement = 24

/** Whether an exchange is one that could have happened: answers after questions on both clocks. */
export function isPossible(e: Exchange): boolean {
  return e.repliedAtMs >= e.receivedAtMs && e.returnedAtMs >= e.sentAtMs && e.returnedAtMs - e.sentAtMs >= e.repliedAtMs - e.receivedAtMs
}

/**
 * The offset from a burst of exchanges. Each exchange bounds it: no message arrives before it was
 * sent, so the offset is at most (received − sent) and at least (replied − returned), an interval
 * as wide as the exchange's round trip (the exchange with the smallest round trip gives the
 * tightest alone, with its midpoint as the estimate). Every exchange's bounds hold at once, so the
 * offset lies where they overlap: the smallest delay out of any exchange and the smallest delay
 * back of any, which is tighter still. The estimate is the middle of that overlap; if a clock
 * jumped during the burst and they do not overlap, the smallest round trip's alone.
 */
export function estimateOffset(exchanges: readonly Exchange[]): Estimate | null {
  let best: Exchange | null = null
  let bestTrip = Infinity
  let upper = Infinity
  let lower = -Infinity
  for (const e of exchanges) {
    if (!isPossible(e)) continue
    const trip = e.returnedAtMs - e.sentAtMs - (e.repliedAtMs - e.receivedAtMs)
    if (trip < bestTrip) {
      best = e
      bestTrip = trip
    }
    upper = Math.min(upper, e.receivedAtMs - e.sentAtMs)
    lower = Math.max(lower, e.repliedAtMs - e.returnedAtMs)
  }
  if (best === null) return null
  const alone = { upper: best.receivedAtMs - best.sentAtMs, lower: best.repliedAtMs - best.returnedAtMs }
  const bounds = lower <= upper ? { upper, lower } : alone
  const offsetMs = (bounds.upper + bounds.lower) / 2
  const deviceAtMs = (best.sentAtMs + best.returnedAtMs) / 2
  return {
    offsetMs: Math.round(offsetMs),
    uncertaintyMs: Math.ceil((bounds.upper - bounds.lower) / 2),
    roundTripMs: Math.round(bestTrip),
    deviceAtMs: Math.round(deviceAtMs),
    officeAtMs: Math.round(deviceAtMs + offsetMs),
  }
}

export interface Measurement {
  /** The device's anchor of its clock (a new one after a sleep or a clock set by hand). */
  segment: number
  deviceAtMs: number
  offsetMs: number
  uncertaintyMs: number
  /** An organiser's word (a photo of both clocks): it holds for every capture of the device. */
  manual: boolean
}

export interface Correction {
  offsetMs: number
  uncertaintyMs: number
}

/**
 * The offset that holds at a device instant. The organiser's latest word wins; else measurements
 * of the same clock anchor: between two that disagree by more than they are uncertain (the clock
 * drifted, typically while the device was offline) it is interpolated; otherwise the latest one
 * before (what the device had when it recorded), or the first after. An anchor never measured
 * borrows the device's latest measurement. Null: the clock was never measured.
 * `measurements` are in the order they were taken.
 */
export function offsetAt(measurements: readonly Measurement[], segment: number, deviceAtMs: number): Correction | null {
  let manual: Measurement | null = null
  let before: Measurement | null = null
  let after: Measurement | null = null
  let latest: Measurement | null = null
  for (const m of measurements) {
    if (m.manual) {
      manual = m
      continue
    }
    latest = m
    if (m.segment !== segment) continue
    if (m.deviceAtMs <= deviceAtMs) {
      if (before === null || m.deviceAtMs >= before.deviceAtMs) before = m
    } else if (after === null || m.deviceAtMs < after.deviceAtMs) after = m
  }
  if (manual !== null) return { offsetMs: manual.offsetMs, uncertaintyMs: manual.uncertaintyMs }
  if (before !== null && after !== null) {
    const uncertaintyMs = Math.max(before.uncertaintyMs, after.uncertaintyMs)
    if (Math.abs(after.offsetMs - before.offsetMs) <= uncertaintyMs) return { offsetMs: before.offsetMs, uncertaintyMs: before.uncertaintyMs }
    const share = (deviceAtMs - before.deviceAtMs) / (after.deviceAtMs - before.deviceAtMs)
    return { offsetMs: Math.round(before.offsetMs + share * (after.offsetMs - before.offsetMs)), uncertaintyMs }
  }
  const nearest = before ?? after ?? latest
  return nearest === null ? null : { offsetMs: nearest.offsetMs, uncertaintyMs: nearest.uncertaintyMs }
}

/** How far off a clock may be before its screen and the office's say so, and how uncertain. */
export const clockWarnings = { offsetMs: 1000, uncertaintyMs: 250 } as const

/** ok; off (more than a second off: corrected, and said); uncertain (measured no closer than ±250 ms); unknown (never measured). */
export function clockState(latest: { offsetMs: number; uncertaintyMs: number } | null): 'ok' | 'off' | 'uncertain' | 'unknown' {
  if (latest === null) return 'unknown'
  if (latest.uncertaintyMs > clockWarnings.uncertaintyMs) return 'uncertain'
  return Math.abs(latest.offsetMs) > clockWarnings.offsetMs ? 'off' : 'ok'
}

/** "31.2 s fast" / "0.42 s slow" / "on time": what a measured offset (office − device) says of the clock. */
export function clockDrift(offsetMs: number): { direction: 'fast' | 'slow' | 'onTime'; seconds: string } {
  const abs = Math.abs(offsetMs)
  // Under 5 ms is on time as far as two decimals of a second can tell.
  return { direction: abs < 5 ? 'onTime' : offsetMs < 0 ? 'fast' : 'slow', seconds: (abs / 1000).toFixed(abs < 10_000 ? 2 : 1) }
}
