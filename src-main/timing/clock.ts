import type SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import type { Selectable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { RaceClock } from '../../src-shared/contract/timing'
import type { ClockTable, Db, ReadDb } from '../db/schema'
import { readBib } from './reads'
import { onDeviceClock } from './device-clocks'
import { retimeTypedTimes } from './typed-times'

/** Every race, and every wave of races that have waves, with the gun that counts and its history. */
/** Who set a gun, from which device and why: the same on the clock screen and in a sync package. */
export function howRecorded(c: Pick<Selectable<ClockTable>, 'source' | 'reason' | 'device' | 'recorded_at_ms' | 'actor' | 'desk'>) {
  return { source: c.source, reason: c.reason, device: c.device, recordedAtMs: c.recorded_at_ms, actor: c.actor, desk: c.desk }
}

export async function listClocks(db: ReadDb): Promise<RaceClock[]> {
  const [races, waves, clocks] = await Promise.all([
    db.selectFrom('race').select(['id', 'name', 'distance_m']).orderBy('id').execute(),
    db.selectFrom('wave').select(['id', 'race_id', 'name']).orderBy('id').execute(),
    db.selectFrom('clock').selectAll().orderBy('recorded_at_ms').orderBy('id').execute(),
  ])
  return races.flatMap((race) => {
    const targets = [{ id: null as number | null, name: null as string | null }, ...waves.filter((w) => w.race_id === race.id)]
    return targets.map((target) => {
      const history = clocks
        .filter((c) => c.race_id === race.id && c.wave_id === target.id)
        .map((c) => ({
          id: c.id,
          gunAtMs: c.gun_at_ms,
          deviceAtMs: c.clock === null ? null : c.device_at_ms,
          offsetMs: c.offset_ms,
          offsetUncertaintyMs: c.offset_uncertainty_ms,
          ...howRecorded(c),
        }))
        .reverse()
      return {
        raceId: race.id,
        race: race.name,
        waveId: target.id,
        wave: target.name,
        distanceM: race.distance_m,
        gunAtMs: history[0]?.gunAtMs ?? null,
        history,
      }
    })
  })
}

async function clockOf(db: Db, raceId: number, waveId: number | null): Promise<RaceClock> {
  const clock = (await listClocks(db)).find((c) => c.raceId === raceId && c.waveId === waveId)
  if (clock === undefined)
    throw new CommandError(waveId === null ? 'NOT_FOUND' : 'WAVE_NOT_IN_RACE', waveId === null ? 'There is no such race.' : 'That wave is not in this race.', {
      raceId,
      waveId,
    })
  return clock
}

/** A gun recorded; when the race (wave) already has one, this one is a correction and needs a reason. */
type Gun = { atMs: number; columns?: ReturnType<typeof onDeviceClock>['columns'] }

async function recordGun(
  db: Db,
  target: { raceId: number; waveId: number | null },
  gun: Gun,
  source: 'key' | 'typed' | 'reads',
  reason: string | undefined,
  device: string,
  session: Session,
  nowMs: number,
) {
  const clock = await clockOf(db, target.raceId, target.waveId)
  if (clock.gunAtMs !== null && reason === undefined) {
    const name = clock.wave === null ? clock.race : `${clock.race} · ${clock.wave}`
    throw new CommandError('CLOCK_ALREADY_STARTED', `${name} already started; changing its gun needs a reason.`, { race: name, gunAtMs: clock.gunAtMs })
  }
  await db
    .insertInto('clock')
    .values({
      id: uuidv7(),
      race_id: target.raceId,
      wave_id: target.waveId,
      gun_at_ms: gun.atMs,
      device_at_ms: gun.atMs,
      clock: null,
      clock_segment: 0,
      offset_ms: null,
      offset_uncertainty_ms: null,
      ...gun.columns,
      source,
      reason: reason ?? null,
      device,
      recorded_at_ms: nowMs,
      actor: session.actor,
      desk: session.desk,
    })
    .execute()
  const name = clock.wave === null ? clock.race : `${clock.race} · ${clock.wave}`
  await retimeTypedTimes(db, target.raceId, `gun of ${name} ${clock.gunAtMs === null ? 'recorded' : `corrected: ${reason ?? ''}`}`, session, nowMs)
  return clockOf(db, target.raceId, target.waveId)
}

/** F8 on a device: the key press on its clock, corrected like a capture; without an instant, when the office hears it. */
export async function startClock(db: Db, sqlite: SqliteDatabase.Database, input: ParsedInput<'clock.start'>, session: Session, nowMs: number) {
  const gun: Gun =
    input.atMs === undefined || input.device === 'office'
      ? { atMs: input.atMs ?? nowMs }
      : onDeviceClock(sqlite, input.device, input.clockSegment ?? 0, input.atMs)
  return recordGun(db, input, gun, 'key', input.reason, input.device, session, nowMs)
}

/** A gun typed (from the starter's watch, in the office's time) or taken from the start mat: no device clock to correct. */
export async function setClock(db: Db, input: ParsedInput<'clock.set'>, session: Session, nowMs: number) {
  const atMs = input.atMs ?? (await gunFromStartReads(db, input.raceId, input.waveId))
  return recordGun(db, input, { atMs }, input.atMs === undefined ? 'reads' : 'typed', input.reason, input.device, session, nowMs)
}

/**
 * With no gun recorded, the start mat tells: the first runners leave the line with the gun. The
 * earliest start read of the race's (wave's) runners is the closest the file knows.
 */
async function gunFromStartReads(db: Db, raceId: number, waveId: number | null): Promise<number> {
  let query = db
    .selectFrom('chip_read as r')
    .innerJoin('entrant as e', (join) => join.on(sql<boolean>`e.bib = ${readBib}`))
    .select((eb) => eb.fn.min('r.at_ms').as('first'))
    .where('r.point', '=', 'start')
    .where('e.race_id', '=', raceId)
  if (waveId !== null) query = query.where('e.wave_id', '=', waveId)
  const { first } = await query.executeTakeFirstOrThrow()
  if (first === null)
    throw new CommandError('CLOCK_NO_READS', 'No start-mat reads of this race’s runners have been imported: the gun cannot be taken from them.', {})
  return Number(first)
}
