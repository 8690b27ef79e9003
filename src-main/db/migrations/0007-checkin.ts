import { sql } from 'kysely'
import type { MigrationDb } from './migration'

// Packet pickup: check-ins (kept when undone), the organiser's check-in settings, shirt stock,
// bag tables for the self check-in kiosk, walk-up payments and desk notes, races that hand out
// bibs at pickup, and the desks paired over the local network.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('checkin')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entrant_id', 'text', (c) => c.notNull().references('entrant.id').onDelete('cascade'))
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('confirmed_json', 'text', (c) => c.notNull())
    // The size of the shirt handed over, for the stock count (null: no shirt given).
    .addColumn('shirt_size', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('undone_at_ms', 'integer')
    .addColumn('undone_by', 'text')
    .addColumn('undone_desk', 'text')
    .execute()
  await db.schema.createIndex('checkin_entrant').on('checkin').columns(['entrant_id', 'at_ms']).execute()
  await db.schema.createIndex('checkin_desk').on('checkin').columns(['desk', 'at_ms']).execute()

  await db.schema
    .createTable('shirt_stock')
    .addColumn('size', 'text', (c) => c.primaryKey().modifyEnd(sql`collate nocase`))
    .addColumn('stock', 'integer', (c) => c.notNull().check(sql`stock >= 0`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('pickup_table')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('first_bib', 'integer', (c) => c.notNull())
    .addColumn('last_bib', 'integer', (c) => c.notNull())
    .addCheckConstraint('pickup_table_order', sql`first_bib <= last_bib`)
    .execute()

  await db.schema
    .alterTable('event')
    .addColumn('checkin_confirmations', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('event')
    .addColumn('checkin_items', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('race')
    .addColumn('bibs_at_pickup', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // The desks' counters (picked up / total per race) count through this index alone.
  await db.schema.createIndex('entrant_race_status').on('entrant').columns(['race_id', 'status']).execute()
  await db.schema.alterTable('entrant').addColumn('notes', 'text').execute()
  await db.schema.alterTable('entrant').addColumn('payment_method', 'text').execute()
  await db.schema.alterTable('entrant').addColumn('payment_amount', 'text').execute()
  await db.schema
    .alterTable('entrant')
    .addColumn('walk_up', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  // Desks paired over the local network: only a hash of each token is kept.
  await db.schema
    .createTable('desk')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('desk', 'finish', 'viewer')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('paired_at_ms', 'integer', (c) => c.notNull())
    .addColumn('revoked_at_ms', 'integer')
    .execute()
}
