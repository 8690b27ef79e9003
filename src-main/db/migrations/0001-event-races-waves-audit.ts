import { sql } from 'kysely'
import type { MigrationDb } from './migration'

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at_ms', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('race')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) =>
      c
        .notNull()
        .unique()
        .modifyEnd(sql`collate nocase`),
    )
    .addColumn('distance_m', 'integer', (c) => c.notNull().check(sql`distance_m > 0`))
    .addColumn('start_at_ms', 'integer')
    .addColumn('colour', 'text')
    .addColumn('created_at_ms', 'integer', (c) => c.notNull())
    .addColumn('updated_at_ms', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('race_bib_range')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('race_id', 'integer', (c) => c.notNull().references('race.id').onDelete('cascade'))
    .addColumn('first_bib', 'integer', (c) => c.notNull())
    .addColumn('last_bib', 'integer', (c) => c.notNull())
    .addCheckConstraint('race_bib_range_order', sql`first_bib <= last_bib`)
    .execute()
  await db.schema.createIndex('race_bib_range_race').on('race_bib_range').column('race_id').execute()

  await db.schema
    .createTable('wave')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('race_id', 'integer', (c) => c.notNull().references('race.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_at_ms', 'integer')
    .addUniqueConstraint('wave_race_name', ['race_id', 'name'])
    .execute()

  await db.schema
    .createTable('audit')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('command', 'text', (c) => c.notNull())
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('output_json', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('audit_at').on('audit').column('at_ms').execute()
}
