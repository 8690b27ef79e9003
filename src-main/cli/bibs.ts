import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { bibRules, type BibRule } from '../bibs/plan'
import { uploadThroughRouter } from './upload'
import { chooseRaces, requireFile, withEventFile } from './event-file'
import { printActions, printDescription, printDocument, printHelp, type PrintAction } from './print'
import { parse, RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

export const bibsCommand: Subcommand = {
  name: 'bibs',
  summary: 'number runners (bibs assign), import chip codes (bibs chips), print bib sheets, pickup lists and labels',
  help: `Usage: race-office bibs assign FILE [--race NAME] [--rule registration|alphabetical|predicted|fill] [--json]
       race-office bibs chips FILE DATA [--json]
${printHelp}

Numbers every race's runners (or one race's) by its rule, or by --rule for this run, and prints
a summary of what it applied. Runners who have picked up and runners on reserved numbers keep
theirs; excluded and voided numbers are skipped. A race whose numbers are too few is refused,
with how many are missing, and nothing of it changes.

Rules:
  registration   in registration order
  alphabetical   by family name
  predicted      by predicted finish time, fastest first, seeding the race's waves evenly
  fill           keep every runner's number and number the rest

Options:
  --race NAME    only this race
  --rule RULE    this rule instead of the race's own
  --json         print [{"race","rule","assigned","unchanged","seeded"}]

bibs chips imports the timing company's chip file (CSV or XLSX with a chip column and a bib
column) whole or not at all; a chip already known moves to its new bib. With --json it prints
{"imported","replaced","unchanged","rejected":[{"row","field","code","message"}]}.

${printDescription}`,

  async run(args, io) {
    const [action, ...rest] = args
    if (action === 'chips') return importChipFile(rest, io)
    if ((printActions as readonly string[]).includes(action ?? '')) return printDocument(action as PrintAction, rest, io)
    if (action !== 'assign') {
      throw new UsageError(action === undefined ? 'Say what to do: bibs assign, chips, sheets, lists or labels.' : `Unknown bibs action: ${action}.`)
    }
    const { values, positionals } = parse(rest, { race: { type: 'string' }, rule: { type: 'string' }, json: { type: 'boolean' } })
    if (positionals.length !== 1) throw new UsageError('Give the event FILE.')
    const rule = values.rule
    if (rule !== undefined && !(bibRules as readonly string[]).includes(rule)) throw new UsageError(`--rule is one of ${bibRules.join(', ')}.`)
    const file = resolve(positionals[0] as string)
    await withEventFile(file, async (office, session) => {
      const chosen = await chooseRaces(office, session, values.race)
      const applied = []
      const refusals: string[] = []
      for (const race of chosen) {
        const result = await office.router.call('bibs.apply', { raceId: race.id, ...(rule !== undefined && { rule: rule as BibRule }) }, session)
        if (result.ok) applied.push(result.value)
        else refusals.push(`${race.name}: ${result.error.message}`)
      }
      if (values.json === true) io.out(JSON.stringify(applied))
      else
        for (const r of applied)
          io.out(`${r.race}: ${r.assigned} numbered (${r.rule}), ${r.unchanged} kept their number${r.seeded > 0 ? `, ${r.seeded} seeded into waves` : ''}.`)
      if (refusals.length > 0) throw new RejectedError(refusals.join('\n'))
    })
  },
}

async function importChipFile(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } })
  if (positionals.length !== 2) throw new UsageError('Give the event FILE and the chip DATA file.')
  const [file, data] = positionals.map((p) => resolve(p)) as [string, string]
  requireFile(data)
  await withEventFile(file, async (office, session) => {
    const uploaded = await uploadThroughRouter(office.router, session, readFileSync(data), data)
    if (!uploaded.ok) throw new RejectedError(uploaded.message)
    const result = await office.router.call('chips.import', { id: uploaded.id }, session)
    const report = result.ok ? result.value : (result.error.details as { rejected?: unknown } | undefined)
    if (values.json === true && report !== undefined) io.out(JSON.stringify(report))
    if (!result.ok) {
      const rejected = (result.error.details?.['rejected'] as { row: number; field: string; message: string }[] | undefined) ?? []
      if (values.json !== true) for (const r of rejected) io.out(`  row ${r.row}, ${r.field}: ${r.message}`)
      throw new RejectedError(result.error.message)
    }
    if (values.json !== true) io.out(`Chips: ${result.value.imported} new, ${result.value.replaced} moved to another bib, ${result.value.unchanged} unchanged.`)
  })
}
