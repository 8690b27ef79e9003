import { CommandError } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { builtInPoints } from '../../src-shared/contract/timing'
import type { Db, ReadDb } from '../db/schema'

/** The point's name as stored: `start` and `finish` in lower case, a split as the organiser named it. */
export async function requirePoint(db: ReadDb, point: string): Promise<string> {
  const builtIn = builtInPoints.find((p) => p === point.toLowerCase())
  if (builtIn !== undefined) return builtIn
  const split = await db.selectFrom('timing_point').select('name').where('name', '=', point).executeTakeFirst()
  if (split === undefined) {
    const splits = (await db.selectFrom('timing_point').select('name').execute()).map((s) => s.name)
    throw new CommandError('POINT_UNKNOWN', `There is no timing point called ${point} (points: ${[...builtInPoints, ...splits].join(', ')}).`, { point })
  }
  return split.name
}

export async function timingPoints(db: ReadDb) {
  const splits = await db.selectFrom('timing_point').select(['name', 'distance_m']).orderBy('distance_m').execute()
  const { read_window_ms } = await db.selectFrom('event').select('read_window_ms').where('id', '=', 1).executeTakeFirstOrThrow()
  return { splits: splits.map((s) => ({ name: s.name, distanceM: s.distance_m })), readWindowMs: read_window_ms }
}

/** The splits between start and finish, replaced as a whole, and the chip-read window. */
export async function setTimingPoints(db: Db, input: ParsedInput<'timing.setPoints'>) {
  await db.deleteFrom('timing_point').execute()
  if (input.splits.length > 0)
    await db
      .insertInto('timing_point')
      .values(input.splits.map((s) => ({ name: s.name, distance_m: s.distanceM })))
      .execute()
  if (input.readWindowMs !== undefined) await db.updateTable('event').set({ read_window_ms: input.readWindowMs }).where('id', '=', 1).execute()
  return timingPoints(db)
}
