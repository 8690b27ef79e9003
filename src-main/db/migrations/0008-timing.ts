import { sql } from 'kysely'
import type { MigrationDb } from './migration'

// The finish line: race clocks (every gun and every correction kept), captures from the finish
// desks (times, bibs typed in finish order, or both), their corrections as history, split points,
// and the raw reads of chip timing systems. Captures and clocks carry time-ordered ids, so a
// finish laptop's copy merges into the office file idempotently.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('timing_point')
    .addColumn('name', 'text', (c) => c.primaryKey().modifyEnd(sql`collate nocase`))
    .addColumn('distance_m', 'integer', (c) => c.notNull().check(sql`distance_m > 0`))
    .execute()

  await db.schema
    .createTable('clock')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('race_id', 'integer', (c) => c.notNull().references('race.id').onDelete('cascade'))
    .addColumn('wave_id', 'integer', (c) => c.references('wave.id').onDelete('cascade'))
    .addColumn('gun_at_ms', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('recorded_at_ms', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('clock_race').on('clock').columns(['race_id', 'wave_id', 'id']).execute()

  await db.schema
    .createTable('capture')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('point', 'text', (c) => c.notNull())
    // The instant the runner crossed; null for a bib typed on its own, waiting for a time.
    .addColumn('at_ms', 'integer')
    .addColumn('bib', 'integer')
    // Order among bibs typed on their own (their entry instant; a gap goes between two).
    .addColumn('position', 'real', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('state_reason', 'text')
    .addColumn('created_at_ms', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .addUniqueConstraint('capture_device_seq', ['device', 'seq'])
    .execute()
  // A capture's place and its bib are counts over these (see timing/captures.ts): index-only.
  await db.schema.createIndex('capture_time_order').on('capture').columns(['point', 'state', 'at_ms', 'id', 'bib']).execute()
  await db.schema.createIndex('capture_entry_order').on('capture').columns(['point', 'state', 'position', 'id']).where(sql.ref('at_ms'), 'is', null).execute()
  await db.schema.createIndex('capture_bib').on('capture').column('bib').execute()

  await db.schema
    .createTable('capture_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('capture_id', 'text', (c) => c.notNull().references('capture.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('after_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('capture_change_capture').on('capture_change').columns(['capture_id', 'id']).execute()

  await db.schema
    .createTable('chip_read')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('chip', 'text')
    .addColumn('bib', 'integer')
    .addColumn('point', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('reader', 'text')
    .addColumn('line', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('chip_read_point_bib').on('chip_read').columns(['point', 'bib', 'at_ms']).execute()
  // The same file imported twice adds nothing: a read is its chip or bib, point and instant.
  await db.schema
    .createIndex('chip_read_unique')
    .on('chip_read')
    .unique()
    .expression(sql`coalesce(chip, ''), coalesce(bib, -1), point, at_ms`)
    .execute()

  await db.schema
    .alterTable('event')
    .addColumn('read_window_ms', 'integer', (c) => c.notNull().defaultTo(10_000))
    .execute()
}
