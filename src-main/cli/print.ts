import { copyFileSync, existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { labelFormats, listPapers, printLanguages, sheetLayouts, type PrintRequestInput } from '../../src-shared/contract/prints'
import type { Session } from '../../src-shared/contract'
import type { Office } from '../office/office'
import { chooseRaces, withEventFile } from './event-file'
import { parse, RejectedError, UsageError, type CliIo } from './usage'

export const printActions = ['sheets', 'lists', 'labels'] as const
export type PrintAction = (typeof printActions)[number]

export const printHelp = `       race-office bibs sheets FILE --out FILE.pdf [--race NAME] [--layout ${sheetLayouts.join('|')}]
                               [--first N] [--last N] [--unprinted] [--tabs 0-3] [--code128]
                               [--no-crop-marks] [--stack] [--lang en|ko] [--json]
       race-office bibs lists FILE --out FILE.pdf [--race NAME] [--paper a4|letter] [--lang en|ko] [--json]
       race-office bibs labels FILE --out FILE.pdf [--format ${labelFormats.join('|')}] [--race NAME]
                               [--first N] [--last N] [--unprinted] [--lang en|ko] [--json]`

export const printDescription = `bibs sheets writes bib sheets as PDF, in bib order: a5 and a6 are one bib a page, a4x2 and
a4x4 two and four on A4 (default a4x4), letter and letterx2 one and two on US Letter. Every bib
printed is marked printed; --unprinted prints only bibs not printed yet (new numbers, and bibs
whose number, name, race or wave has changed since they were printed). --stack numbers
several-to-a-page layouts down each stack, so the piles off the guillotine are in bib order. --tabs adds tear-off tabs, --code128 a barcode beside the QR code.
bibs lists writes the pickup lists for the walls, filed by family name. bibs labels writes one
envelope label per bib on 3×7 A4 or 3×10 Letter label sheets (default a4-3x7).
--json prints {"file","kind","items","pages","bytes"}.`

const options = {
  out: { type: 'string' },
  race: { type: 'string' },
  layout: { type: 'string' },
  paper: { type: 'string' },
  format: { type: 'string' },
  first: { type: 'string' },
  last: { type: 'string' },
  unprinted: { type: 'boolean' },
  tabs: { type: 'string' },
  code128: { type: 'boolean' },
  'no-crop-marks': { type: 'boolean' },
  stack: { type: 'boolean' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
} as const

export async function printDocument(action: PrintAction, args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, options)
  if (positionals.length !== 1) throw new UsageError('Give the event FILE.')
  if (values.out === undefined) throw new UsageError('Say where to write the PDF with --out FILE.pdf.')
  const out = resolve(values.out)
  if (!existsSync(dirname(out))) throw new RejectedError(`There is no folder ${dirname(out)} to write ${out} in.`)
  const flags = readFlags(action, values)

  await withEventFile(resolve(positionals[0] as string), async (office, session) => {
    const [race] = values.race === undefined ? [] : await chooseRaces(office, session, values.race)
    const request = { ...flags, ...(race !== undefined && { raceId: race.id }) } as PrintRequestInput
    const { items, pages, bytes, problem } = await writeDocument(office, session, request, out, io)
    if (values.json === true) io.out(JSON.stringify({ file: out, kind: action, items, pages, bytes }))
    else io.out(`${summaries[action](items, pages)} → ${out}`)
    if (problem !== null) throw new RejectedError(problem)
  })
}

/** Makes a document through a print job, with progress on stderr, and copies it to `out`. */
export async function writeDocument(
  office: Office,
  session: Session,
  request: PrintRequestInput,
  out: string,
  io: CliIo,
): Promise<{ items: number; pages: number; bytes: number; problem: string | null }> {
  const started = await office.router.call('prints.start', request, session)
  if (!started.ok) throw new RejectedError(started.error.message)
  const { jobId, items, pages } = started.value
  const ticker = setInterval(() => {
    const status = office.prints.status(jobId)
    io.err(`  ${status.done} of ${items}…`)
  }, 2000)
  const finished = await office.prints.finished(jobId).finally(() => clearInterval(ticker))
  if (finished.state !== 'done') throw new RejectedError(finished.error?.message ?? 'The document was not made.')
  copyFileSync(office.prints.file(jobId).path, out)
  // The command line's sheets go to a file for the printer queue: written is printed, as its help says.
  const marked = request.kind === 'sheets' ? await office.router.call('bibs.markPrinted', { jobId }, session) : null
  // Made, but marking its bibs printed failed: said once the file is there.
  return { items, pages, bytes: statSync(out).size, problem: marked === null || marked.ok ? null : marked.error.message }
}

const summaries: Record<PrintAction, (items: number, pages: number) => string> = {
  sheets: (items, pages) => `Bib sheets: ${items} bibs on ${pages} pages, marked printed`,
  lists: (items, pages) => `Pickup lists: ${items} runners on ${pages} pages`,
  labels: (items, pages) => `Labels: ${items} labels on ${pages} sheets`,
}

type Values = ReturnType<typeof parse<typeof options>>['values']

function readFlags(action: PrintAction, values: Values): Record<string, unknown> {
  const language = oneOf('--lang', values.lang, printLanguages)
  const common = { kind: action, ...(language !== undefined && { language }) }
  const selection = {
    ...(values.first !== undefined && { firstBib: bibNumber('--first', values.first) }),
    ...(values.last !== undefined && { lastBib: bibNumber('--last', values.last) }),
    ...(values.unprinted === true && { onlyUnprinted: true }),
  }
  switch (action) {
    case 'sheets': {
      const layout = oneOf('--layout', values.layout, sheetLayouts)
      const tabs = values.tabs === undefined ? undefined : Number(values.tabs)
      if (tabs !== undefined && !(Number.isInteger(tabs) && tabs >= 0 && tabs <= 3)) throw new UsageError('--tabs is 0, 1, 2 or 3.')
      return {
        ...common,
        ...selection,
        ...(layout !== undefined && { layout }),
        ...(tabs !== undefined && { tabs }),
        ...(values.code128 === true && { code128: true }),
        ...(values['no-crop-marks'] === true && { cropMarks: false }),
        ...(values.stack === true && { order: 'stack' }),
      }
    }
    case 'lists': {
      const paper = oneOf('--paper', values.paper, listPapers)
      return { ...common, ...(paper !== undefined && { paper }) }
    }
    case 'labels': {
      const format = oneOf('--format', values.format, labelFormats)
      return { ...common, ...selection, ...(format !== undefined && { format }) }
    }
  }
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} is one of ${allowed.join(', ')}.`)
  return value as T
}

function bibNumber(flag: string, value: string): number {
  const bib = Number(value)
  if (!Number.isInteger(bib) || bib < 1) throw new UsageError(`${flag} ${value} is not a bib number.`)
  return bib
}
