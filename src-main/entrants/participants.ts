import Papa from 'papaparse'
import { ageOnDay } from '../../src-shared/categories/categories'
import type { ParsedInput } from '../../src-shared/contract/commands'
import type { ReadDb } from '../db/schema'
import { fileNameOf } from '../print/document'
import { asText } from '../results/csv'

/** The columns of the participant file, in order: what a timing system's import maps (see the README). */
export const participantColumns = [
  'bib',
  'chip',
  'chip2',
  'firstName',
  'lastName',
  'sex',
  'birthDate',
  'age',
  'category',
  'race',
  'wave',
  'club',
  'nationality',
] as const

/**
 * The entrants as a timing system imports its participants: one row per runner still entered, by
 * bib (runners without one last), with the chips the chip file gave that bib and the age on race day.
 */
export async function participantsCsv(db: ReadDb, input: ParsedInput<'entrants.export'>) {
  const event = await db.selectFrom('event').select(['name', 'date']).where('id', '=', 1).executeTakeFirstOrThrow()
  let query = db
    .selectFrom('entrant as e')
    .innerJoin('race as r', 'r.id', 'e.race_id')
    .leftJoin('wave as w', 'w.id', 'e.wave_id')
    .select([
      'e.bib',
      'e.given_name',
      'e.family_name',
      'e.sex',
      'e.birth_date',
      'e.age',
      'e.category',
      'r.name as race',
      'w.name as wave',
      'e.club',
      'e.nationality',
    ])
    .where('e.status', '!=', 'withdrawn')
  if (input.raceId !== undefined) query = query.where('e.race_id', '=', input.raceId)
  const entrants = await query
    .orderBy((eb) => eb.parens(eb('e.bib', 'is', null)), 'asc')
    .orderBy('e.bib')
    .orderBy('e.family_name')
    .execute()
  const chips = new Map<number, string[]>()
  for (const c of await db.selectFrom('chip').select(['code', 'bib']).orderBy('code').execute()) chips.set(c.bib, [...(chips.get(c.bib) ?? []), c.code])
  const data = entrants.map((e) => {
    const [chip = '', chip2 = ''] = e.bib === null ? [] : (chips.get(e.bib) ?? [])
    return [
      e.bib ?? '',
      chip,
      chip2,
      asText(e.given_name),
      asText(e.family_name),
      e.sex,
      e.birth_date ?? '',
      e.birth_date !== null ? ageOnDay(e.birth_date, event.date) : (e.age ?? ''),
      e.category ?? '',
      asText(e.race),
      asText(e.wave),
      asText(e.club),
      e.nationality ?? '',
    ]
  })
  const csv = `${Papa.unparse({ fields: [...participantColumns], data }, { newline: '\r\n' })}\r\n`
  const fileName = fileNameOf(event.name, 'participants').replace(/\.pdf$/, '.csv')
  return { fileName, mimeType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') }
}
