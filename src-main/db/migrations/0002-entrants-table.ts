import type { MigrationDb } from './migration'

// The entrant's core: enough for races to know they are in use. The entrants feature
// adds its remaining columns in its own migrations.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('entrant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('race_id', 'integer', (c) => c.notNull().references('race.id').onDelete('restrict'))
    .addColumn('bib', 'integer', (c) => c.unique())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('created_at_ms', 'integer', (c) => c.notNull())
    .addColumn('updated_at_ms', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('entrant_race').on('entrant').column('race_id').execute()
}
