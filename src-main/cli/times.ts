import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { timerFields, type TimerField } from '../../src-shared/contract/manual-timing'
import { listPapers, printLanguages, type PrintRequestInput } from '../../src-shared/contract/prints'
import { writeDocument } from './print'
import { wallTimeAt } from '../../src-shared/time/zoned'
import { chooseRaces, requireFile, withEventFile } from './event-file'
import { uploadThroughRouter } from './upload'
import { parse, RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

export const timesCommand: Subcommand = {
  name: 'times',
  summary: 'import a stopwatch’s or timing app’s times, and cross-check a backup timer',
  help: `Usage: race-office times import FILE TIMER_FILE [--point NAME] [--race NAME] [--wave NAME] [--time-of-day]
                          [--as main|backup] [--device NAME] [--map FIELD=COLUMN]... [--skip-invalid] [--json]
       race-office times check FILE [--point NAME] [--tolerance SECONDS] [--json]
       race-office times tally FILE --race NAME --out FILE.pdf [--sheets N] [--first-sheet N] [--lines 30|40|50]
                          [--paper a4|letter] [--lang en|ko] [--json]
       race-office times cards FILE --race NAME --out FILE.pdf [--first N] [--last N] [--paper a4|letter] [--lang en|ko] [--json]

import: the times a stopwatch or a timing app exports, one time a line, with a place or a bib
before it (CSV, text or XLSX; a header line is optional): 1:23:45.67, 45:12, or digits read from
the right (12345 is 1:23:45). Times count from the race's gun, or are times of day in the event's
zone with --time-of-day. Each line is a time at the point; lines with a bib keep it, the others
take the bibs typed in finish order. A file with bad lines is refused line by line, unless
--skip-invalid. The same file again adds nothing. On top of another timer's times the file is a
backup, cross-checked against them (say --as main to count it itself).

check: aligns each backup timer's times with the point's own and lists the presses the main timer
missed, those it made twice, and the times further apart than the tolerance, with the fix each
proposes (apply them on the finish line desk's cross-check, one key each). Exit code 1 when any
finding the results depend on is open.

tally: finish tally sheets for a race, a sheet a page (50 numbered places by default, numbered on
from sheet to sheet) with a bib and a time box each; the bibs are then typed through "Bibs in
finish order". cards: chute cards, one per finish place (1 to 200 by default), eight to a page.

Options:
  --point NAME       the timing point (finish by default)
  --race NAME        the race whose gun elapsed times count from (needed with more than one race)
  --wave NAME        one wave of that race (its own gun)
  --time-of-day      the times are times of day, not elapsed
  --as main|backup   count the times, or keep them to cross-check with
  --device NAME      the timer's name (the file's name by default)
  --map F=COLUMN     which column holds field F (${timerFields.join(', ')})
  --skip-invalid     import the good lines, list the others
  --tolerance S      presses further apart than this disagree (default 1 second)
  --out FILE.pdf     where to write the tally sheets or chute cards
  --sheets N         how many tally sheets (default 4); --first-sheet N: the first one's number
  --lines N          places on a tally sheet: 30, 40 or 50
  --first N, --last N  the chute cards' first and last place
  --json             print the report as JSON`,

  async run(args, io) {
    const [action, ...rest] = args
    if (action === 'import') return importTimerFile(rest, io)
    if (action === 'check') return checkBackups(rest, io)
    if (action === 'tally' || action === 'cards') return printChutePaper(action, rest, io)
    throw new UsageError(action === undefined ? 'Say what to do: times import, check, tally or cards.' : `Unknown times action: ${action}.`)
  },
}

async function importTimerFile(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    point: { type: 'string' },
    race: { type: 'string' },
    wave: { type: 'string' },
    'time-of-day': { type: 'boolean' },
    as: { type: 'string' },
    device: { type: 'string' },
    map: { type: 'string', multiple: true },
    'skip-invalid': { type: 'boolean' },
    json: { type: 'boolean' },
  })
  if (positionals.length !== 2) throw new UsageError('Give the event FILE and the TIMER_FILE.')
  if (values.as !== undefined && values.as !== 'main' && values.as !== 'backup') throw new UsageError('--as is main or backup.')
  const [file, data] = positionals.map((p) => resolve(p)) as [string, string]
  const mapping = timerMapping(values.map)
  requireFile(data)
  await withEventFile(file, async (office, session) => {
    const timeOfDay = values['time-of-day'] === true
    const races = timeOfDay && values.race === undefined ? [] : await chooseRaces(office, session, values.race)
    if (!timeOfDay && races.length !== 1)
      throw new UsageError(`Give the race the times count from: --race NAME (races: ${races.map((r) => r.name).join(', ')}).`)
    const race = races[0]
    const wave = values.wave === undefined ? undefined : race?.waves.find((w) => w.name.toLowerCase() === values.wave?.toLowerCase())
    if (values.wave !== undefined && wave === undefined) throw new RejectedError(`${race?.name ?? 'The race'} has no wave called ${values.wave}.`)
    const uploaded = await uploadThroughRouter(office.router, session, readFileSync(data), data)
    if (!uploaded.ok) throw new RejectedError(uploaded.message)
    const result = await office.router.call(
      'times.import',
      {
        id: uploaded.id,
        clock: timeOfDay ? 'timeOfDay' : 'elapsed',
        skipInvalid: values['skip-invalid'] === true,
        ...(values.point !== undefined && { point: values.point }),
        ...(race !== undefined && { raceId: race.id }),
        ...(wave !== undefined && { waveId: wave.id }),
        ...(values.as !== undefined && { as: values.as as 'main' | 'backup' }),
        ...(values.device !== undefined && { device: values.device }),
        ...(mapping !== undefined && { mapping }),
      },
      session,
    )
    const report = result.ok ? result.value : (result.error.details as Report | undefined)
    if (report !== undefined && report.rejected !== undefined) printReport(report, values.json === true, io)
    if (!result.ok) throw new RejectedError(result.error.message)
  })
}

type Report = {
  imported: number
  duplicates: number
  withBib: number
  device: string
  point: string
  as: string
  rejected: { row: number; field: string; message: string }[]
}

function printReport(value: Report, json: boolean, io: CliIo): void {
  if (json) return io.out(JSON.stringify(value))
  for (const r of value.rejected) io.out(`  line ${r.row}, ${r.field}: ${r.message}`)
  io.out(
    `Times from ${value.device} at ${value.point} (${value.as === 'backup' ? 'a backup, to cross-check with' : 'counted'}): ${value.imported} imported, ${value.duplicates} already there, ${value.withBib} with a bib.`,
  )
}

function timerMapping(pairs: string[] | undefined): Partial<Record<TimerField, string>> | undefined {
  if (pairs === undefined) return undefined
  const mapping: Partial<Record<TimerField, string>> = {}
  for (const pair of pairs) {
    const [field, ...column] = pair.split('=')
    if (!(timerFields as readonly string[]).includes(field ?? '') || column.length === 0)
      throw new UsageError(`--map ${pair}: write FIELD=COLUMN with FIELD one of ${timerFields.join(', ')}.`)
    mapping[field as TimerField] = column.join('=')
  }
  return mapping
}

async function checkBackups(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { point: { type: 'string' }, tolerance: { type: 'string' }, json: { type: 'boolean' } })
  if (positionals.length !== 1) throw new UsageError('Give the event FILE.')
  const tolerance = values.tolerance === undefined ? 1 : Number(values.tolerance)
  if (!Number.isFinite(tolerance) || tolerance < 0.01 || tolerance > 60) throw new UsageError('--tolerance is a number of seconds, from 0.01 to 60.')
  await withEventFile(resolve(positionals[0] as string), async (office, session) => {
    const result = await office.router.call(
      'timing.crossCheck',
      { ...(values.point !== undefined && { point: values.point }), toleranceMs: Math.round(tolerance * 1000) },
      session,
    )
    if (!result.ok) throw new RejectedError(result.error.message)
    const checked = result.value
    const event = await office.router.call('event.get', {}, session)
    const timeZone = event.ok ? event.value.timeZone : 'UTC'
    const clockOf = (ms: number): string => `${wallTimeAt(ms, timeZone).time}.${Math.floor((ms % 1000) / 100)}`
    const open = checked.findings.filter((f) => f.fix !== 'none')
    if (values.json === true) io.out(JSON.stringify(checked))
    else {
      if (checked.backups.length === 0) io.out(`No backup timer has times at ${checked.point}.`)
      for (const b of checked.backups)
        io.out(`${b.device}: ${b.times} time(s), ${b.matched} matched of ${checked.mainTimes}; usually ${signed(b.offsetMs)} s from the main timer.`)
      for (const f of checked.findings) {
        const at = f.main ?? f.backup
        const place = f.main?.order !== null && f.main?.order !== undefined ? ` #${f.main.order}` : ''
        io.out(
          `  ${f.kind} (${f.device})${place} at ${at === null ? '' : clockOf(at.atMs)}${f.differenceMs === null ? '' : `, ${signed(f.differenceMs)} s apart`} → ${f.fix}`,
        )
      }
      io.out(`${checked.findings.length} finding(s), ${open.length} the results depend on.`)
    }
    if (open.length > 0) throw new RejectedError(`${open.length} cross-check finding(s) are open.`)
  })
}

const signed = (ms: number): string => `${ms >= 0 ? '+' : '−'}${(Math.abs(ms) / 1000).toFixed(2)}`

const whole = (flag: string, value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} is a whole number from ${min} to ${max}.`)
  return n
}

async function printChutePaper(action: 'tally' | 'cards', args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, {
    race: { type: 'string' },
    out: { type: 'string' },
    sheets: { type: 'string' },
    'first-sheet': { type: 'string' },
    lines: { type: 'string' },
    first: { type: 'string' },
    last: { type: 'string' },
    paper: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
  })
  if (positionals.length !== 1) throw new UsageError('Give the event FILE.')
  if (values.out === undefined) throw new UsageError('Say where to write the PDF with --out FILE.pdf.')
  if (values.race === undefined) throw new UsageError('Give the race: --race NAME.')
  if (values.paper !== undefined && !(listPapers as readonly string[]).includes(values.paper)) throw new UsageError('--paper is a4 or letter.')
  if (values.lang !== undefined && !(printLanguages as readonly string[]).includes(values.lang)) throw new UsageError('--lang is en or ko.')
  const lines = whole('--lines', values.lines, 30, 50)
  if (lines !== undefined && ![30, 40, 50].includes(lines)) throw new UsageError('--lines is 30, 40 or 50.')
  const out = resolve(values.out)
  await withEventFile(resolve(positionals[0] as string), async (office, session) => {
    const [race] = await chooseRaces(office, session, values.race)
    const common = {
      raceId: (race as { id: number }).id,
      ...(values.paper !== undefined && { paper: values.paper as 'a4' | 'letter' }),
      ...(values.lang !== undefined && { language: values.lang as 'en' | 'ko' }),
    }
    const sheets = whole('--sheets', values.sheets, 1, 200)
    const firstSheet = whole('--first-sheet', values['first-sheet'], 1, 10_000)
    const first = whole('--first', values.first, 1, 100_000)
    const last = whole('--last', values.last, 1, 100_000)
    const request: PrintRequestInput =
      action === 'tally'
        ? {
            kind: 'tally',
            ...common,
            ...(sheets !== undefined && { sheets }),
            ...(firstSheet !== undefined && { firstSheet }),
            ...(lines !== undefined && { linesPerSheet: lines as 30 | 40 | 50 }),
          }
        : { kind: 'chute', ...common, ...(first !== undefined && { firstPlace: first }), ...(last !== undefined && { lastPlace: last }) }
    const { items, pages, bytes } = await writeDocument(office, session, request, out, io)
    if (values.json === true) io.out(JSON.stringify({ file: out, kind: request.kind, items, pages, bytes }))
    else io.out(`${action === 'tally' ? `Tally sheets: ${items}` : `Chute cards: ${items} on ${pages} pages`} → ${out}`)
  })
}
