import type { EventSettings } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { Db } from '../db/open'
import { recomputeCategories } from '../entrants/category'

export async function getEvent(db: Db): Promise<EventSettings> {
  const row = await db.selectFrom('event').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  return { name: row.name, date: row.date, timeZone: row.time_zone, place: row.place }
}

export async function updateEvent(db: Db, input: ParsedInput<'event.update'>, nowMs: number): Promise<EventSettings> {
  await db
    .updateTable('event')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.date !== undefined && { date: input.date }),
      ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
      ...(input.place !== undefined && { place: input.place }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', 1)
    .execute()
  // Categories follow age on race day: a new date can move runners into another band.
  if (input.date !== undefined) await recomputeCategories(db)
  return getEvent(db)
}
