import { strToU8, zipSync } from 'fflate'
import type { ParsedInput } from '../../src-shared/contract/commands'
import { fileNameOf } from '../print/document'
import { resultsCsv } from './csv'
import type { ResultsEngine } from './engine'
import { resultsSite } from './html-site'
import type { ReadDb } from '../db/schema'
import { birthDetails, itraWorkbook, oneRace, ultraSignupCsv } from './platform-exports'
import { openProblems } from './problems'
import { allResults, resultsTeams } from './service'

/** What `results.export` hands the screen to save: the CSV, a platform's file, or the HTML site's folder zipped. */
export async function exportResults(engine: ResultsEngine, db: ReadDb, input: ParsedInput<'results.export'>) {
  const state = engine.current()
  const results = allResults(engine, input.raceId)
  const stem = fileNameOf(state.eventName, input.raceId === undefined ? 'results' : `${results[0]?.race.name ?? ''} results`).replace(/\.pdf$/, '')
  if (input.format === 'itra' || input.format === 'ultrasignup') {
    const race = oneRace(results, input.format === 'itra' ? 'ITRA' : 'UltraSignup')
    const { date } = await db.selectFrom('event').select('date').where('id', '=', 1).executeTakeFirstOrThrow()
    const details = await birthDetails(db, race.rows, date)
    const raceStem = fileNameOf(state.eventName, race.race.name, input.format === 'itra' ? 'ITRA' : 'UltraSignup').replace(/\.pdf$/, '')
    if (input.format === 'itra') {
      const xlsx = await itraWorkbook(race, details)
      return { fileName: `${raceStem}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: xlsx.toString('base64') }
    }
    return { fileName: `${raceStem}.csv`, mimeType: 'text/csv', base64: Buffer.from(ultraSignupCsv(race, details), 'utf8').toString('base64') }
  }
  if (input.format === 'csv') {
    const csv = resultsCsv(
      results,
      state.splitPoints.map((p) => p.name),
    )
    return { fileName: `${stem}.csv`, mimeType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') }
  }
  const site = resultsSite(state.eventName, results, openProblems(state) > 0, input.language, resultsTeams(engine, input.raceId))
  const zip = zipSync(Object.fromEntries([...site].map(([path, text]) => [`${stem}/${path}`, strToU8(text)])))
  return { fileName: `${stem}.zip`, mimeType: 'application/zip', base64: Buffer.from(zip).toString('base64') }
}
