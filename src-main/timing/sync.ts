import type SqliteDatabase from 'better-sqlite3'
import { CommandError, type Session } from '../../src-shared/contract'
import type { SyncPackage } from '../../src-shared/contract/timing'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Db, ReadDb } from '../db/schema'
import type { CaptureTable } from '../db/schema'
import { changeOf } from './captures'
import { retimeTypedTimes } from './typed-times'
import { howRecorded } from './clock'
import { keepPackageMeasurement, onDeviceClock, ownClockId, ownMeasurements } from './device-clocks'

// A package written before laptops named their clock: its times are on a clock never measured.
const unnamedClock = 'unnamed-laptop'

/** A finish laptop's work, to be moved into the office file: every capture, correction and gun. */
export async function exportSync(db: ReadDb, nowMs: number): Promise<SyncPackage> {
  const clockId = await ownClockId(db)
  const [event, captures, changes, clocks] = await Promise.all([
    db.selectFrom('event').select(['name', 'date']).where('id', '=', 1).executeTakeFirstOrThrow(),
    db.selectFrom('capture').selectAll().orderBy('id').execute(),
    db.selectFrom('capture_change').selectAll().orderBy('id').execute(),
    db
      .selectFrom('clock as c')
      .innerJoin('race as r', 'r.id', 'c.race_id')
      .leftJoin('wave as w', 'w.id', 'c.wave_id')
      .select(['c.id', 'r.name as race', 'w.name as wave', 'c.gun_at_ms', 'c.source', 'c.reason', 'c.device', 'c.recorded_at_ms', 'c.actor', 'c.desk'])
      .orderBy('c.id')
      .execute(),
  ])
  return {
    format: 'race-office-sync',
    version: 1,
    event,
    exportedAtMs: nowMs,
    captures: captures.map((c) => ({
      id: c.id,
      device: c.device,
      seq: c.seq,
      point: c.point,
      atMs: c.at_ms,
      bib: c.bib,
      position: c.position,
      source: c.source,
      state: c.state,
      stateReason: c.state_reason,
      createdAtMs: c.created_at_ms,
      actor: c.actor,
      desk: c.desk,
    })),
    changes: changes.map(changeOf),
    clocks: clocks.map((c) => ({
      id: c.id,
      race: c.race,
      wave: c.wave,
      gunAtMs: c.gun_at_ms,
      ...howRecorded(c),
    })),
    clockId,
    clockMeasurements: await ownMeasurements(db, clockId),
  }
}

type Conflict = { kind: 'capture' | 'change' | 'clock'; id: string; message: string }
const changeable = ['state', 'state_reason', 'bib'] as const

/**
 * Moves a package into this file. The package speaks for the device, never for the office: what
 * it brings gets the office's own ids (the package's kept as its origin, so importing the same
 * package twice changes nothing), is recorded as by the session that brought it (the paired
 * device, or the organiser with the file), and no gun is recorded later than it arrives. A capture arrives as it was first made (its corrections
 * then replay in order); a correction applies only when the capture still is as the correction
 * found it, otherwise it is reported, never forced or dropped silently.
 */
export async function importSync(db: Db, sqlite: SqliteDatabase.Database, pkg: SyncPackage, session: Session, nowMs: number) {
  const event = await db.selectFrom('event').select(['name', 'date']).where('id', '=', 1).executeTakeFirstOrThrow()
  if (event.date !== pkg.event.date) {
    throw new CommandError(
      'SYNC_OTHER_EVENT',
      `This package is from ${pkg.event.name} on ${pkg.event.date}, not from this event (${event.name}, ${event.date}).`,
      { event: pkg.event.name, date: pkg.event.date },
    )
  }
  const conflicts: Conflict[] = []
  const counts = {
    captures: { added: 0, unchanged: 0 },
    changes: { added: 0, unchanged: 0 },
    clocks: { added: 0, unchanged: 0 },
    clockMeasurements: { added: 0, unchanged: 0 },
  }
  // The laptop's times are on its own clock: measured against this office first, so they arrive corrected.
  const clock = pkg.clockId ?? unnamedClock
  for (const m of pkg.clockMeasurements ?? []) {
    if (await keepPackageMeasurement(db, clock, m.id, m.exchanges, session, nowMs)) counts.clockMeasurements.added++
    else counts.clockMeasurements.unchanged++
  }

  const changesOf = new Map<string, SyncPackage['changes']>()
  for (const change of [...pkg.changes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const list = changesOf.get(change.captureId)
    if (list === undefined) changesOf.set(change.captureId, [change])
    else list.push(change)
  }
  for (const capture of pkg.captures) {
    const existing = await db
      .selectFrom('capture')
      .select(['id', 'origin_id', 'device', 'seq'])
      .where((eb) => eb.or([fromPackageId(capture.id), eb.and([eb('device', '=', capture.device), eb('seq', '=', capture.seq)])]))
      .executeTakeFirst()
    if (existing !== undefined) {
      if (existing.origin_id === capture.id || existing.id === capture.id) counts.captures.unchanged++
      else
        conflicts.push({
          kind: 'capture',
          id: capture.id,
          message: `Device ${capture.device} capture ${capture.seq} is already in this file as another capture.`,
        })
      continue
    }
    // With its corrections in the package, a capture starts as it was made and they replay; a
    // capture whose corrections are not in the package arrives as it is now.
    const original = originalOf(capture, changesOf.get(capture.id) ?? [])
    const onClock = capture.atMs === null ? null : onDeviceClock(sqlite, clock, 0, capture.atMs)
    await db
      .insertInto('capture')
      .values({
        id: uuidv7(),
        origin_id: capture.id,
        device: capture.device,
        seq: capture.seq,
        point: capture.point,
        at_ms: onClock?.atMs ?? null,
        device_at_ms: null,
        clock: null,
        clock_segment: 0,
        offset_ms: null,
        offset_uncertainty_ms: null,
        ...onClock?.columns,
        bib: original.bib,
        position: capture.source === 'key' && onClock !== null ? onClock.atMs : capture.position,
        source: capture.source,
        state: original.state,
        state_reason: original.stateReason,
        created_at_ms: capture.createdAtMs,
        actor: session.actor,
        desk: session.desk,
      })
      .execute()
    counts.captures.added++
  }

  for (const change of pkg.changes) {
    if ((await db.selectFrom('capture_change').select('id').where(fromPackageId(change.id)).executeTakeFirst()) !== undefined) {
      counts.changes.unchanged++
      continue
    }
    const row = await db.selectFrom('capture').selectAll().where(fromPackageId(change.captureId)).executeTakeFirst()
    if (row === undefined) {
      conflicts.push({ kind: 'change', id: change.id, message: 'A correction of a capture this file does not have.' })
      continue
    }
    const after = columnsOf(change.after)
    const before = columnsOf(change.before)
    const stale = Object.entries(before).find(([key, value]) => row[key as keyof CaptureTable] !== value)
    if (stale !== undefined) {
      conflicts.push({
        kind: 'change',
        id: change.id,
        message: `“${change.action}” (${change.reason}) by ${change.actor} at ${change.desk}: this file changed the capture since (${stale[0]} is now ${String(row[stale[0] as keyof CaptureTable])}).`,
      })
      continue
    }
    if (Object.keys(after).length > 0) await db.updateTable('capture').set(after).where('id', '=', row.id).execute()
    await db
      .insertInto('capture_change')
      .values({
        id: uuidv7(),
        origin_id: change.id,
        capture_id: row.id,
        action: change.action,
        before_json: JSON.stringify(change.before),
        after_json: JSON.stringify(change.after),
        reason: change.reason,
        at_ms: change.atMs,
        actor: session.actor,
        desk: session.desk,
      })
      .execute()
    counts.changes.added++
  }

  for (const gun of pkg.clocks) {
    if ((await db.selectFrom('clock').select('id').where(fromPackageId(gun.id)).executeTakeFirst()) !== undefined) {
      counts.clocks.unchanged++
      continue
    }
    const race = await db.selectFrom('race').select('id').where('name', '=', gun.race).executeTakeFirst()
    const wave =
      race === undefined || gun.wave === null
        ? undefined
        : await db.selectFrom('wave').select('id').where('race_id', '=', race.id).where('name', '=', gun.wave).executeTakeFirst()
    if (race === undefined || (gun.wave !== null && wave === undefined)) {
      conflicts.push({
        kind: 'clock',
        id: gun.id,
        message: `The gun of ${gun.race}${gun.wave === null ? '' : ` · ${gun.wave}`}: this file has no such race or wave.`,
      })
      continue
    }
    // A gun typed from a watch or taken from the mat is the office's time already; a key press is the laptop's.
    const onClock = gun.source === 'key' ? onDeviceClock(sqlite, clock, 0, gun.gunAtMs) : null
    await db
      .insertInto('clock')
      .values({
        id: uuidv7(),
        origin_id: gun.id,
        race_id: race.id,
        wave_id: wave?.id ?? null,
        gun_at_ms: onClock?.atMs ?? gun.gunAtMs,
        device_at_ms: gun.gunAtMs,
        clock: null,
        clock_segment: 0,
        ...onClock?.columns,
        source: gun.source,
        reason: gun.reason,
        device: gun.device,
        // The gun that counts is the latest recorded: a package cannot date its gun after the office's own.
        recorded_at_ms: Math.min(gun.recordedAtMs, nowMs),
        actor: session.actor,
        desk: session.desk,
      })
      .execute()
    await retimeTypedTimes(
      db,
      race.id,
      `gun of ${gun.race}${gun.wave === null ? '' : ` · ${gun.wave}`} from ${gun.desk}: ${gun.reason ?? 'recorded'}`,
      session,
      nowMs,
    )
    counts.clocks.added++
  }
  const measured = (await db.selectFrom('device_clock').select('id').where('clock', '=', clock).limit(1).executeTakeFirst()) !== undefined
  return { ...counts, clockMeasured: measured, conflicts }
}

/**
 * A row that came from this package id before, or (files from before origins were kept) was
 * stored under it: found, so it is never added twice; a package id never replaces a row.
 */
function fromPackageId(packageId: string) {
  return sql<boolean>`(origin_id = ${packageId} or id = ${packageId})`
}

/** The columns a correction's before/after name (`state`, `state_reason`, `bib`); others are descriptions. */
function columnsOf(values: Record<string, unknown>): Partial<Pick<CaptureTable, 'state' | 'state_reason' | 'bib'>> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => (changeable as readonly string[]).includes(key))) as Partial<
    Pick<CaptureTable, 'state' | 'state_reason' | 'bib'>
  >
}

/** A capture as it was made: its first correction's `before` (corrections in order) for every column that was changed. */
function originalOf(
  capture: SyncPackage['captures'][number],
  changes: SyncPackage['changes'],
): { bib: number | null; state: CaptureTable['state']; stateReason: string | null } {
  const original = { bib: capture.bib, state: capture.state, stateReason: capture.stateReason }
  for (const key of changeable) {
    const first = changes.find((c) => key in c.before)
    if (first === undefined) continue
    const value = first.before[key]
    if (key === 'bib') original.bib = value as number | null
    else if (key === 'state') original.state = value as CaptureTable['state']
    else original.stateReason = value as string | null
  }
  return original
}
