import type { MigrationDb } from './migration'

// Which wave (or corral) a runner starts in, and the order of a race's waves; a wave removed from
// its race leaves its runners unseeded.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('wave')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('entrant')
    .addColumn('wave_id', 'integer', (c) => c.references('wave.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('entrant_wave').on('entrant').column('wave_id').execute()
}
