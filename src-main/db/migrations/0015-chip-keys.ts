import { sql } from 'kysely'
import type { MigrationDb } from './migration'

// A chip is matched to its runner by its key: as the chip file and the decoders write it, but in
// capitals and without leading zeros (a decoder writes 58003 for the chip file's 058003).
const key = (column: string) => sql.raw(`case when ltrim(trim(${column}), '0') = '' then '0' else upper(ltrim(trim(${column}), '0')) end`)

export async function up(db: MigrationDb): Promise<void> {
  // A code whose key another chip already has is the same chip twice over: the first one stays.
  await sql`update or ignore chip set code = ${key('code')} where code != ${key('code')}`.execute(db)
  await sql`delete from chip where code != ${key('code')}`.execute(db)
  // A read left behind by the update is one the file already has under the key.
  await sql`update or ignore chip_read set chip = ${key('chip')} where chip is not null and chip != ${key('chip')}`.execute(db)
  await sql`delete from chip_read where chip is not null and chip != ${key('chip')}`.execute(db)
}
