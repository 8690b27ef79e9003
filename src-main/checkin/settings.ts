import { sql } from 'kysely'
import { checkinConfirmations, type CheckinConfirmation } from '../../src-shared/contract/checkin'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { Db, ReadDb } from '../db/schema'

export interface CheckinSettings {
  confirmations: CheckinConfirmation[]
  items: string[]
  shirts: { size: string; stock: number }[]
  tables: { name: string; first: number; last: number }[]
}

export async function checkinSettings(db: ReadDb): Promise<CheckinSettings> {
  const [event, shirts, tables] = await Promise.all([
    db.selectFrom('event').select(['checkin_confirmations', 'checkin_items']).where('id', '=', 1).executeTakeFirstOrThrow(),
    db.selectFrom('shirt_stock').select(['size', 'stock']).orderBy('position').execute(),
    db.selectFrom('pickup_table').select(['name', 'first_bib as first', 'last_bib as last']).orderBy('first_bib').execute(),
  ])
  const confirmations = (JSON.parse(event.checkin_confirmations) as string[]).filter((c): c is CheckinConfirmation =>
    (checkinConfirmations as readonly string[]).includes(c),
  )
  return { confirmations, items: JSON.parse(event.checkin_items) as string[], shirts, tables }
}

export async function configureCheckin(db: Db, input: ParsedInput<'checkin.configure'>): Promise<CheckinSettings> {
  if (input.confirmations !== undefined) {
    const ordered = checkinConfirmations.filter((c) => input.confirmations?.includes(c))
    await db
      .updateTable('event')
      .set({ checkin_confirmations: JSON.stringify(ordered) })
      .where('id', '=', 1)
      .execute()
  }
  if (input.items !== undefined)
    await db
      .updateTable('event')
      .set({ checkin_items: JSON.stringify(input.items) })
      .where('id', '=', 1)
      .execute()
  if (input.shirts !== undefined) {
    await db.deleteFrom('shirt_stock').execute()
    if (input.shirts.length > 0)
      await db
        .insertInto('shirt_stock')
        .values(input.shirts.map((s, position) => ({ size: s.size, stock: s.stock, position })))
        .execute()
  }
  if (input.tables !== undefined) {
    await db.deleteFrom('pickup_table').execute()
    if (input.tables.length > 0)
      await db
        .insertInto('pickup_table')
        .values(input.tables.map((t) => ({ name: t.name, first_bib: t.first, last_bib: t.last })))
        .execute()
  }
  return checkinSettings(db)
}

/** Shirts handed over so far, by size as stocked (sizes compare without case). */
export async function shirtsHandedOut(db: ReadDb, size?: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('checkin')
    .select([sql<string>`lower(shirt_size)`.as('size'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('undone_at_ms', 'is', null)
    .where('shirt_size', 'is not', null)
    .$if(size !== undefined, (q) => q.where(sql<boolean>`shirt_size = ${size} collate nocase`))
    .groupBy(sql`lower(shirt_size)`)
    .execute()
  return new Map(rows.map((r) => [r.size, Number(r.count)]))
}

/** Shirts of a size still on the table, or null when the organiser does not count that size. */
export async function shirtsLeft(db: ReadDb, size: string | null): Promise<number | null> {
  if (size === null) return null
  const stock = await db
    .selectFrom('shirt_stock')
    .select('stock')
    .where(sql<boolean>`size = ${size} collate nocase`)
    .executeTakeFirst()
  if (stock === undefined) return null
  return stock.stock - ((await shirtsHandedOut(db, size)).get(size.toLowerCase()) ?? 0)
}

/** The table whose bib range holds this bib: where a self-checked-in runner collects their bag. */
export async function tableFor(db: ReadDb, bib: number | null): Promise<string | null> {
  if (bib === null) return null
  const table = await db
    .selectFrom('pickup_table')
    .select('name')
    .where('first_bib', '<=', bib)
    .where('last_bib', '>=', bib)
    .orderBy('first_bib')
    .executeTakeFirst()
  return table?.name ?? null
}
