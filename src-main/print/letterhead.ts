import type { ReadDb } from '../db/schema'

/** What every printed document carries of the event: its name and the organiser's logo. */
export interface Letterhead {
  eventName: string
  logo: Buffer | null
}

export async function loadLetterhead(db: ReadDb): Promise<Letterhead> {
  const event = await db.selectFrom('event').select(['name', 'logo']).where('id', '=', 1).executeTakeFirstOrThrow()
  return { eventName: event.name, logo: event.logo === null ? null : Buffer.from(event.logo) }
}
