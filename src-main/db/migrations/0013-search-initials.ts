import { sql } from 'kysely'
import { searchTerms } from '../../../src-shared/search/fold'
import type { MigrationDb } from './migration'

// Runners found by initials as desks type them (`kim mj`, `jsmith`): every name's search terms
// written anew. The index is derived from the names alone, so this rebuilds it with the terms of
// the version that opens the file; nothing else is read or changed.
export async function up(db: MigrationDb): Promise<void> {
  const names = await sql<{
    num: number
    given_name: string
    family_name: string
    second_name: string | null
  }>`select num, given_name, family_name, second_name from entrant`.execute(db)
  await sql`insert into entrant_search (entrant_search) values ('delete-all')`.execute(db)
  // Several hundred rows a statement: a 50,000-runner file opens in about a second, not ten.
  for (let from = 0; from < names.rows.length; from += 400) {
    const values = names.rows.slice(from, from + 400).map((name) => {
      const terms = searchTerms({ givenName: name.given_name, familyName: name.family_name, secondName: name.second_name }).join(' ')
      return sql`(${name.num}, ${terms})`
    })
    await sql`insert into entrant_search (rowid, terms) values ${sql.join(values)}`.execute(db)
  }
}
