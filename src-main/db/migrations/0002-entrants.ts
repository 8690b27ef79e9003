import { sql } from 'kysely'
import type { MigrationDb } from './migration'

export async function up(db: MigrationDb): Promise<void> {
  // JSON list of the organiser's bands; null means World Athletics masters bands.
  await db.schema.alterTable('race').addColumn('category_bands', 'text').execute()

  await db.schema
    .createTable('entrant')
    // An integer key that VACUUM never renumbers: the search index refers to entrants by it.
    .addColumn('num', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('race_id', 'integer', (c) => c.notNull().references('race.id').onDelete('restrict'))
    .addColumn('bib', 'integer', (c) => c.unique())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('second_name', 'text')
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('F', 'M', 'X')`))
    .addColumn('birth_date', 'text')
    .addColumn('age', 'integer')
    // Derived from sex, age on race day and the race's bands; kept for sorting and filtering.
    .addColumn('category', 'text')
    .addColumn('nationality', 'text')
    .addColumn('club', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('emergency_name', 'text')
    .addColumn('emergency_phone', 'text')
    .addColumn('shirt_size', 'text')
    .addColumn('ref', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('registered')
        .check(sql`status in ('registered', 'checked-in', 'withdrawn')`),
    )
    .addColumn('created_at_ms', 'integer', (c) => c.notNull())
    .addColumn('updated_at_ms', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('entrant_race').on('entrant').column('race_id').execute()
  await db.schema.createIndex('entrant_family_name').on('entrant').columns(['family_name', 'given_name']).execute()
  await db.schema.createIndex('entrant_category').on('entrant').column('category').execute()
  // Registration references are codes people read out and type: "rr-77" is "RR-77".
  await sql`create unique index entrant_ref on entrant (ref collate nocase)`.execute(db)

  // Folded name tokens (see src-shared/search/fold.ts), written in the same transaction as the
  // entrant. Prefix indexes for one and two letters, where a prefix matches thousands of names;
  // a third index cost more on import (about 0.3 s for 50,000 runners) than it saved in search.
  await sql`create virtual table entrant_search using fts5(terms, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2", prefix='1 2')`.execute(
    db,
  )

  // Column mappings an organiser confirmed, by the file's header row, for the next export.
  await db.schema
    .createTable('import_mapping')
    .addColumn('headers_key', 'text', (c) => c.primaryKey())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at_ms', 'integer', (c) => c.notNull())
    .execute()
}
