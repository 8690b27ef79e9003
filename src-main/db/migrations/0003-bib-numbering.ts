import { sql } from 'kysely'
import type { MigrationDb } from './migration'

export async function up(db: MigrationDb): Promise<void> {
  // How a race numbers its runners: registration | alphabetical | predicted | fill.
  await db.schema
    .alterTable('race')
    .addColumn('bib_rule', 'text', (c) => c.notNull().defaultTo('registration'))
    .execute()
  // A predicted finish time from the registration, for numbering into corrals.
  await db.schema.alterTable('entrant').addColumn('predicted_time_ms', 'integer').execute()

  // Numbers held back from automatic assignment: for elites, VIPs, walk-ups …
  await db.schema
    .createTable('bib_reservation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('race_id', 'integer', (c) => c.notNull().references('race.id').onDelete('cascade'))
    .addColumn('first_bib', 'integer', (c) => c.notNull())
    .addColumn('last_bib', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addCheckConstraint('bib_reservation_order', sql`first_bib <= last_bib`)
    .execute()

  // Numbers never printed in this event (13, 666 …), the organiser's list.
  await db.schema
    .createTable('bib_exclusion')
    .addColumn('bib', 'integer', (c) => c.primaryKey())
    .execute()

  // Lost or damaged bibs: never handed out again.
  await db.schema
    .createTable('bib_void')
    .addColumn('bib', 'integer', (c) => c.primaryKey())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute()

  // Every change of a runner's number, with why, who and when.
  await db.schema
    .createTable('bib_event')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('entrant_id', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('assign', 'swap', 'void', 'clear')`))
    .addColumn('from_bib', 'integer')
    .addColumn('to_bib', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('bib_event_entrant').on('bib_event').columns(['entrant_id', 'at_ms']).execute()
}
