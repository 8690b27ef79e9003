import type { MigrationDb } from './migration'

// The audit row remembers which runner a change was about, the runner as they were before and
// after it (for the Audit view's before → after, and for undo), and whether it was undone.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('audit').addColumn('entrant_id', 'text').execute()
  await db.schema.alterTable('audit').addColumn('before_json', 'text').execute()
  await db.schema.alterTable('audit').addColumn('after_json', 'text').execute()
  await db.schema.alterTable('audit').addColumn('undone_at_ms', 'integer').execute()
  await db.schema.alterTable('audit').addColumn('undone_by', 'text').execute()
  await db.schema.createIndex('audit_entrant').on('audit').columns(['entrant_id', 'id']).execute()
}
