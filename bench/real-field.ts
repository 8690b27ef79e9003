// A real field's names for the desk's by-name keystrokes: the 2012 Boston Marathon's finishers
// (../shared/validation/), whose names repeat as a real field's do, not as generated pools do.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { GeneratedEntrant } from './generate'

const file = join(import.meta.dirname, '..', '..', 'shared', 'validation', 'boston-marathon-2012-results.csv')

/** Every finisher as an entrant of the bench's marathon; prefixed bibs (W1, F7) get numbers past the field's. */
export function bostonField(): GeneratedEntrant[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data
  let spareBib = 90_000
  return rows.map((row, i) => {
    const [familyName = '', givenName = ''] = (row['name'] ?? '').split(',').map((part) => part.trim())
    const bib = /^\d+$/.test(row['bib'] ?? '') ? Number(row['bib']) : ++spareBib
    // Ages on race day (16 April 2012): a birth date that gives the same age.
    const birthYear = 2012 - Number(row['age']) - 1
    return {
      ref: `BOS-${i + 1}`,
      bib,
      race: 'Marathon',
      givenName,
      familyName,
      nativeName: '',
      sex: row['gender'] === 'F' ? 'F' : 'M',
      birthDate: `${birthYear}-06-15`,
      nationality: row['country'] ?? '',
      club: '',
      email: '',
      shirt: 'M',
    }
  })
}
