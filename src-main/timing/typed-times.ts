import { CommandError, type Session } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { TypedClock } from '../../src-shared/contract/manual-timing'
import type { Db, ReadDb } from '../db/schema'
import { insertCapture, sentBefore, viewOf } from './captures'
import { recordChange } from './corrections'
import { requirePoint } from './points'
import { timeReader } from './read-times'
import { currentGuns, gunOf } from './runners'

/** The gun a race's (wave's) elapsed times count from; refused while it has none. */
export async function gunToCountFrom(db: ReadDb, raceId: number, waveId: number | undefined): Promise<{ race: string; gunAtMs: number }> {
  const race = await db.selectFrom('race').select(['id', 'name']).where('id', '=', raceId).executeTakeFirst()
  if (race === undefined) throw new CommandError('NOT_FOUND', 'There is no such race.', { raceId })
  if (waveId !== undefined) {
    const wave = await db.selectFrom('wave').select('id').where('id', '=', waveId).where('race_id', '=', raceId).executeTakeFirst()
    if (wave === undefined) throw new CommandError('WAVE_NOT_IN_RACE', `That wave is not one of ${race.name}'s waves.`, { race: race.name })
  }
  const gunAtMs = gunOf(await currentGuns(db), raceId, waveId ?? null)
  if (gunAtMs === null) {
    throw new CommandError(
      'RACE_NOT_STARTED',
      `${race.name} has no gun time yet: elapsed times count from it. Start or set its clock first, or type times of day.`,
      { race: race.name },
    )
  }
  return { race: race.name, gunAtMs }
}

/** Turns typed times into instants: from the gun, or a time of day on the event date in its zone. */
export async function typedInstants(db: ReadDb, clock: TypedClock, raceId: number | undefined, waveId: number | undefined) {
  if (clock === 'elapsed') {
    const { gunAtMs } = await gunToCountFrom(db, raceId as number, waveId)
    return (timeMs: number): number | null => gunAtMs + timeMs
  }
  const event = await db.selectFrom('event').select(['date', 'time_zone']).where('id', '=', 1).executeTakeFirstOrThrow()
  const reader = timeReader(event.date, event.time_zone)
  return (timeMs: number): number | null => {
    if (timeMs >= 24 * 3600 * 1000) return null
    const total = Math.floor(timeMs / 1000)
    const wall = `${Math.floor(total / 3600)}:${String(Math.floor(total / 60) % 60).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
    const start = reader.wall(event.date, wall)
    return start === null ? null : start + (timeMs % 1000)
  }
}

/**
 * A time typed from a tape or a sheet: a capture of source `typed` at its instant, with its bib
 * when the line had one. A backup timer's typed times are kept for the cross-check only.
 */
export async function typeTime(db: Db, input: ParsedInput<'timing.typeTime'>, session: Session, nowMs: number) {
  const point = await requirePoint(db, input.point)
  const atMs = (await typedInstants(db, input.clock, input.raceId, input.waveId))(input.timeMs)
  if (atMs === null) throw new CommandError('INVALID_INPUT', 'That time of day does not exist on the event date (a clock change).', { field: 'timeMs' })
  const bib = input.bib ?? null
  const state = input.as === 'backup' ? 'backup' : 'active'
  const before = await sentBefore(db, input.device, input.seq, (r) => r.point === point && r.at_ms === atMs && r.bib === bib)
  if (before !== null) return { id: before.id, duplicate: true, capture: await viewOf(db, before) }
  const row = await insertCapture(db, { device: input.device, seq: input.seq, point, at_ms: atMs, bib, position: atMs, source: 'typed', state }, session, nowMs)
  if (input.clock === 'elapsed') await keepElapsed(db, row.id, input.raceId as number, input.waveId, input.timeMs)
  return { id: row.id, duplicate: false, capture: await viewOf(db, row) }
}

/** The elapsed time a capture was typed as, and whose gun it counts from. */
export async function keepElapsed(db: Db, captureId: string, raceId: number, waveId: number | undefined, elapsedMs: number): Promise<void> {
  await db
    .insertInto('typed_elapsed')
    .values({ capture_id: captureId, race_id: raceId, wave_id: waveId ?? null, elapsed_ms: elapsedMs })
    .execute()
}

/**
 * A race's gun was recorded again (corrected, taken from the start mat, arrived from a laptop):
 * the times typed as elapsed from it move with it, each change kept in the capture's history.
 */
export async function retimeTypedTimes(db: Db, raceId: number, reason: string, session: Session, nowMs: number): Promise<number> {
  const typed = await db
    .selectFrom('typed_elapsed as t')
    .innerJoin('capture as c', 'c.id', 't.capture_id')
    .selectAll('c')
    .select(['t.wave_id as typedWave', 't.elapsed_ms'])
    .where('t.race_id', '=', raceId)
    .execute()
  if (typed.length === 0) return 0
  const guns = await currentGuns(db)
  let moved = 0
  for (const { typedWave, elapsed_ms, ...row } of typed) {
    const gunAtMs = gunOf(guns, raceId, typedWave)
    if (gunAtMs === null || row.at_ms === gunAtMs + elapsed_ms) continue
    const atMs = gunAtMs + elapsed_ms
    await db.updateTable('capture').set({ at_ms: atMs, position: atMs }).where('id', '=', row.id).execute()
    await recordChange(db, row, 'retime', { atMs: row.at_ms }, { atMs, elapsedMs: elapsed_ms }, reason, session, nowMs)
    moved++
  }
  return moved
}
