import type { SearchHit } from '../../src-shared/contract'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { readBibScanCode } from '../../src-shared/contract/scan-code'
import { fold, initialsOf, words } from '../../src-shared/search/fold'
import { sql } from 'kysely'
import type { ReadDb } from '../db/schema'

/**
 * How many name matches are ranked before the best are shown: ranking costs about 8 µs a
 * candidate (200 doubled a search's time again). A prefix matching thousands is narrowed by the
 * volunteer's next letter anyway; in a real field, half the runners share their first three
 * family-name letters with 24 others or fewer.
 */
const rankedCandidates = 64

/**
 * One box for everything a volunteer types or scans: a bib, a registration reference, or any
 * prefix of any words of a name, in any order and any script, or initials (`kim mj`, `jsmith`).
 * Exact bib and reference matches come first, then names, best first: see `rankNames`.
 * `desk`: who is searching; the race that desk mostly serves comes first among equals.
 */
export async function searchEntrants(db: ReadDb, input: ParsedInput<'entrants.search'>, desk: string | null = null): Promise<{ items: SearchHit[] }> {
  const scanned = readBibScanCode(input.query)
  if (scanned !== null) return bibScanned(db, scanned.bib)
  const query = fold(input.query).trim()
  if (query === '') return { items: [] }
  const found: number[] = []

  // Two lookups, not one OR: each uses its own index.
  const byRef = db
    .selectFrom('entrant')
    .select('num')
    .where('ref', '=', sql<string>`${query} collate nocase`)
  const exact = /^\d{1,7}$/.test(query)
    ? await byRef.union(db.selectFrom('entrant').select('num').where('bib', '=', Number(query))).execute()
    : await byRef.execute()
  for (const row of exact) found.push(row.num)

  // Whole words first (Kim before Kimberly), then prefixes, each walking the index in entrant
  // order up to a bound: scoring every runner whose name starts with "k" would cost
  // milliseconds, and the volunteer's next letter narrows the list anyway.
  const tokens = words(query)
  const seen = new Set(found)
  const named: number[] = []
  for (const star of ['', '*']) {
    if (tokens.length === 0 || named.length >= rankedCandidates) break
    const match = tokens.map((token) => `"${token.replaceAll('"', '""')}"${star}`).join(' ')
    const rows = await db
      .selectFrom('entrant_search')
      .select('rowid')
      .where(sql<boolean>`entrant_search match ${match}`)
      .limit(rankedCandidates)
      .execute()
    for (const { rowid } of rows) {
      if (seen.has(rowid)) continue
      seen.add(rowid)
      named.push(rowid)
    }
  }
  const ranked = named.length <= 1 ? named : await rankNames(db, tokens, named.slice(0, rankedCandidates), desk === null ? null : await deskRaceOf(db, desk))
  const shown = [...found, ...ranked].slice(0, input.limit)
  const rows = await hitRows(db, shown)
  return { items: shown.flatMap((num) => hitOf(rows.get(num))) }
}

/**
 * The order a volunteer finds a runner fastest in, for what was typed (family name first, as
 * a desk asks for it): the family name typed whole before one it only begins (Lee before
 * Leeds), with the rest of the words fitting the given name; then runners not yet picked up
 * before those who have been; then the desk's own race; then as the index found them.
 */
async function rankNames(db: ReadDb, tokens: string[], nums: number[], deskRaceId: number | null): Promise<number[]> {
  const rows = new Map(
    (
      await db
        .selectFrom('entrant')
        .select(['num', 'given_name', 'family_name', 'race_id', 'status'])
        .where('num', 'in', sql<number>`(select value from json_each(${JSON.stringify(nums)}))`)
        .execute()
    ).map((row) => [row.num, row]),
  )
  const [first = '', ...rest] = tokens
  const fit = (row: { given_name: string; family_name: string }): number => {
    const family = words(row.family_name)
    const given = words(row.given_name)
    const familyJoined = family.join('')
    // Written as one word: the given name's initial before the family name (jsmith), or the
    // whole name family first (김민준, kimminjun).
    const asOneWord = [`${given[0]?.[0] ?? ''}${familyJoined}`, familyJoined + given.join('')]
    if (!rest.every((token) => given.some((word) => word.startsWith(token)) || initialsOf(given).startsWith(token))) return 2
    if (
      family.includes(first) ||
      familyJoined === first ||
      asOneWord.includes(first) ||
      ((asOneWord[1] as string).startsWith(first) && first.length > familyJoined.length)
    )
      return 0
    if (familyJoined.startsWith(first) || family.some((word) => word.startsWith(first)) || (first.length > 1 && (asOneWord[0] as string).startsWith(first)))
      return 1
    return 2
  }
  const keyed = nums.flatMap((num, order) => {
    const row = rows.get(num)
    return row === undefined
      ? []
      : [{ num, key: [fit(row), row.status === 'registered' ? 0 : 1, deskRaceId === null || row.race_id === deskRaceId ? 0 : 1, order] }]
  })
  keyed.sort((a, b) => compareKeys(a.key, b.key))
  return keyed.map((row) => row.num)
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number)
  return 0
}

/** The race most of this desk's last check-ins were for: the desk's race, if it has one. */
async function deskRaceOf(db: ReadDb, desk: string): Promise<number | null> {
  const recent = await db
    .selectFrom('checkin')
    .innerJoin('entrant', 'entrant.id', 'checkin.entrant_id')
    .select('entrant.race_id')
    .where('checkin.desk', '=', desk)
    .where('checkin.undone_at_ms', 'is', null)
    .orderBy('checkin.at_ms', 'desc')
    .limit(20)
    .execute()
  const counts = new Map<number, number>()
  for (const { race_id } of recent) counts.set(race_id, (counts.get(race_id) ?? 0) + 1)
  const [top] = [...counts].sort((a, b) => b[1] - a[1])
  // A desk that serves every race has no race of its own: only a clear majority counts.
  return top !== undefined && top[1] * 2 > recent.length ? top[0] : null
}

/** What a hit shows of each of these runners, by entrant number (one query, one parameter). */
async function hitRows(db: ReadDb, nums: number[]) {
  if (nums.length === 0) return new Map<number, never>()
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
    .where('entrant.num', 'in', sql<number>`(select value from json_each(${JSON.stringify(nums)}))`)
    .execute()
  return new Map(rows.map((row) => [row.num, row]))
}

type HitRow = Awaited<ReturnType<typeof hitRows>> extends Map<number, infer Row> ? Row : never

function hitOf(row: HitRow | undefined): SearchHit[] {
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
}

/** A bib's QR code or barcode, scanned: the runner holding that number now (after a swap too). */
async function bibScanned(db: ReadDb, bib: number): Promise<{ items: SearchHit[] }> {
  const holder = await db.selectFrom('entrant').select('num').where('bib', '=', bib).executeTakeFirst()
  return { items: holder === undefined ? [] : hitOf((await hitRows(db, [holder.num])).get(holder.num)) }
}
