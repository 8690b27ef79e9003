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
  /** Half the round trip of the exchange used: the true offset lies within ± this. */
  uncertaintyMs: number
  roundTripMs: number
  /** The device's clock at the middle of that exchange: where on its time line the offset was seen. */
  deviceAtMs: number
  /** The office's clock at the middle of that exchange. */
  officeAtMs: number
}

/** Whether an exchange is one that could have happened: answers after questions on both clocks. */
export function isPossible(e: Exchange): boolean {
  return e.repliedAtMs >= e.receivedAtMs && e.returnedAtMs >= e.sentAtMs && e.returnedAtMs - e.sentAtMs >= e.repliedAtMs - e.receivedAtMs
}

/**
 * The estimate from the exchange with the smallest round trip: the less time a message spent on
 * the way, the less its delays can be lopsided, so the tighter the bound.
 */
export function estimateOffset(exchanges: readonly Exchange[]): Estimate | null {
  let best: Exchange | null = null
  let bestTrip = Infinity
  for (const e of exchanges) {
    if (!isPossible(e)) continue
    const trip = e.returnedAtMs - e.sentAtMs - (e.repliedAtMs - e.receivedAtMs)
    if (trip < bestTrip) {
      best = e
      bestTrip = trip
    }
  }
  if (best === null) return null
  const offsetMs = (best.receivedAtMs - best.sentAtMs + (best.repliedAtMs - best.returnedAtMs)) / 2
  const deviceAtMs = (best.sentAtMs + best.returnedAtMs) / 2
  return { offsetMs: Math.round(offsetMs), uncertaintyMs: Math.ceil(bestTrip / 2), roundTripMs: Math.round(bestTrip), deviceAtMs: Math.round(deviceAtMs), officeAtMs: Math.round(deviceAtMs + offsetMs) }
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
