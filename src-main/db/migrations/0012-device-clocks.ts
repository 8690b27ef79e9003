import { sql } from 'kysely'
import type { MigrationDb } from './migration'

// One clock for every device: each recording device's offset to the office's clock, measured
// again and again, and every capture and gun kept as the device gave it and as corrected.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('device_clock')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The clock measured: a device id, or a finish laptop's own file (its event clock id).
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('segment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('device_at_ms', 'integer', (c) => c.notNull())
    .addColumn('office_at_ms', 'integer', (c) => c.notNull())
    .addColumn('offset_ms', 'integer', (c) => c.notNull())
    .addColumn('uncertainty_ms', 'integer', (c) => c.notNull())
    .addColumn('round_trip_ms', 'integer')
    .addColumn('exchanges', 'integer', (c) => c.notNull().defaultTo(0))
    // The exchanges themselves, so a finish laptop's package can carry them to the office.
    .addColumn('exchanges_json', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // Where a package's measurement came from (its id there): the same package twice adds nothing.
    .addColumn('origin_id', 'text')
    .addColumn('recorrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_at_ms', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('device_clock_by_clock').on('device_clock').columns(['clock', 'id']).execute()
  await db.schema.createIndex('device_clock_by_instant').on('device_clock').columns(['clock', 'segment', 'device_at_ms']).execute()
  await db.schema.createIndex('device_clock_origin').on('device_clock').columns(['origin_id']).unique().where(sql.ref('origin_id'), 'is not', null).execute()

  for (const table of ['capture', 'clock'] as const) {
    await db.schema.alterTable(table).addColumn('device_at_ms', 'integer').execute()
    await db.schema.alterTable(table).addColumn('clock', 'text').execute()
    await db.schema
      .alterTable(table)
      .addColumn('clock_segment', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    await db.schema.alterTable(table).addColumn('offset_ms', 'integer').execute()
    await db.schema.alterTable(table).addColumn('offset_uncertainty_ms', 'integer').execute()
  }
  // What was recorded before clocks were measured was taken as the office's time.
  await sql`update capture set device_at_ms = at_ms`.execute(db)
  await sql`update clock set device_at_ms = gun_at_ms`.execute(db)
  await db.schema.createIndex('capture_by_clock').on('capture').columns(['clock', 'clock_segment', 'device_at_ms']).execute()

  // This file's own clock, named for the packages a finish laptop sends from it.
  await db.schema.alterTable('event').addColumn('clock_id', 'text').execute()
  await sql`update event set clock_id = 'file-' || lower(hex(randomblob(8)))`.execute(db)
  // A new file's event row is written after the migrations: it gets its clock id as it is written.
  await sql`create trigger event_clock_id after insert on event when new.clock_id is null
            begin update event set clock_id = 'file-' || lower(hex(randomblob(8))) where id = new.id; end`.execute(db)
}
