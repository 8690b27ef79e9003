import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { CrossCheckFinding } from '../../src-shared/contract/manual-timing'
import type { Db, ReadDb } from '../db/schema'
import { captureById, insertCapture } from './captures'
import { correctCapture, recordChange } from './corrections'
import { requirePoint } from './points'
import { mergeSequence } from './sequence'

/** A press as the cross-check sees it: its corrected instant, and for the main timer its bib and place. */
export interface Press {
  captureId: string
  device: string
  atMs: number
  bib: number | null
  order: number | null
}

type Step =
  { kind: 'match' | 'disagree'; main: Press; backup: Press; differenceMs: number } | { kind: 'mainOnly'; main: Press } | { kind: 'backupOnly'; backup: Press }

function median(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2)
}

/** The backup's usual difference to the main timer: for each backup press, the nearest main press; their median. */
function usualOffset(main: readonly Press[], backup: readonly Press[]): number {
  if (main.length === 0) return 0
  let i = 0
  const nearest = backup.map((b) => {
    while (i + 1 < main.length && Math.abs((main[i + 1] as Press).atMs - b.atMs) <= Math.abs((main[i] as Press).atMs - b.atMs)) i++
    return (main[i] as Press).atMs - b.atMs
  })
  return median(nearest)
}

/**
 * Two timers' presses at one point, both in time order, walked side by side: presses within the
 * tolerance (after the backup's usual difference) are one runner; a press the other side has
 * nothing for is a miss or a double press; two presses further apart, with nothing better for
 * either, disagree (within five tolerances).
 */
export function alignPresses(main: readonly Press[], backup: readonly Press[], toleranceMs: number) {
  const offsetMs = usualOffset(main, backup)
  const window = 5 * toleranceMs
  const steps: Step[] = []
  const diff = (m: Press | undefined, b: Press | undefined): number => (m === undefined || b === undefined ? Infinity : m.atMs - b.atMs - offsetMs)
  let i = 0
  let j = 0
  while (i < main.length && j < backup.length) {
    const m = main[i] as Press
    const b = backup[j] as Press
    const d = diff(m, b)
    if (Math.abs(d) <= toleranceMs) {
      steps.push({ kind: 'match', main: m, backup: b, differenceMs: d })
      i++
      j++
    } else if (d < 0 && Math.abs(diff(main[i + 1], b)) > toleranceMs && -d <= window) {
      steps.push({ kind: 'disagree', main: m, backup: b, differenceMs: d })
      i++
      j++
    } else if (d < 0) {
      steps.push({ kind: 'mainOnly', main: m })
      i++
    } else if (Math.abs(diff(m, backup[j + 1])) > toleranceMs && d <= window) {
      steps.push({ kind: 'disagree', main: m, backup: b, differenceMs: d })
      i++
      j++
    } else {
      steps.push({ kind: 'backupOnly', backup: b })
      j++
    }
  }
  for (; i < main.length; i++) steps.push({ kind: 'mainOnly', main: main[i] as Press })
  for (; j < backup.length; j++) steps.push({ kind: 'backupOnly', backup: backup[j] as Press })
  return { offsetMs, steps, matched: steps.filter((s) => s.kind === 'match').length }
}

/** The main press closest in time, by binary search over the presses in time order. */
function nearestPress(presses: readonly Press[], atMs: number): Press | undefined {
  let low = 0
  let high = presses.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((presses[middle] as Press).atMs < atMs) low = middle + 1
    else high = middle
  }
  const [before, after] = [presses[low - 1], presses[low]]
  if (before === undefined) return after
  if (after === undefined) return before
  return atMs - before.atMs <= after.atMs - atMs ? before : after
}

/** A press with another of its own timer within the tolerance pressed twice for one runner. */
function hasTwin(presses: readonly Press[], press: Press, toleranceMs: number): boolean {
  const at = presses.indexOf(press)
  return [presses[at - 1], presses[at + 1]].some((p) => p !== undefined && Math.abs(p.atMs - press.atMs) <= toleranceMs)
}

const view = (p: Press) => ({ captureId: p.captureId, atMs: p.atMs, bib: p.bib, order: p.order })

/** What the alignment of one backup says, as findings with the fix each proposes. */
export function findingsOf(main: readonly Press[], backup: readonly Press[], steps: readonly Step[], toleranceMs: number): CrossCheckFinding[] {
  const backupDevice = backup[0]?.device ?? ''
  const findings: Omit<CrossCheckFinding, 'id' | 'backupDevice'>[] = []
  for (const step of steps) {
    if (step.kind === 'match') continue
    if (step.kind === 'disagree') {
      findings.push({
        kind: 'disagree',
        device: step.main.device,
        role: 'main',
        main: view(step.main),
        backup: view(step.backup),
        differenceMs: step.differenceMs,
        fix: 'useBackupTime',
      })
    } else if (step.kind === 'mainOnly') {
      const extra = hasTwin(main, step.main, toleranceMs)
      findings.push({
        kind: extra ? 'extra' : 'missed',
        device: extra ? step.main.device : backupDevice,
        role: extra ? 'main' : 'backup',
        main: view(step.main),
        backup: null,
        differenceMs: null,
        fix: extra ? 'deleteMainTime' : 'none',
      })
    } else {
      const extra = hasTwin(backup, step.backup, toleranceMs)
      const nearest = nearestPress(main, step.backup.atMs)
      findings.push({
        kind: extra ? 'extra' : 'missed',
        device: extra ? backupDevice : (nearest?.device ?? 'main timer'),
        role: extra ? 'backup' : 'main',
        main: null,
        backup: view(step.backup),
        differenceMs: null,
        fix: extra ? 'none' : 'insertBackupTime',
      })
    }
  }
  return findings.map((f) => ({ id: `${backupDevice}|${f.kind}:${f.main?.captureId ?? '-'}:${f.backup?.captureId ?? '-'}`, backupDevice, ...f }))
}

/** The point's own presses (merged, with their bibs and places) and each backup timer's. */
async function pressesAt(db: ReadDb, point: string) {
  const rows = await db
    .selectFrom('capture')
    .select(['id', 'device', 'at_ms', 'bib', 'position', 'state', 'source'])
    .where('point', '=', point)
    .where('state', 'in', ['active', 'backup'])
    .execute()
  const devices = new Map(rows.map((r) => [r.id, r.device]))
  const main: Press[] = mergeSequence(rows.filter((r) => r.state === 'active')).times.map((t) => ({
    captureId: t.row.id,
    device: devices.get(t.row.id) as string,
    atMs: t.row.at_ms as number,
    bib: t.bib,
    order: t.order,
  }))
  const backups = new Map<string, Press[]>()
  for (const r of rows) {
    if (r.state !== 'backup' || r.at_ms === null) continue
    const list = backups.get(r.device) ?? []
    list.push({ captureId: r.id, device: r.device, atMs: r.at_ms, bib: r.bib, order: null })
    backups.set(r.device, list)
  }
  for (const list of backups.values()) list.sort((a, b) => a.atMs - b.atMs || (a.captureId < b.captureId ? -1 : 1))
  return { main, backups }
}

export async function crossCheck(db: ReadDb, input: { point: string; toleranceMs: number }) {
  const point = await requirePoint(db, input.point)
  const { main, backups } = await pressesAt(db, point)
  const summaries = []
  const findings: CrossCheckFinding[] = []
  const offsets = new Map<string, number>()
  for (const [device, backup] of backups) {
    const aligned = alignPresses(main, backup, input.toleranceMs)
    offsets.set(device, aligned.offsetMs)
    summaries.push({ device, times: backup.length, matched: aligned.matched, offsetMs: aligned.offsetMs })
    findings.push(...findingsOf(main, backup, aligned.steps, input.toleranceMs))
  }
  return { point, toleranceMs: input.toleranceMs, backups: summaries, mainTimes: main.length, findings, offsets }
}

/**
 * One finding's fix, or keeping the main timer as it is, in one transaction and in the captures'
 * own history. A time taken from the backup is put on the main timer's clock (the backup's usual
 * difference added).
 */
export async function applyCrossCheck(db: Db, input: ParsedInput<'timing.applyCrossCheck'>, session: Session, nowMs: number) {
  const checked = await crossCheck(db, input)
  const finding = checked.findings.find((f) => f.id === input.finding)
  if (finding === undefined) {
    throw new CommandError('FINDING_GONE', 'This finding is no longer open: the times changed since the check. Check again.', { finding: input.finding })
  }
  const offsetMs = checked.offsets.get(finding.backupDevice) ?? 0
  const reason = input.reason ?? `cross-check with ${finding.backupDevice}: ${finding.kind}`
  const point = checked.point
  const insertFromBackup = async (backup: NonNullable<CrossCheckFinding['backup']>, bib: number | null) => {
    const done = await correctCapture(
      db,
      { action: 'insert', device: input.device, seq: input.seq, point, atMs: backup.atMs + offsetMs, ...(bib !== null && { bib }), reason },
      session,
      nowMs,
    )
    return done.captureId
  }
  if (input.action === 'keep') return keepMain(db, finding, reason, session, nowMs)
  switch (finding.fix) {
    case 'insertBackupTime':
      return {
        finding: finding.id,
        fix: finding.fix,
        captureIds: [await insertFromBackup(finding.backup as NonNullable<CrossCheckFinding['backup']>, finding.backup?.bib ?? null)],
      }
    case 'deleteMainTime': {
      const main = finding.main as NonNullable<CrossCheckFinding['main']>
      await correctCapture(db, { action: 'delete', captureId: main.captureId, reason }, session, nowMs)
      return { finding: finding.id, fix: finding.fix, captureIds: [main.captureId] }
    }
    case 'useBackupTime': {
      const main = await captureById(db, (finding.main as NonNullable<CrossCheckFinding['main']>).captureId)
      await correctCapture(db, { action: 'delete', captureId: main.id, reason }, session, nowMs)
      return {
        finding: finding.id,
        fix: finding.fix,
        captureIds: [main.id, await insertFromBackup(finding.backup as NonNullable<CrossCheckFinding['backup']>, main.bib)],
      }
    }
    case 'none':
      throw new CommandError('FINDING_GONE', 'The results do not depend on this finding: there is nothing to fix.', { finding: finding.id })
  }
}

/**
 * The main timer's times stay as they are: the backup's press is struck where it has one, and where
 * it has none (the main pressed for a runner the backup missed) the backup is given the main's
 * press, audited as such, so the finding closes.
 */
async function keepMain(db: Db, finding: CrossCheckFinding, reason: string, session: Session, nowMs: number) {
  if (finding.backup !== null) {
    await correctCapture(db, { action: 'delete', captureId: finding.backup.captureId, reason: `${reason}; the main timer's times kept` }, session, nowMs)
    return { finding: finding.id, fix: 'keep' as const, captureIds: [finding.backup.captureId] }
  }
  const main = await captureById(db, (finding.main as NonNullable<CrossCheckFinding['main']>).captureId)
  const device = finding.backupDevice
  const { last } = await db
    .selectFrom('capture')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('device', '=', device)
    .executeTakeFirstOrThrow()
  const row = await insertCapture(
    db,
    {
      device,
      seq: Number(last ?? 0) + 1,
      point: main.point,
      at_ms: main.at_ms,
      bib: null,
      position: main.at_ms as number,
      source: 'inserted',
      state: 'backup',
    },
    session,
    nowMs,
  )
  await recordChange(db, row, 'insert', {}, { atMs: main.at_ms, kept: main.id }, `${reason}; the main timer's press kept`, session, nowMs)
  return { finding: finding.id, fix: 'keep' as const, captureIds: [row.id] }
}
