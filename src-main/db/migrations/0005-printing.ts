import type { MigrationDb } from './migration'

// What the runner's last printed bib said (number, name, race, wave, reference: a bib whose face
// has changed since is "not yet printed" again), and the organiser's logo printed on bibs.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('entrant').addColumn('bib_printed_as', 'text').execute()
  await db.schema.alterTable('entrant').addColumn('bib_printed_at_ms', 'integer').execute()
  await db.schema.alterTable('event').addColumn('logo', 'blob').execute()
}
