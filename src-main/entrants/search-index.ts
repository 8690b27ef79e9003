import { searchTerms } from '../../src-shared/search/fold'
import type { Db } from '../db/schema'

/** Writes an entrant's name tokens to the FTS index, in the caller's transaction. */
export async function indexEntrant(db: Db, num: number, name: { givenName: string; familyName: string; secondName: string | null }): Promise<void> {
  await unindexEntrant(db, num)
  await db
    .insertInto('entrant_search')
    .values({ rowid: num, terms: searchTerms(name).join(' ') })
    .execute()
}

export async function unindexEntrant(db: Db, num: number): Promise<void> {
  await db.deleteFrom('entrant_search').where('rowid', '=', num).execute()
}
