import type SqliteDatabase from 'better-sqlite3'
import { CommandError } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { ReadDb } from '../db/schema'
import type { DecoderLink, LinkSettings } from './decoder-links'
import { timeReader } from './read-times'
import { storeReads, timingPointNamed } from './reads'

/** What a link needs to read its decoder's times as instants: the event's zone and date, the point, the anchor. */
export async function linkSettings(db: ReadDb, input: ParsedInput<'decoder.connect'>): Promise<LinkSettings> {
  const point = await timingPointNamed(db, input.point)
  const event = await db.selectFrom('event').select(['date', 'time_zone']).where('id', '=', 1).executeTakeFirstOrThrow()
  const times = timeReader(event.date, event.time_zone)
  const anchorMs = input.anchor === undefined ? null : times.timeOfDay(input.anchor)
  if (input.anchor !== undefined && anchorMs === null)
    throw new CommandError('INVALID_INPUT', `"${input.anchor}" is not a time of day (HH:MM:SS) or an instant: say when the decoder was switched on.`)
  return {
    host: input.host,
    port: input.port,
    protocol: input.protocol,
    format: input.format,
    point,
    clock: { wall: times.wall, eventDate: event.date, anchorMs },
  }
}

/** A link's waiting reads, into the file under the link's id (a read already there adds nothing). */
export async function takeReads(sqlite: SqliteDatabase.Database, link: DecoderLink): Promise<{ stored: number; duplicates: number }> {
  const reads = link.waiting()
  const stored = storeReads(sqlite, `decoder:${link.id}`, reads)
  return { stored, duplicates: reads.length - stored }
}
