import { sql } from 'kysely'
import type { MigrationDb } from './migration'

// A finish laptop's package no longer chooses the ids of what the office stores: each capture,
// correction and gun gets the office's own id, and the package's id is kept beside it so that
// the same package twice still adds nothing.
export async function up(db: MigrationDb): Promise<void> {
  for (const table of ['capture', 'capture_change', 'clock'] as const) {
    await db.schema.alterTable(table).addColumn('origin_id', 'text').execute()
    await db.schema.createIndex(`${table}_origin`).on(table).column('origin_id').unique().where(sql.ref('origin_id'), 'is not', null).execute()
  }
}
