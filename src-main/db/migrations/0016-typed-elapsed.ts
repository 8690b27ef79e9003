import type { MigrationDb } from './migration'

// A time typed as elapsed from a race's gun (a stopwatch tape, a timer file) is stored as an
// instant like every other capture; the elapsed time it was typed as is kept beside it, so that a
// corrected gun moves it with the gun, as the stopwatch that started with the gun would have.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('typed_elapsed')
    .addColumn('capture_id', 'text', (c) => c.primaryKey().references('capture.id'))
    .addColumn('race_id', 'integer', (c) => c.notNull())
    .addColumn('wave_id', 'integer')
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('typed_elapsed_race').on('typed_elapsed').column('race_id').execute()
}
