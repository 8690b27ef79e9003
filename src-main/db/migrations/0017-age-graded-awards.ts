import type { MigrationDb } from './migration'

// Age-graded awards: the top N of each sex by age grade, none by default (a race asks for them).
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('race')
    .addColumn('award_age_graded', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
