import type SqliteDatabase from 'better-sqlite3'
import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { DeviceClock } from '../../src-shared/contract/timing'
import { clockState, estimateOffset, isPossible, offsetAt, type Correction, type Exchange, type Measurement } from '../../src-shared/timing/clock-offset'
import type { Db, ReadDb } from '../db/schema'
import { prepared } from '../db/prepared'
import type { DeviceClockTable } from '../db/schema'

// One clock for every device. A device's instants are stored as it gave them and as corrected to
// the office's clock by its measured offset; when a measurement shows the clock drifted (a device
// that was offline, typically), what it recorded since the one before is corrected again.

type MeasurementRow = Omit<DeviceClockTable, 'id' | 'recorrected'> & { id: number; recorrected: number }

/** The office's side of one exchange: it answers in the same millisecond it hears the question (the router's now). */
export function answerExchange(input: ParsedInput<'clock.exchange'>, nowMs: number) {
  return { sentAtMs: input.sentAtMs, receivedAtMs: nowMs, repliedAtMs: nowMs }
}

async function measurementsOf(db: Db, clock: string): Promise<MeasurementRow[]> {
  return (await db.selectFrom('device_clock').selectAll().where('clock', '=', clock).orderBy('id').execute()) as MeasurementRow[]
}

const asMeasurement = (row: Pick<MeasurementRow, 'segment' | 'device_at_ms' | 'offset_ms' | 'uncertainty_ms' | 'source'>): Measurement => ({
  segment: row.segment,
  deviceAtMs: row.device_at_ms,
  offsetMs: row.offset_ms,
  uncertaintyMs: row.uncertainty_ms,
  manual: row.source === 'manual',
})

/**
 * The correction of one instant of a clock: what a capture or gun arriving now is stored with.
 * Only the measurements that can decide it are read (see offsetAt): the organiser's latest word,
 * the nearest before and after in the instant's segment, and the latest of all — a few indexed
 * rows however long the device has been measuring.
 */
export function correctionFor(sqlite: SqliteDatabase.Database, clock: string, segment: number, deviceAtMs: number): Correction | null {
  // One prepared statement on the capture's hot path, inside the write's transaction.
  const rows = prepared(sqlite, deciding).all({ clock, segment, at: deviceAtMs }) as Pick<
    MeasurementRow,
    'segment' | 'device_at_ms' | 'offset_ms' | 'uncertainty_ms' | 'source'
  >[]
  return offsetAt(rows.map(asMeasurement), segment, deviceAtMs)
}

const deciding = `select id, segment, device_at_ms, offset_ms, uncertainty_ms, source from (
  select * from (select * from device_clock where clock = @clock and source = 'manual' order by id desc limit 1)
  union select * from (select * from device_clock where clock = @clock and source <> 'manual' and segment = @segment and device_at_ms <= @at order by device_at_ms desc, id desc limit 1)
  union select * from (select * from device_clock where clock = @clock and source <> 'manual' and segment = @segment and device_at_ms > @at order by device_at_ms, id limit 1)
  union select * from (select * from device_clock where clock = @clock and source <> 'manual' order by id desc limit 1)
) order by id`

/** The columns of a capture or gun recorded on a device clock at `deviceAtMs`. */
export function onDeviceClock(sqlite: SqliteDatabase.Database, clock: string, segment: number, deviceAtMs: number) {
  const correction = correctionFor(sqlite, clock, segment, deviceAtMs)
  return {
    atMs: deviceAtMs + (correction?.offsetMs ?? 0),
    columns: {
      device_at_ms: deviceAtMs,
      clock,
      clock_segment: segment,
      offset_ms: correction?.offsetMs ?? null,
      offset_uncertainty_ms: correction?.uncertaintyMs ?? null,
    },
  }
}

/**
 * Which instants a new measurement can change: an organiser's word, all of the clock's; one
 * measured, those of its segment from the measurement before it on (between the two, and after),
 * and those of segments never measured (they borrow the latest).
 */
type Scope = 'all' | { segment: number; fromDeviceMs: number }

/** The clock's captures and guns in scope corrected again from all its measurements; how many instants moved. */
async function recorrect(db: Db, clock: string, scope: Scope): Promise<number> {
  const rows = await measurementsOf(db, clock)
  const measurements = rows.map(asMeasurement)
  const measuredSegments = [...new Set(rows.filter((r) => r.source !== 'manual').map((r) => r.segment))]
  const inScope = <T extends { clock_segment: number; device_at_ms: number | null }>(row: T): boolean =>
    scope === 'all' ||
    !measuredSegments.includes(row.clock_segment) ||
    (row.clock_segment === scope.segment && (row.device_at_ms ?? -Infinity) >= scope.fromDeviceMs)
  let moved = 0
  const captureQuery = db
    .selectFrom('capture')
    .select(['id', 'at_ms', 'device_at_ms', 'clock_segment', 'offset_ms', 'offset_uncertainty_ms', 'source'])
    .where('clock', '=', clock)
  const captures =
    scope === 'all'
      ? await captureQuery.execute()
      : await captureQuery
          .where((eb) =>
            eb.or([
              eb.and([eb('clock_segment', '=', scope.segment), eb('device_at_ms', '>=', scope.fromDeviceMs)]),
              eb('clock_segment', 'not in', measuredSegments),
            ]),
          )
          .execute()
  for (const c of captures) {
    if (c.device_at_ms === null) continue
    const fix = offsetAt(measurements, c.clock_segment, c.device_at_ms)
    if (fix === null || (fix.offsetMs === c.offset_ms && fix.uncertaintyMs === c.offset_uncertainty_ms)) continue
    const atMs = c.device_at_ms + fix.offsetMs
    if (atMs !== c.at_ms) moved++
    await db
      .updateTable('capture')
      .set({ at_ms: atMs, offset_ms: fix.offsetMs, offset_uncertainty_ms: fix.uncertaintyMs, ...(c.source === 'key' && { position: atMs }) })
      .where('id', '=', c.id)
      .execute()
  }
  const guns = await db
    .selectFrom('clock')
    .select(['id', 'gun_at_ms', 'device_at_ms', 'clock_segment', 'offset_ms', 'offset_uncertainty_ms'])
    .where('clock', '=', clock)
    .execute()
  for (const g of guns) {
    if (g.device_at_ms === null || !inScope(g)) continue
    const fix = offsetAt(measurements, g.clock_segment, g.device_at_ms)
    if (fix === null || (fix.offsetMs === g.offset_ms && fix.uncertaintyMs === g.offset_uncertainty_ms)) continue
    const gunAtMs = g.device_at_ms + fix.offsetMs
    if (gunAtMs !== g.gun_at_ms) moved++
    await db
      .updateTable('clock')
      .set({ gun_at_ms: gunAtMs, offset_ms: fix.offsetMs, offset_uncertainty_ms: fix.uncertaintyMs })
      .where('id', '=', g.id)
      .execute()
  }
  return moved
}

type NewMeasurement = Pick<
  DeviceClockTable,
  'clock' | 'segment' | 'device_at_ms' | 'office_at_ms' | 'offset_ms' | 'uncertainty_ms' | 'round_trip_ms' | 'source' | 'reason' | 'origin_id'
>

/** Keeps a measurement and corrects the clock's instants again by it. */
async function keep(db: Db, values: NewMeasurement, exchanges: readonly Exchange[], session: Session, nowMs: number) {
  const before = await db
    .selectFrom('device_clock')
    .select('device_at_ms')
    .where('clock', '=', values.clock)
    .where('segment', '=', values.segment)
    .where('source', '!=', 'manual')
    .where('device_at_ms', '<', values.device_at_ms)
    .orderBy('device_at_ms', 'desc')
    .limit(1)
    .executeTakeFirst()
  const scope: Scope = values.source === 'manual' ? 'all' : { segment: values.segment, fromDeviceMs: before?.device_at_ms ?? -8_640_000_000_000_000 }
  const { id } = await db
    .insertInto('device_clock')
    .values({
      ...values,
      exchanges: exchanges.length,
      exchanges_json: exchanges.length === 0 ? null : JSON.stringify(exchanges),
      recorded_at_ms: nowMs,
      actor: session.actor,
      desk: session.desk,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const recorrected = await recorrect(db, values.clock, scope)
  if (recorrected > 0) await db.updateTable('device_clock').set({ recorrected }).where('id', '=', id).execute()
  const row = (await db.selectFrom('device_clock').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as MeasurementRow
  return { device: row.clock, ...measurementView(row) }
}

function measurementView(row: MeasurementRow) {
  return {
    id: row.id,
    segment: row.segment,
    offsetMs: row.offset_ms,
    uncertaintyMs: row.uncertainty_ms,
    roundTripMs: row.round_trip_ms,
    measuredAtMs: row.office_at_ms,
    source: row.source,
    reason: row.reason,
    recorrected: row.recorrected,
    actor: row.actor,
    desk: row.desk,
  }
}

// Exchanges are made just before they are reported: office times from long ago or from the
// future are not this office's answers.
const exchangeMaxAgeMs = 120_000

/** Works the offset out from exchanges and keeps it as a measurement of `clock`. */
function keepEstimate(
  db: Db,
  clock: string,
  segment: number,
  exchanges: readonly Exchange[],
  origin: { source: 'exchange' | 'package'; id: string | null },
  session: Session,
  nowMs: number,
) {
  const estimate = estimateOffset(exchanges)
  if (estimate === null)
    throw new CommandError('CLOCK_EXCHANGE_INVALID', 'None of these clock exchanges could have happened (an answer before its question).', {})
  return keep(
    db,
    {
      clock,
      segment,
      device_at_ms: estimate.deviceAtMs,
      office_at_ms: estimate.officeAtMs,
      offset_ms: estimate.offsetMs,
      uncertainty_ms: estimate.uncertaintyMs,
      round_trip_ms: estimate.roundTripMs,
      source: origin.source,
      reason: null,
      origin_id: origin.id,
    },
    exchanges,
    session,
    nowMs,
  )
}

/** A device's exchanges with this office, just made: its offset now, worked out by the office. */
export async function measureClock(db: Db, input: ParsedInput<'clock.measure'>, session: Session, nowMs: number) {
  const stale = input.exchanges.find((e) => e.receivedAtMs < nowMs - exchangeMaxAgeMs || e.repliedAtMs > nowMs || !isPossible(e))
  if (stale !== undefined)
    throw new CommandError('CLOCK_EXCHANGE_INVALID', 'These clock exchanges are not this office’s answers of the last two minutes.', {
      receivedAtMs: stale.receivedAtMs,
      nowMs,
    })
  return keepEstimate(db, input.device, input.segment, input.exchanges, { source: 'exchange', id: null }, session, nowMs)
}

/** An organiser's word for a clock never measured (a photo of both clocks): it holds for all its instants. */
export async function setClockOffset(db: Db, input: ParsedInput<'clock.setOffset'>, session: Session, nowMs: number) {
  return keep(
    db,
    {
      clock: input.device,
      segment: 0,
      device_at_ms: nowMs - input.offsetMs,
      office_at_ms: nowMs,
      offset_ms: input.offsetMs,
      uncertainty_ms: input.uncertaintyMs,
      round_trip_ms: null,
      source: 'manual',
      reason: input.reason,
      origin_id: null,
    },
    [],
    session,
    nowMs,
  )
}

/**
 * A finish laptop's clock measured against an office, as its package carries it: worked out again
 * here from the exchanges themselves (a package is data, not authority). False: known already.
 */
export async function keepPackageMeasurement(
  db: Db,
  clock: string,
  originId: string,
  exchanges: readonly Exchange[],
  session: Session,
  nowMs: number,
): Promise<boolean> {
  if ((await db.selectFrom('device_clock').select('id').where('origin_id', '=', originId).executeTakeFirst()) !== undefined) return false
  await keepEstimate(db, clock, 0, exchanges, { source: 'package', id: originId }, session, nowMs)
  return true
}

/** Every clock that recorded instants or was measured: its latest offset, its state and its history. */
export async function listDeviceClocks(db: ReadDb): Promise<DeviceClock[]> {
  const [measurements, captures, guns] = await Promise.all([
    db.selectFrom('device_clock').selectAll().orderBy('id').execute() as Promise<MeasurementRow[]>,
    db
      .selectFrom('capture')
      .select((eb) => ['clock', eb.fn.countAll<number>().as('n'), eb.fn.max('at_ms').as('last'), eb.fn.max('desk').as('desk')])
      .where('clock', 'is not', null)
      .groupBy('clock')
      .execute(),
    db
      .selectFrom('clock')
      .select((eb) => ['clock', eb.fn.countAll<number>().as('n')])
      .where('clock', 'is not', null)
      .groupBy('clock')
      .execute(),
  ])
  const names = new Set<string>([...measurements.map((m) => m.clock), ...captures.map((c) => c.clock as string), ...guns.map((g) => g.clock as string)])
  return [...names].sort().map((device) => {
    const history = measurements
      .filter((m) => m.clock === device)
      .map(measurementView)
      .reverse()
    const latest = history[0] ?? null
    const recorded = captures.find((c) => c.clock === device)
    return {
      device,
      // The desk of its latest measurement (a paired desk's name), else of its captures.
      desk: latest?.desk ?? recorded?.desk ?? null,
      offsetMs: latest?.offsetMs ?? null,
      uncertaintyMs: latest?.uncertaintyMs ?? null,
      measuredAtMs: latest?.measuredAtMs ?? null,
      state: clockState(latest),
      captures: Number(recorded?.n ?? 0),
      guns: Number(guns.find((g) => g.clock === device)?.n ?? 0),
      lastCaptureAtMs: recorded?.last === null || recorded?.last === undefined ? null : Number(recorded.last),
      history,
    }
  })
}

/** This file's own clock, as the packages it sends name it. */
export async function ownClockId(db: ReadDb): Promise<string> {
  const { clock_id } = await db.selectFrom('event').select('clock_id').where('id', '=', 1).executeTakeFirstOrThrow()
  return clock_id
}

/** A finish laptop's own clock measured against the office it live-syncs with: kept, so later packages carry it. */
export async function keepOwnMeasurement(db: Db, exchanges: readonly Exchange[], nowMs: number): Promise<void> {
  await keepEstimate(
    db,
    await ownClockId(db),
    0,
    exchanges,
    { source: 'exchange', id: null },
    { role: 'finish', actor: 'live sync', desk: 'this laptop' },
    nowMs,
  )
}

/** This file's own clock measurements, with their exchanges, as a package carries them. */
export async function ownMeasurements(db: ReadDb, clockId: string): Promise<{ id: string; exchanges: Exchange[] }[]> {
  const rows = await db
    .selectFrom('device_clock')
    .select(['id', 'exchanges_json'])
    .where('clock', '=', clockId)
    .where('source', '=', 'exchange')
    .orderBy('id')
    .execute()
  return rows.flatMap((r) => (r.exchanges_json === null ? [] : [{ id: `${clockId}:${r.id}`, exchanges: JSON.parse(r.exchanges_json) as Exchange[] }]))
}
