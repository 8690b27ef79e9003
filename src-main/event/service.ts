import { CommandError, type EventSettings } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { Db, ReadDb } from '../db/schema'
import { recomputeCategories } from '../entrants/category'

export async function getEvent(db: ReadDb): Promise<EventSettings> {
  const row = await db
    .selectFrom('event')
    .select(['name', 'date', 'time_zone', 'place', (eb) => eb('logo', 'is not', null).as('has_logo')])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  return { name: row.name, date: row.date, timeZone: row.time_zone, place: row.place, hasLogo: Boolean(row.has_logo) }
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

/** The logo printed on bibs: a PNG or JPEG that the PDF writer can read, or null to remove it. */
export async function setLogo(db: Db, imageBase64: string | null, nowMs: number): Promise<EventSettings> {
  const image = imageBase64 === null ? null : Buffer.from(imageBase64, 'base64')
  if (image !== null) {
    if (imageType(image) === null) throw new CommandError('LOGO_UNREADABLE', 'The logo must be a PNG or JPEG image.')
    try {
      const { default: PDFDocument } = await import('pdfkit')
      new PDFDocument({ autoFirstPage: false }).openImage(image)
    } catch {
      throw new CommandError('LOGO_UNREADABLE', 'The logo image is damaged or of a kind that cannot be printed (try saving it again as PNG).')
    }
  }
  await db.updateTable('event').set({ logo: image, updated_at_ms: nowMs }).where('id', '=', 1).execute()
  return getEvent(db)
}

export async function getLogo(db: ReadDb): Promise<{ imageBase64: string | null; type: 'image/png' | 'image/jpeg' | null }> {
  const row = await db.selectFrom('event').select('logo').where('id', '=', 1).executeTakeFirstOrThrow()
  if (row.logo === null) return { imageBase64: null, type: null }
  const image = Buffer.from(row.logo)
  return { imageBase64: image.toString('base64'), type: imageType(image) }
}

function imageType(image: Buffer): 'image/png' | 'image/jpeg' | null {
  if (image.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (image[0] === 0xff && image[1] === 0xd8 && image[2] === 0xff) return 'image/jpeg'
  return null
}
