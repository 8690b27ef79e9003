import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CommandErrorValue } from '../../src-shared/contract'
import type { ImportResult, RejectedRow } from '../../src-shared/contract/imports'
import { uploadThroughRouter } from '../import/upload'
import { requireFile, withEventFile } from './event-file'
import { parse, RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

export const importCommand: Subcommand = {
  name: 'import',
  summary: 'import registrations from a CSV or XLSX file',
  help: `Usage: race-office import FILE DATA [--race NAME] [--skip-invalid] [--date-order dmy|mdy] [--json]

Imports the registrations in DATA (CSV in any encoding Excel writes, or XLSX) into the event
FILE. Columns are recognised by their header names; entrants already in the event are matched by
registration reference and updated (never their bib or check-in). The whole file is imported or,
when any row is invalid, nothing: every bad row is reported with its row number (header = row 1).

Options:
  --race NAME            the race for rows with no race column or an empty race cell
  --skip-invalid         import the valid rows and report the others
  --date-order dmy|mdy   how to read dates like 05/07/1986 when no row proves the order
  --json                 print {"imported","updated","unchanged","rejected":[{"row","field","code","message"}],"duplicates"}

Exit codes: 0 imported, 1 refused (nothing imported), 2 usage.`,

  async run(args, io) {
    const { values, positionals } = parse(args, {
      race: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'date-order': { type: 'string' },
      json: { type: 'boolean' },
    })
    if (positionals.length !== 2) throw new UsageError('Give the event FILE and the DATA file to import.')
    const [file, data] = positionals.map((p) => resolve(p)) as [string, string]
    const dateOrder = values['date-order']
    if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new UsageError('--date-order is dmy or mdy.')
    requireFile(data)
    await withEventFile(file, async (office, session) => {
      const uploaded = await uploadThroughRouter(office.router, session, readFileSync(data), data)
      if (!uploaded.ok) throw new RejectedError(uploaded.message)
      const result = await office.router.call(
        'imports.commit',
        {
          id: uploaded.id,
          skipInvalid: values['skip-invalid'] === true,
          ...(values.race !== undefined && { race: values.race }),
          ...(dateOrder !== undefined && { dateOrder }),
        },
        session,
      )
      if (result.ok) return report(io, result.value, values.json === true, false)
      if (result.error.code === 'IMPORT_REFUSED' && result.error.details !== undefined) {
        report(io, result.error.details as unknown as ImportResult, values.json === true, true)
        throw new RejectedError(result.error.message)
      }
      throw new RejectedError(describe(result.error))
    })
  },
}

function report(io: CliIo, result: ImportResult, json: boolean, refused: boolean): void {
  if (json) {
    io.out(JSON.stringify(result))
    return
  }
  if (!refused) io.out(`Imported ${result.imported}, updated ${result.updated}, unchanged ${result.unchanged}.`)
  if (result.rejected.length > 0) {
    io.out(`${refused ? 'Problems' : 'Not imported'} (${new Set(result.rejected.map((r) => r.row)).size} row(s)):`)
    for (const line of rejectedLines(result.rejected)) io.out(line)
    if (result.rejected.some((r) => r.code === 'DATE_ORDER_UNKNOWN')) io.out('Say how to read the dates with --date-order dmy or --date-order mdy.')
  }
  if (result.duplicates.length > 0) {
    io.out(`Possible duplicates to review (${result.duplicates.length}):`)
    for (const d of result.duplicates) io.out(`  row ${d.row}: ${d.name}, born ${d.birthDate}, like ${d.withRow !== null ? `row ${d.withRow}` : d.withRef !== null ? `registration ${d.withRef}` : 'an entrant already in the event'}`)
  }
}

function rejectedLines(rejected: RejectedRow[]): string[] {
  return rejected.map((r) => `  row ${r.row}, ${r.field}: ${r.message} [${r.code}]`)
}

function describe(error: CommandErrorValue): string {
  return `${error.message} (${error.code})`
}
