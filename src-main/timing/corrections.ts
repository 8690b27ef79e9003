import { uuidv7 } from 'uuidv7'
import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { Db } from '../db/schema'
import type { CaptureTable } from '../db/schema'
import { captureById, entryOfTime, insertCapture, viewOf } from './captures'
import { requirePoint } from './points'
import { isTime, type CaptureRow } from './sequence'

type Correction = ParsedInput<'timing.correct'>
type Changed = Partial<Pick<CaptureTable, 'state' | 'state_reason' | 'bib'>>

/** Every correction is a row of history; a capture is never deleted, only marked. */
export async function recordChange(
  db: Db,
  row: CaptureRow,
  action: string,
  before: object,
  after: object,
  reason: string,
  session: Session,
  nowMs: number,
  id = uuidv7(),
) {
  await db
    .insertInto('capture_change')
    .values({
      id,
      capture_id: row.id,
      action,
      before_json: JSON.stringify(before),
      after_json: JSON.stringify(after),
      reason,
      at_ms: nowMs,
      actor: session.actor,
      desk: session.desk,
    })
    .execute()
  return { changeId: id, captureId: row.id, action }
}

async function update(db: Db, row: CaptureRow, action: string, after: Changed, reason: string, session: Session, nowMs: number) {
  const before = Object.fromEntries(Object.keys(after).map((key) => [key, row[key as keyof Changed]]))
  await db.updateTable('capture').set(after).where('id', '=', row.id).execute()
  return recordChange(db, row, action, before, after, reason, session, nowMs)
}

const stateOf = { delete: 'deleted', restore: 'active', notRunner: 'notRunner' } as const

export async function correctCapture(db: Db, input: Correction, session: Session, nowMs: number) {
  if (input.action === 'insert') {
    const point = await requirePoint(db, input.point)
    await refuseTakenSeq(db, input.device, input.seq)
    const row = await insertCapture(
      db,
      { device: input.device, seq: input.seq, point, at_ms: input.atMs, bib: input.bib ?? null, position: input.atMs, source: 'inserted' },
      session,
      nowMs,
    )
    return recordChange(db, row, 'insert', {}, { atMs: input.atMs, bib: input.bib ?? null }, input.reason, session, nowMs)
  }
  const row = await captureById(db, input.captureId)
  switch (input.action) {
    case 'delete':
    case 'restore':
    case 'notRunner': {
      const state = stateOf[input.action]
      if (row.state === 'backup' && input.action !== 'delete')
        throw new CommandError('CAPTURE_STATE', 'A backup timer’s time goes into the sequence through the cross-check, not on its own.', { state: row.state })
      if (row.state === state)
        throw new CommandError('CAPTURE_STATE', `This capture is already ${state === 'notRunner' ? 'marked not a runner' : state}.`, { state })
      return update(db, row, input.action, { state, state_reason: input.action === 'restore' ? null : input.reason }, input.reason, session, nowMs)
    }
    case 'editBib':
      return editBib(db, row, input.bib, input.reason, session, nowMs)
    case 'shift':
      return shift(db, row, input, session, nowMs)
  }
}

/** `timing.assignBib {captureId, bib}`: this time is this bib, changed where its bib was typed. */
export async function giveBibToTime(db: Db, captureId: string, bib: number, session: Session, nowMs: number) {
  const row = await captureById(db, captureId)
  if (!isTime(row) || row.state !== 'active') throw new CommandError('CAPTURE_STATE', 'Only a counted time takes a bib.', { state: row.state })
  const before = await viewOf(db, row)
  if (before.bib !== bib) await editBib(db, row, bib, 'bib given to this time', session, nowMs)
  const capture = await viewOf(db, await captureById(db, captureId))
  return { id: row.id, duplicate: before.bib === bib, capture, bib, warnings: capture.warnings }
}

/** A time's bib lives where it was typed: with the time, or in the bib typed on its own that the time took. */
async function editBib(db: Db, row: CaptureRow, bib: number | null, reason: string, session: Session, nowMs: number) {
  if (row.state !== 'active') throw new CommandError('CAPTURE_STATE', 'Restore this capture before changing its bib.', { state: row.state })
  const entry = isTime(row) && row.bib === null ? await entryOfTime(db, row) : null
  const target = entry ?? row
  if (target.bib === bib) throw new CommandError('CAPTURE_STATE', `The bib is already ${bib ?? 'empty'}.`, { state: row.state })
  // Taking a typed-in-order bib away takes it out of the order: the bibs after it move up one time.
  if (bib === null && !isTime(target)) return update(db, target, 'editBib', { state: 'deleted', state_reason: reason }, reason, session, nowMs)
  return update(db, target, 'editBib', { bib }, reason, session, nowMs)
}

/**
 * Bibs typed in finish order from this time on move one time later (a gap goes before them) or
 * one time earlier (the bib or gap before them goes).
 */
async function shift(db: Db, time: CaptureRow, input: Extract<Correction, { action: 'shift' }>, session: Session, nowMs: number) {
  const entry = isTime(time) ? await entryOfTime(db, time) : null
  if (entry === null) {
    throw new CommandError('NOTHING_TO_SHIFT', 'This time has no bib typed in finish order: there is nothing to move. Edit its bib instead.', {})
  }
  const previous = await db
    .selectFrom('capture')
    .selectAll()
    .where('point', '=', entry.point)
    .where('state', '=', 'active')
    .where('at_ms', 'is', null)
    .where((eb) => eb.or([eb('position', '<', entry.position), eb.and([eb('position', '=', entry.position), eb('id', '<', entry.id)])]))
    .orderBy('position', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (input.direction === 'up') {
    if (previous === undefined) throw new CommandError('NOTHING_TO_SHIFT', 'No bib was typed before this one: the bibs cannot move up.', {})
    return update(db, previous, 'shift', { state: 'deleted', state_reason: input.reason }, input.reason, session, nowMs)
  }
  await refuseTakenSeq(db, input.device, input.seq)
  const position = previous === undefined ? entry.position - 1 : (previous.position + entry.position) / 2
  const gap = await insertCapture(
    db,
    { device: input.device, seq: input.seq, point: entry.point, at_ms: null, bib: null, position, source: 'gap' },
    session,
    nowMs,
  )
  return recordChange(db, gap, 'shift', {}, { before: entry.id }, input.reason, session, nowMs)
}

/** A time typed in by hand takes a device's next number: one already sent is refused, never overwritten. */
async function refuseTakenSeq(db: Db, device: string, seq: number): Promise<void> {
  const taken = await db.selectFrom('capture').select('id').where('device', '=', device).where('seq', '=', seq).executeTakeFirst()
  if (taken !== undefined) {
    throw new CommandError('CAPTURE_SEQ_TAKEN', `Device ${device} already sent a capture numbered ${seq}.`, { device, seq, captureId: taken.id })
  }
}
