import type { SyncPackage } from '../contract/timing'

/**
 * A package cut into smaller ones that each stand alone (a capture travels with its corrections,
 * guns with the first), so each fits one request to the office.
 */
export function syncBatches(pkg: SyncPackage, capturesPerBatch: number): SyncPackage[] {
  const changesOf = new Map<string, SyncPackage['changes']>()
  for (const change of pkg.changes) changesOf.set(change.captureId, [...(changesOf.get(change.captureId) ?? []), change])
  const batches: SyncPackage[] = []
  for (let i = 0; i === 0 || i < pkg.captures.length; i += capturesPerBatch) {
    const captures = pkg.captures.slice(i, i + capturesPerBatch)
    const known = new Set(captures.map((c) => c.id))
    batches.push({
      ...pkg,
      captures,
      changes: [...known].flatMap((id) => changesOf.get(id) ?? []),
      clocks: i === 0 ? pkg.clocks : [],
    })
  }
  // Corrections of captures that are not in the package still travel, to be reported.
  const captured = new Set(pkg.captures.map((c) => c.id))
  const orphans = pkg.changes.filter((c) => !captured.has(c.captureId))
  if (orphans.length > 0) (batches[0] as SyncPackage).changes.push(...orphans)
  return batches
}
