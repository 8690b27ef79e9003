import type { SyncPackage } from '../contract/timing'

/** What the office answers to a package (`sync.import`). */
export interface SyncCounts {
  captures: { added: number; unchanged: number }
  changes: { added: number; unchanged: number }
  clocks: { added: number; unchanged: number }
  clockMeasurements: { added: number; unchanged: number }
  clockMeasured: boolean
  conflicts: { kind: 'capture' | 'change' | 'clock'; id: string; message: string }[]
}

/** The office's request limit (1 MB) holds about this many captures with their corrections. */
const capturesPerBatch = 2000

/**
 * A package cut into smaller ones that each stand alone (a capture travels with its corrections,
 * guns with the first), so each fits one request to the office.
 */
export function syncBatches(pkg: SyncPackage, perBatch = capturesPerBatch): SyncPackage[] {
  const changesOf = new Map<string, SyncPackage['changes']>()
  for (const change of pkg.changes) {
    const list = changesOf.get(change.captureId)
    if (list === undefined) changesOf.set(change.captureId, [change])
    else list.push(change)
  }
  const batches: SyncPackage[] = []
  for (let i = 0; i === 0 || i < pkg.captures.length; i += perBatch) {
    const captures = pkg.captures.slice(i, i + perBatch)
    batches.push({
      ...pkg,
      captures,
      changes: captures.flatMap((c) => changesOf.get(c.id) ?? []),
      clocks: i === 0 ? pkg.clocks : [],
      ...(pkg.clockMeasurements !== undefined && { clockMeasurements: i === 0 ? pkg.clockMeasurements : [] }),
    })
  }
  // Corrections of captures not in this package (sent before, or unknown) and clock measurements travel with the first.
  const captured = new Set(pkg.captures.map((c) => c.id))
  const others = pkg.changes.filter((c) => !captured.has(c.captureId))
  if (others.length > 0) (batches[0] as SyncPackage).changes.push(...others)
  return batches
}

/** Sends a package batch by batch (`send` throws to stop) and adds up what the office answered. */
export async function sendInBatches(pkg: SyncPackage, send: (batch: SyncPackage, index: number, count: number) => Promise<SyncCounts>): Promise<SyncCounts> {
  const total: SyncCounts = {
    captures: { added: 0, unchanged: 0 },
    changes: { added: 0, unchanged: 0 },
    clocks: { added: 0, unchanged: 0 },
    clockMeasurements: { added: 0, unchanged: 0 },
    clockMeasured: false,
    conflicts: [],
  }
  const batches = syncBatches(pkg)
  for (const [index, batch] of batches.entries()) {
    const value = await send(batch, index, batches.length)
    for (const key of ['captures', 'changes', 'clocks', 'clockMeasurements'] as const) {
      total[key].added += value[key].added
      total[key].unchanged += value[key].unchanged
    }
    total.clockMeasured ||= value.clockMeasured
    total.conflicts.push(...value.conflicts)
  }
  return total
}
