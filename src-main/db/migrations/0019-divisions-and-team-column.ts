import type { MigrationDb } from './migration'

// Divisions of the organiser's own (a runner's list, as JSON) and a team apart from the club;
// per race: the divisions awarded, where teams come from, how many teams are awarded, and age
// bands adapted to the field.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('entrant').addColumn('team', 'text').execute()
  await db.schema.alterTable('entrant').addColumn('divisions', 'text').execute()
  await db.schema
    .alterTable('race')
    .addColumn('award_divisions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('race')
    .addColumn('team_from', 'text', (c) => c.notNull().defaultTo('club'))
    .execute()
  await db.schema
    .alterTable('race')
    .addColumn('award_teams', 'integer', (c) => c.notNull().defaultTo(3))
    .execute()
  await db.schema.alterTable('race').addColumn('band_adapt', 'text').execute()
  await db.schema
    .alterTable('race')
    .addColumn('band_adapt_runners', 'integer', (c) => c.notNull().defaultTo(10))
    .execute()
}
