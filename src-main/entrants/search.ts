import type { SearchHit } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { readBibScanCode } from '../../src-shared/contract/scan-code'
import { fold, words } from '../../src-shared/search/fold'
import { sql } from 'kysely'
import type { Db } from '../db/open'

/**
 * One box for everything a volunteer types or scans: a bib, a registration reference, or any
 * prefix of any words of a name, in any order and any script. Exact bib and reference matches
 * come first, then names.
 */
export async function searchEntrants(db: Db, input: ParsedInput<'entrants.search'>): Promise<{ items: SearchHit[] }> {
  const scanned = readBibScanCode(input.query)
  if (scanned !== null) return bibScanned(db, scanned.bib)
  const query = fold(input.query).trim()
  if (query === '') return { items: [] }
  const found: number[] = []

  // Two lookups, not one OR: each uses its own index.
  const byRef = db.selectFrom('entrant').select('num').where('ref', '=', sql<string>`${query} collate nocase`)
  const exact = /^\d{1,7}$/.test(query) ? await byRef.union(db.selectFrom('entrant').select('num').where('bib', '=', Number(query))).execute() : await byRef.execute()
  for (const row of exact) found.push(row.num)

  // Whole words first (Kim before Kimberly), then prefixes. Neither is ranked by bm25: scoring
  // every runner whose name starts with "k" costs milliseconds, and the volunteer's next letter
  // narrows the list anyway. Both stop at the limit, walking the index in entrant order.
  const tokens = words(query)
  for (const star of ['', '*']) {
    if (tokens.length === 0 || found.length >= input.limit) break
    const match = tokens.map((token) => `"${token.replaceAll('"', '""')}"${star}`).join(' ')
    const named = await db
      .selectFrom('entrant_search')
      .select('rowid')
      .where(sql<boolean>`entrant_search match ${match}`)
      .limit(input.limit + found.length)
      .execute()
    for (const row of named) if (!found.includes(row.rowid)) found.push(row.rowid)
  }
  return hitsOf(db, found.slice(0, input.limit))
}

/** The runners with these entrant numbers, as search hits in the same order. */
async function hitsOf(db: Db, nums: number[]): Promise<{ items: SearchHit[] }> {
  if (nums.length === 0) return { items: [] }
  const rows = await db
    .selectFrom('entrant')
    .innerJoin('race', 'race.id', 'entrant.race_id')
    .select([
      'entrant.num',
      'entrant.id',
      'entrant.bib',
      'entrant.given_name',
      'entrant.family_name',
      'entrant.second_name',
      'entrant.ref',
      'entrant.birth_date',
      'entrant.club',
      'entrant.race_id',
      'race.name as race',
      'entrant.category',
      'entrant.status',
    ])
    .where('entrant.num', 'in', nums)
    .execute()
  const byNum = new Map(rows.map((row) => [row.num, row]))
  const items = nums.flatMap((num) => {
    const row = byNum.get(num)
    return row === undefined
      ? []
      : [
          {
            id: row.id,
            bib: row.bib,
            givenName: row.given_name,
            familyName: row.family_name,
            secondName: row.second_name,
            ref: row.ref,
            birthYear: row.birth_date === null ? null : Number(row.birth_date.slice(0, 4)),
            club: row.club,
            raceId: row.race_id,
            race: row.race,
            category: row.category,
            status: row.status,
          },
        ]
  })
  return { items }
}

/** A bib's QR code or barcode, scanned: the runner holding that number now (after a swap too). */
async function bibScanned(db: Db, bib: number): Promise<{ items: SearchHit[] }> {
  const holder = await db.selectFrom('entrant').select('num').where('bib', '=', bib).executeTakeFirst()
  return holder === undefined ? { items: [] } : hitsOf(db, [holder.num])
}
