import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CommandErrorValue } from '../../src-shared/contract'
import {
  defaultDuplicateAction,
  duplicateActions,
  type DuplicateAction,
  type DuplicateFlag,
  type ImportResult,
  type RejectedRow,
} from '../../src-shared/contract/imports'
import { fieldLabel } from '../import/plan'
import { uploadThroughRouter } from './upload'
import { requireFile, withEventFile } from './event-file'
import { parse, RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

export const importCommand: Subcommand = {
  name: 'import',
  summary: 'import registrations from a CSV or XLSX file',
  help: `Usage: race-office import FILE DATA [--race NAME] [--sheet NAME] [--duplicates skip|update|add] [--skip-invalid] [--date-order dmy|mdy] [--json]

Imports the registrations in DATA (CSV in any encoding Excel writes, or XLSX) into the event
FILE. Columns are recognised by their header names; entrants already in the event are matched by
registration reference and updated (never their bib or check-in). The whole file is imported or,
when any row is invalid, nothing: every bad row is reported with its row number (header = row 1).

A row with another reference (or none) that looks like a runner already in the event (same name
and birth date, or same e-mail) is a duplicate; --duplicates says what becomes of all of them:
  skip     leave the row out (the default: nothing in the event changes, nobody gets two bibs)
  update   write the row's details over that runner's (never the bib or check-in)
  add      add the row as someone else
Every duplicate is listed with the runner it looks like. To decide row by row, use the import
wizard of the Entrants desk.

Options:
  --race NAME            the race for rows with no race column or an empty race cell
  --sheet NAME           the sheet of a workbook with several (default: the first with rows)
  --duplicates ACTION    skip, update or add (default ${defaultDuplicateAction})
  --skip-invalid         import the valid rows and report the others
  --date-order dmy|mdy   how to read dates like 05/07/1986 when no row proves the order
  --json                 print {"imported","updated","unchanged","skipped","removed","withdrawn","rejected":[{"row","field","code","message"}],"duplicates":[{"row","name","birthDate","matchedBy","action","existing",…}],
                         "unmappedColumns":[{"column","header","filled","looksLike"}],"noRefColumn","leftOutRows":[{"row","reason","text"}],"foldedRows":[{"row","into"}]}

Exit codes: 0 imported, 1 refused (nothing imported), 2 usage.`,

  async run(args, io) {
    const { values, positionals } = parse(args, {
      race: { type: 'string' },
      sheet: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'date-order': { type: 'string' },
      duplicates: { type: 'string' },
      json: { type: 'boolean' },
    })
    if (positionals.length !== 2) throw new UsageError('Give the event FILE and the DATA file to import.')
    const [file, data] = positionals.map((p) => resolve(p)) as [string, string]
    const dateOrder = values['date-order']
    if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new UsageError('--date-order is dmy or mdy.')
    const duplicates = values.duplicates
    if (duplicates !== undefined && !duplicateActions.includes(duplicates as DuplicateAction)) throw new UsageError('--duplicates is skip, update or add.')
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
          ...(values.sheet !== undefined && { sheet: values.sheet }),
          ...(dateOrder !== undefined && { dateOrder }),
          ...(duplicates !== undefined && { duplicates: duplicates as DuplicateAction }),
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
  if (!refused)
    io.out(
      `Imported ${result.imported}, updated ${result.updated}, unchanged ${result.unchanged}.${result.skipped > 0 ? ` Skipped ${result.skipped} duplicate(s).` : ''}`,
    )
  if (result.removed > 0)
    io.out(
      `Removed on the platform: ${result.removed} row(s) not imported${result.withdrawn > 0 ? `; ${result.withdrawn} runner(s) already in the event withdrawn` : ''}.`,
    )
  if (result.noRefColumn)
    io.out(
      'No column was read as the registration number: importing the next export cannot match these runners, and scanning a confirmation code finds nobody.',
    )
  if (result.foldedRows.length > 0)
    io.out(
      `Rows of one more purchased item, folded into the runner's first row (${result.foldedRows.length}): ${result.foldedRows.map((f) => `${f.row}→${f.into}`).join(', ')}`,
    )
  if (result.leftOutRows.length > 0) {
    io.out(`Rows that are not runners, left out (${result.leftOutRows.length}):`)
    for (const r of result.leftOutRows) io.out(`  row ${r.row} (${r.reason === 'title' ? 'a title above the header' : 'after the data'}): ${r.text}`)
  }
  if (result.unmappedColumns.length > 0) {
    io.out(`Columns not imported (${result.unmappedColumns.length}):`)
    for (const c of result.unmappedColumns)
      io.out(
        `  ${c.header === '' ? `column ${c.column + 1} (no header)` : c.header}: ${c.filled} row(s) filled${c.looksLike === null ? '' : `; looks like the ${fieldLabel(c.looksLike)}`}`,
      )
  }
  if (result.rejected.length > 0) {
    io.out(`${refused ? 'Problems' : 'Not imported'} (${new Set(result.rejected.map((r) => r.row)).size} row(s)):`)
    for (const line of rejectedLines(result.rejected)) io.out(line)
    if (result.rejected.some((r) => r.code === 'DATE_ORDER_UNKNOWN')) io.out('Say how to read the dates with --date-order dmy or --date-order mdy.')
  }
  const decided = result.duplicates.filter((d) => d.action !== null)
  const alike = result.duplicates.filter((d) => d.action === null)
  if (decided.length > 0) {
    io.out(`Rows that look like runners already in the event (${decided.length}):`)
    for (const d of decided)
      io.out(
        `  row ${d.row}: ${person(d.incoming)} — like ${person(d.existing as NonNullable<DuplicateFlag['existing']>)}: ${actionWords[d.action as DuplicateAction]}`,
      )
    if (!refused && decided.some((d) => d.action === 'skip'))
      io.out('Skipped rows were left out; import again with --duplicates update or --duplicates add to change that.')
  }
  if (alike.length > 0) {
    io.out(`Possible duplicates to review (${alike.length}):`)
    for (const d of alike)
      io.out(
        `  row ${d.row}: ${person(d.incoming)}, like ${d.withRow !== null ? `row ${d.withRow}` : d.withRef !== null ? `registration ${d.withRef}` : 'an entrant already in the event'}`,
      )
  }
}

const actionWords: Record<DuplicateAction, string> = { skip: 'skipped', update: 'updates that runner', add: 'added as someone else' }

/** What tells two namesakes apart, as one line. */
function person(p: DuplicateFlag['incoming'] & { bib?: number | null }): string {
  const parts = [
    p.birthDate === null ? null : `born ${p.birthDate}`,
    p.race,
    p.club,
    p.email,
    p.ref === null ? null : `registration ${p.ref}`,
    p.bib == null ? null : `bib ${p.bib}`,
  ]
  return [p.name, ...parts.filter((part) => part !== null)].join(', ')
}

function rejectedLines(rejected: RejectedRow[]): string[] {
  return rejected.map((r) => `  row ${r.row}, ${r.field}: ${r.message} [${r.code}]`)
}

function describe(error: CommandErrorValue): string {
  return `${error.message} (${error.code})`
}
