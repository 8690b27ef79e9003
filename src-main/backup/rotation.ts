/** A snapshot on disk: where, and when it was taken. */
export interface Snapshot {
  path: string
  takenAtMs: number
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

/**
 * Which snapshots to keep: every one of the last hour (a race-day mistake is usually noticed
 * within minutes), then the newest of each hour for a day, then the newest of each day for a month.
 * The newest snapshot is always kept, however old. The rest may go.
 */
export function snapshotsToKeep(snapshots: readonly Snapshot[], nowMs: number): Set<string> {
  const newestFirst = [...snapshots].sort((a, b) => b.takenAtMs - a.takenAtMs)
  const keep = new Set<string>()
  const slots = new Set<string>()
  for (const [index, snapshot] of newestFirst.entries()) {
    const age = nowMs - snapshot.takenAtMs
    if (index === 0 || age < hour) {
      keep.add(snapshot.path)
      continue
    }
    const slot = age < day ? `h${Math.floor(snapshot.takenAtMs / hour)}` : age < 30 * day ? `d${Math.floor(snapshot.takenAtMs / day)}` : null
    if (slot === null || slots.has(slot)) continue
    slots.add(slot)
    keep.add(snapshot.path)
  }
  return keep
}
