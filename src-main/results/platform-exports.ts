import Papa from 'papaparse'
import { CommandError } from '../../src-shared/contract'
import type { ResultRow } from '../../src-shared/contract/results'
import { ageOnDay } from '../../src-shared/categories/categories'
import type { ReadDb } from '../db/schema'
import { asText } from './csv'
import type { RaceStanding } from './engine'

// Results as the platforms that rank runners take them: ITRA (its result file template, XLSX) and
// UltraSignup (its results upload, CSV). Both want one file per race and whole seconds.

type RaceResults = { race: RaceStanding; rows: readonly ResultRow[] }

/** What the platforms ask for that results rows leave out: the birth date and the age on race day. */
export async function birthDetails(db: ReadDb, rows: readonly ResultRow[], eventDate: string) {
  const ids = rows.map((r) => r.entrantId)
  const details = new Map<string, { birthDate: string | null; age: number | null }>()
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('entrant')
      .select(['id', 'birth_date', 'age'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const e of found) details.set(e.id, { birthDate: e.birth_date, age: e.birth_date === null ? e.age : ageOnDay(e.birth_date, eventDate) })
  }
  return details
}

/** One race only: both platforms refuse a file that mixes races. */
export function oneRace(results: readonly RaceResults[], platform: string): RaceResults {
  if (results.length !== 1) throw new CommandError('INVALID_INPUT', `${platform} takes one file per race: choose the race to export.`)
  return results[0] as RaceResults
}

/** The race's official time in whole seconds, rounded up (as every result time is), as hh:mm:ss. */
function wholeSeconds(row: ResultRow, race: RaceStanding): string {
  const ms = race.rules.ranking === 'net' ? row.netTimeMs : row.gunTimeMs
  if (ms === null) return ''
  const total = Math.ceil(ms / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`
}

/** Started and not finished: a runner still "on course" when the file is made started if the start mat saw them. */
function outcome(row: ResultRow): 'finished' | 'DNF' | 'DNS' | 'DQ' {
  if (row.status === 'onCourse') return row.startAtMs === null ? 'DNS' : 'DNF'
  return row.status
}

/**
 * ITRA's result file: headings from A1 in English, finishers in overall order, then those who did
 * not finish (DNF in Ranking, no time); runners who did not start are left out, as ITRA asks. A
 * disqualified runner is a DNF to ITRA (its Ranking is a number or DNF).
 */
export async function itraWorkbook(results: RaceResults, details: Map<string, { birthDate: string | null }>): Promise<Buffer> {
  // Loaded for this file only: the spreadsheet library takes a third of a second to load.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Results')
  sheet.addRow(['Ranking', 'Time', 'Family name', 'First name', 'Gender', 'Birthdate', 'Nationality', 'Bib number'])
  const shown = results.rows.filter((r) => outcome(r) !== 'DNS')
  const finished = shown.filter((r) => outcome(r) === 'finished' && r.place !== null)
  const others = shown.filter((r) => !finished.includes(r))
  for (const r of [...finished, ...others]) {
    const done = finished.includes(r)
    sheet.addRow([
      done ? r.place : 'DNF',
      done ? wholeSeconds(r, results.race) : '',
      r.familyName,
      r.givenName,
      r.sex,
      details.get(r.entrantId)?.birthDate ?? '',
      (r.nationality ?? '').toUpperCase(),
      r.bib ?? '',
    ])
  }
  // Times and dates stay text: a spreadsheet must not turn 01:02:03 into a fraction of a day.
  for (const column of [2, 6]) sheet.getColumn(column).numFmt = '@'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const ultraSignupStatus = { finished: 1, DNF: 2, DNS: 3, DQ: 5 } as const

/** UltraSignup's results upload: its own column names, a status code per runner (1 finished, 2 DNF, 3 DNS, 5 disqualified). */
export function ultraSignupCsv(results: RaceResults, details: Map<string, { birthDate: string | null; age: number | null }>): string {
  const rows = results.rows.map((r) => {
    const status = outcome(r)
    const person = details.get(r.entrantId)
    return [
      status === 'finished' ? (r.place ?? '') : '',
      status === 'finished' ? wholeSeconds(r, results.race) : '',
      asText(r.givenName),
      asText(r.familyName),
      person?.age ?? '',
      r.sex,
      person?.birthDate ?? '',
      r.bib ?? '',
      ultraSignupStatus[status],
    ]
  })
  return `${Papa.unparse({ fields: ['place', 'time', 'first', 'last', 'age', 'gender', 'dob', 'bib', 'status'], data: rows }, { newline: '\r\n' })}\r\n`
}
