import { sql } from 'kysely'
import type { MigrationDb } from './migration'

// Results are derived, never typed in: what is stored here are the race's rules, the officials'
// status decisions (DNS, DNF, DQ, each with a reason; the latest counts, all are kept) and the
// problems an official has looked at before publishing.
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('race')
    .addColumn('ranking', 'text', (c) =>
      c
        .notNull()
        .defaultTo('gun')
        .check(sql`ranking in ('gun', 'net')`),
    )
    .execute()
  await db.schema
    .alterTable('race')
    .addColumn('precision', 'text', (c) =>
      c
        .notNull()
        .defaultTo('s')
        .check(sql`precision in ('s', 'ds', 'cs')`),
    )
    .execute()
  await db.schema
    .alterTable('race')
    .addColumn('award_overall', 'integer', (c) => c.notNull().defaultTo(3))
    .execute()
  await db.schema
    .alterTable('race')
    .addColumn('award_category', 'integer', (c) => c.notNull().defaultTo(3))
    .execute()
  await db.schema
    .alterTable('race')
    .addColumn('award_exclude_overall', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('result_override')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entrant_id', 'text', (c) => c.notNull().references('entrant.id').onDelete('cascade'))
    // Null: the decision withdrawn, the runner's status follows the times again.
    .addColumn('status', 'text', (c) => c.check(sql`status in ('DNS', 'DNF', 'DQ')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('result_override_entrant').on('result_override').columns(['entrant_id', 'id']).execute()

  await db.schema
    .createTable('result_problem_check')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('desk', 'text', (c) => c.notNull())
    .execute()
}
