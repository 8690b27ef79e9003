import type { MigrationDb } from './migration'

// Which number was last printed for a runner (a bib changed since is "not yet printed" again),
// and the organiser's logo printed on bibs.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('entrant').addColumn('bib_printed', 'integer').execute()
  await db.schema.alterTable('entrant').addColumn('bib_printed_at_ms', 'integer').execute()
  await db.schema.alterTable('event').addColumn('logo', 'blob').execute()
}
