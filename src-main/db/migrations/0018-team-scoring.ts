import type { MigrationDb } from './migration'

// Team scoring per race: none until the organiser sets it (team_score null).
export async function up(db: MigrationDb): Promise<void> {
  const columns = [
    ['team_score', 'text', null],
    ['team_size', 'integer', 4],
    ['team_sex', 'text', 'open'],
    ['team_mixed_min', 'integer', 1],
    ['team_places', 'text', 'team'],
  ] as const
  for (const [name, type, fallback] of columns)
    await db.schema
      .alterTable('race')
      .addColumn(name, type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
      .execute()
}
