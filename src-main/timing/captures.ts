import type SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { CaptureView, CaptureWarning } from '../../src-shared/contract/timing'
import type { Db, ReadDb } from '../db/schema'
import type { CaptureChangeTable } from '../db/schema'
import { runnersByBib } from './runners'
import { isTime, mergeSequence, warningsFor, type CaptureRow, type Merged, type RunnerFacts, type SequenceRow } from './sequence'
import { requirePoint } from './points'
import { onDeviceClock } from './device-clocks'

export async function captureById(db: Db, id: string): Promise<CaptureRow> {
  const row = await db.selectFrom('capture').selectAll().where('id', '=', id).executeTakeFirst()
  if (row === undefined)
    throw new CommandError('CAPTURE_NOT_FOUND', 'There is no such capture (it may be on another device not yet synced).', { captureId: id })
  return row
}

/** A resend of what a device already sent returns the stored capture; anything else under its number is refused. */
export async function sentBefore(db: Db, device: string, seq: number, same: (row: CaptureRow) => boolean): Promise<CaptureRow | null> {
  const row = await db.selectFrom('capture').selectAll().where('device', '=', device).where('seq', '=', seq).executeTakeFirst()
  if (row === undefined) return null
  if (!same(row)) {
    throw new CommandError('CAPTURE_SEQ_TAKEN', `Device ${device} already sent a different capture numbered ${seq}.`, { device, seq, captureId: row.id })
  }
  return row
}

/** Where a capture's instant came from: a device's clock (corrected by its offset), or none (typed, or the office's own). */
type ClockColumns = Pick<CaptureRow, 'device_at_ms' | 'clock' | 'offset_ms' | 'offset_uncertainty_ms'> & { clock_segment: number }
const noClock: ClockColumns = { device_at_ms: null, clock: null, clock_segment: 0, offset_ms: null, offset_uncertainty_ms: null }

export async function insertCapture(
  db: Db,
  values: Pick<CaptureRow, 'device' | 'seq' | 'point' | 'at_ms' | 'bib' | 'position' | 'source'> & Partial<ClockColumns> & Partial<Pick<CaptureRow, 'state'>>,
  session: Session,
  nowMs: number,
): Promise<CaptureRow> {
  const row: CaptureRow = {
    id: uuidv7(),
    origin_id: null,
    ...noClock,
    state: 'active',
    ...values,
    state_reason: null,
    created_at_ms: nowMs,
    actor: session.actor,
    desk: session.desk,
  }
  await db.insertInto('capture').values(row).execute()
  return row
}

/** A key press on a device: kept as the device's clock gave it and as corrected to the office's. */
export async function captureTime(db: Db, sqlite: SqliteDatabase.Database, input: ParsedInput<'timing.capture'>, session: Session, nowMs: number) {
  const bib = input.bib ?? null
  const point = await requirePoint(db, input.point)
  const before = await sentBefore(db, input.device, input.seq, (r) => r.point === point && r.device_at_ms === input.atMs && r.bib === bib)
  if (before !== null) return { id: before.id, duplicate: true, capture: await viewOf(db, before) }
  const { atMs, columns } = onDeviceClock(sqlite, input.device, input.clockSegment ?? 0, input.atMs)
  const row = await insertCapture(
    db,
    { device: input.device, seq: input.seq, point, at_ms: atMs, bib, position: atMs, source: 'key', ...columns },
    session,
    nowMs,
  )
  return { id: row.id, duplicate: false, capture: await viewOf(db, row) }
}

/** A bib typed in finish order: it takes the next time without one, or waits for it. */
export async function assignBib(db: Db, input: Omit<ParsedInput<'timing.assignBib'>, 'captureId'>, session: Session, nowMs: number) {
  const point = await requirePoint(db, input.point)
  // A script may leave numbering to the office: the next number of its desk's own sequence.
  const device = input.device ?? `${session.desk}·bibs`
  const seq = input.seq ?? (await nextSeq(db, device))
  let row = await sentBefore(db, device, seq, (r) => r.point === point && r.at_ms === null && r.bib === input.bib)
  const duplicate = row !== null
  if (row === null) {
    row = await insertCapture(db, { device, seq, point, at_ms: null, bib: input.bib, position: input.enteredAtMs ?? nowMs, source: 'typed' }, session, nowMs)
  }
  const time = await timeOfEntry(db, row)
  const capture = time === null ? null : await viewOf(db, time)
  const warnings = capture?.warnings ?? (await warningsOf(db, row, input.bib, null))
  return { id: row.id, duplicate, capture, bib: input.bib, warnings }
}

async function nextSeq(db: Db, device: string): Promise<number> {
  const { last } = await db
    .selectFrom('capture')
    .select((eb) => eb.fn.max('seq').as('last'))
    .where('device', '=', device)
    .executeTakeFirstOrThrow()
  return Number(last ?? 0) + 1
}

// The merge of one capture, by counting instead of reading the whole point: the k-th time
// without a bib of its own takes the k-th bib typed on its own (see mergeSequence).
const timeBefore = (row: CaptureRow) => sql<boolean>`(at_ms < ${row.at_ms} or (at_ms = ${row.at_ms} and id < ${row.id}))`
const entryBefore = (row: CaptureRow) => sql<boolean>`(position < ${row.position} or (position = ${row.position} and id < ${row.id}))`

function activeAt(db: Db, point: string) {
  return db.selectFrom('capture').where('point', '=', point).where('state', '=', 'active')
}

async function count(query: ReturnType<typeof activeAt>): Promise<number> {
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(n)
}

/** The bib typed on its own that an open time took, if any. */
export async function entryOfTime(db: Db, time: CaptureRow): Promise<CaptureRow | null> {
  if (time.state !== 'active' || time.bib !== null) return null
  const k = await count(activeAt(db, time.point).where('at_ms', 'is not', null).where('bib', 'is', null).where(timeBefore(time)))
  const entry = await activeAt(db, time.point).selectAll().where('at_ms', 'is', null).orderBy('position').orderBy('id').limit(1).offset(k).executeTakeFirst()
  return entry ?? null
}

/** The time a bib typed on its own went to, or null while it waits. */
export async function timeOfEntry(db: Db, entry: CaptureRow): Promise<CaptureRow | null> {
  if (entry.state !== 'active') return null
  const k = await count(activeAt(db, entry.point).where('at_ms', 'is', null).where(entryBefore(entry)))
  const time = await activeAt(db, entry.point)
    .selectAll()
    .where('at_ms', 'is not', null)
    .where('bib', 'is', null)
    .orderBy('at_ms')
    .orderBy('id')
    .limit(1)
    .offset(k)
    .executeTakeFirst()
  return time ?? null
}

async function warningsOf(
  db: Db,
  row: CaptureRow,
  bib: number | null,
  entry: CaptureRow | null,
  known?: { runner: RunnerFacts | undefined },
): Promise<CaptureWarning[]> {
  if (bib === null) return []
  const runner = known !== undefined ? known.runner : (await runnersByBib(db, [bib])).get(bib)
  const others = await count(
    activeAt(db, row.point)
      .where('bib', '=', bib)
      .where('id', 'not in', [row.id, ...(entry !== null ? [entry.id] : [])]),
  )
  return warningsFor(bib, row.at_ms, runner, others > 0, row.point)
}

/** One capture as a desk shows it: its bib after the merge, its place in the sequence, its warnings. */
export async function viewOf(db: Db, row: CaptureRow): Promise<CaptureView> {
  if (!isTime(row) || row.state !== 'active') return toView(row, { bib: row.bib, entry: null, order: null }, undefined, [])
  const entry = await entryOfTime(db, row)
  const bib = row.bib ?? entry?.bib ?? null
  const order = 1 + (await count(activeAt(db, row.point).where('at_ms', 'is not', null).where(timeBefore(row))))
  const runner = bib !== null ? (await runnersByBib(db, [bib])).get(bib) : undefined
  return toView(row, { bib, entry, order }, runner, await warningsOf(db, row, bib, entry, { runner }))
}

function toView(
  row: CaptureRow,
  merged: { bib: number | null; entry: { id: string } | null; order: number | null },
  runner: RunnerFacts | undefined,
  warnings: CaptureWarning[],
): CaptureView {
  return {
    id: row.id,
    device: row.device,
    seq: row.seq,
    point: row.point,
    atMs: row.at_ms,
    deviceAtMs: row.device_at_ms,
    clock: row.clock,
    offsetMs: row.offset_ms,
    offsetUncertaintyMs: row.offset_uncertainty_ms,
    bib: merged.bib,
    entryId: merged.entry?.id ?? null,
    source: row.source,
    state: row.state,
    stateReason: row.state_reason,
    order: merged.order,
    elapsedMs: runner?.gunAtMs != null && row.at_ms !== null ? row.at_ms - runner.gunAtMs : null,
    runner: runner === undefined ? null : { entrantId: runner.entrantId, name: runner.name, race: runner.race, wave: runner.wave },
    warnings,
    createdAtMs: row.created_at_ms,
    desk: row.desk,
  }
}

/**
 * Every capture of a point, merged: active times in order with taken-out captures in their place
 * in time; bibs waiting for a time. The merge needs the whole point, but only the rows asked for
 * (`last`) are looked up and drawn: a 50,000-finisher desk reads the latest 80.
 */
export async function listCaptures(db: ReadDb, input: ParsedInput<'timing.list'>) {
  const point = await requirePoint(db, input.point)
  // Only what the merge needs of every capture; whole rows only for those shown.
  // A backup timer's times are the cross-check's, not the desk's.
  const rows = await db
    .selectFrom('capture')
    .select(['id', 'at_ms', 'bib', 'position', 'state', 'source'])
    .where('point', '=', point)
    .where('state', '!=', 'backup')
    .execute()
  const { times, waiting, inactive } = mergeSequence(rows)
  // A bib's second time (and a typed bib that already has one) is flagged, the first is not.
  const seen = new Set<number>()
  const repeated = new Set<string>()
  for (const t of times) {
    if (t.bib === null) continue
    if (seen.has(t.bib)) repeated.add(t.row.id)
    seen.add(t.bib)
  }
  type Row = { merged: Pick<Merged<SequenceRow>, 'bib' | 'entry' | 'order'>; id: string; atMs: number | null; warned: boolean }
  const inOrder: Row[] = [
    ...times.map((t) => ({ merged: t, id: t.row.id, atMs: t.row.at_ms, warned: true })),
    // Taken-out captures stay in their place in time, struck through on the desk.
    ...inactive.filter((r) => r.source !== 'gap').map((r) => ({ merged: { bib: r.bib, entry: null, order: null }, id: r.id, atMs: r.at_ms, warned: false })),
  ].sort((a, b) => (a.atMs ?? Number.MAX_SAFE_INTEGER) - (b.atMs ?? Number.MAX_SAFE_INTEGER) || (a.id < b.id ? -1 : 1))
  const shown = input.last === undefined ? inOrder : inOrder.slice(-input.last)
  const bibs = [...shown.map((r) => r.merged.bib), ...waiting.map((w) => w.bib)].filter((b): b is number => b !== null)
  const [runners, full] = await Promise.all([runnersByBib(db, bibs), wholeRows(db, point, [...shown.map((r) => r.id), ...waiting.map((w) => w.id)])])
  const runnerOf = (bib: number | null): RunnerFacts | undefined => (bib === null ? undefined : runners.get(bib))
  const rowOf = (id: string): CaptureRow => full.get(id) as CaptureRow
  return {
    point,
    captures: shown.map(({ merged, id, atMs, warned }) =>
      toView(rowOf(id), merged, runnerOf(merged.bib), warned ? warningsFor(merged.bib, atMs, runnerOf(merged.bib), repeated.has(id), point) : []),
    ),
    waiting: waiting.map((w) =>
      toView(
        rowOf(w.id),
        { bib: w.bib, entry: null, order: null },
        runnerOf(w.bib),
        warningsFor(w.bib, null, runnerOf(w.bib), seen.has(w.bib as number), point),
      ),
    ),
    times: times.length,
    withBib: times.filter((t) => t.bib !== null).length,
    total: rows.length,
  }
}

/** Whole rows by id: a few hundred by their key, more in one pass over the point. */
async function wholeRows(db: ReadDb, point: string, ids: string[]): Promise<Map<string, CaptureRow>> {
  const query = db.selectFrom('capture').selectAll().where('point', '=', point)
  const rows = ids.length <= 500 ? (ids.length === 0 ? [] : await query.where('id', 'in', ids).execute()) : await query.execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/** A correction as commands and sync packages carry it. */
export function changeOf(row: CaptureChangeTable) {
  return {
    id: row.id,
    captureId: row.capture_id,
    action: row.action,
    before: JSON.parse(row.before_json) as Record<string, unknown>,
    after: JSON.parse(row.after_json) as Record<string, unknown>,
    reason: row.reason,
    atMs: row.at_ms,
    actor: row.actor,
    desk: row.desk,
  }
}

export async function captureHistory(db: ReadDb, captureId: string) {
  const rows = await db.selectFrom('capture_change').selectAll().where('capture_id', '=', captureId).orderBy('id').execute()
  return rows.map(changeOf)
}
