import type { Crossing } from './standing'

/** An active capture as the results read it. */
export interface CaptureFact {
  id: string
  device: string
  seq: number
  atMs: number | null
  bib: number | null
  position: number
  source: 'key' | 'typed' | 'inserted' | 'gap'
  /** The clock its instant was corrected by (null: the office's own or a typed time)… */
  clock: string | null
  /** …and 1 when that clock was never measured (the instant is as the device gave it). */
  clockUnknown: 0 | 1
  /** When the office received it. */
  createdAtMs: number
}

/** A capture's time, as the results use it: its crossing (the same object every time it is asked for). */
type Time = Crossing & { captureId: string; device: string; seq: number }

const byTime = (a: Time, b: Time): number => a.atMs - b.atMs || (a.captureId < b.captureId ? -1 : a.captureId > b.captureId ? 1 : 0)
const byPosition = (a: CaptureFact, b: CaptureFact): number => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Where `item` goes in a sorted list. */
function insertionIndex<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(list[middle] as T, item) <= 0) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The finish order of one timing point, kept up to date capture by capture: the same merge as the
 * finish desk's (timing/sequence.ts) — the k-th time without a bib of its own takes the k-th bib
 * typed on its own — but a time or a bib arriving at the end pairs in constant time, and one
 * arriving in the middle re-pairs only the slots after it.
 */
export class PointMerge {
  /** Active times without a bib of their own, in time order. */
  private readonly open: Time[] = []
  /** Active bibs typed on their own (and gaps), in the order they were typed. */
  private readonly entries: CaptureFact[] = []
  /** Bib → its times at this point (almost always one). */
  private readonly timesOfBib = new Map<number, Time[]>()

  constructor(rows: readonly CaptureFact[] = []) {
    for (const row of rows) {
      if (row.atMs === null) this.entries.push(row)
      else if (row.bib === null) this.open.push(timeOf(row))
      else this.pair(row.bib, timeOf(row))
    }
    this.open.sort(byTime)
    this.entries.sort(byPosition)
    const paired = Math.min(this.open.length, this.entries.length)
    for (let k = 0; k < paired; k++) this.pairSlot(k, +1)
  }

  /** Adds a new active capture; returns the bibs whose times at this point changed. */
  add(row: CaptureFact): Set<number> {
    const changed = new Set<number>()
    if (row.atMs !== null && row.bib !== null) {
      this.pair(row.bib, timeOf(row))
      changed.add(row.bib)
      return changed
    }
    const time = row.atMs !== null ? timeOf(row) : null
    const k = time !== null ? insertionIndex(this.open, time, byTime) : insertionIndex(this.entries, row, byPosition)
    // Slots from k on change partners: unpair them, insert, pair again.
    const before = Math.min(this.open.length, this.entries.length)
    for (let j = k; j < before; j++) this.pairSlot(j, -1, changed)
    if (time !== null) this.open.splice(k, 0, time)
    else this.entries.splice(k, 0, row)
    const after = Math.min(this.open.length, this.entries.length)
    for (let j = k; j < after; j++) this.pairSlot(j, +1, changed)
    return changed
  }

  /** The first crossing of a bib here (a second one is a duplicate finish). */
  first(bib: number): Crossing | null {
    const times = this.timesOfBib.get(bib)
    if (times === undefined || times.length === 0) return null
    let first = times[0] as Time
    for (let i = 1; i < times.length; i++) if (byTime(times[i] as Time, first) < 0) first = times[i] as Time
    return first
  }

  bibs(): IterableIterator<number> {
    return this.timesOfBib.keys()
  }

  /** Every time of a bib here, in order. */
  timesOf(bib: number): { id: string; atMs: number }[] {
    return [...(this.timesOfBib.get(bib) ?? [])].sort(byTime).map((t) => ({ id: t.captureId, atMs: t.atMs }))
  }

  /** Times that no bib went to (a bib to type, a press too many), and bibs still waiting for a time. */
  unmatched(): { times: { id: string; atMs: number }[]; waiting: { id: string; bib: number }[] } {
    const times: { id: string; atMs: number }[] = []
    for (const [k, time] of this.open.entries()) {
      const entry = this.entries[k]
      if (entry === undefined || entry.bib === null) times.push({ id: time.captureId, atMs: time.atMs })
    }
    const waiting = this.entries
      .slice(this.open.length)
      .filter((e) => e.bib !== null)
      .map((e) => ({ id: e.id, bib: e.bib as number }))
    return { times, waiting }
  }

  private pairSlot(k: number, direction: 1 | -1, changed?: Set<number>): void {
    const bib = (this.entries[k] as CaptureFact).bib
    if (bib === null) return
    const time = this.open[k] as Time
    if (direction > 0) this.pair(bib, time)
    else {
      const times = this.timesOfBib.get(bib)
      const at = times?.indexOf(time) ?? -1
      if (at >= 0) times?.splice(at, 1)
    }
    changed?.add(bib)
  }

  private pair(bib: number, time: Time): void {
    const times = this.timesOfBib.get(bib)
    if (times === undefined) this.timesOfBib.set(bib, [time])
    else times.push(time)
  }
}

function timeOf(row: CaptureFact): Time {
  return { atMs: row.atMs as number, source: 'capture', device: row.device, seq: row.seq, captureId: row.id }
}
