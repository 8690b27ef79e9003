import type { MigrationDb } from './migration'

// Chip code → bib, from the timing company's file: chip reads are matched to runners by it.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('chip')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('bib', 'integer', (c) => c.notNull())
    .addColumn('updated_at_ms', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('chip_bib').on('chip').column('bib').execute()
}
