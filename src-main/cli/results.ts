import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { unzipSync } from 'fflate'
import type { Race, Session } from '../../src-shared/contract'
import type { PrintRequestInput } from '../../src-shared/contract/prints'
import {
  rankingBases,
  teamPlaceCounts,
  teamScores,
  teamSources,
  timePrecisions,
  type BandAdaptation,
  type DivisionAward,
  type ResultRules,
  type TeamRules,
} from '../../src-shared/contract/result-rules'
import type { ResultRow } from '../../src-shared/contract/results'
import type { Office } from '../office/office'
import { chooseRaces, withEventFile } from './event-file'
import { writeDocument } from './print'
import { teamRows, teamRuleText, teamsCsv } from '../results/team-exports'
import { onePositional, parse, RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

const oneOf = <T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} is one of ${allowed.join(', ')} (not ${value}).`)
  return value as T
}

const count = (flag: string, value: string | undefined, max = 50): number | undefined => {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`${flag} is a whole number from 0 to ${max}.`)
  return n
}

export const racesCommand: Subcommand = {
  name: 'races',
  summary: 'list races, or set how a race is ranked: race-office races update',
  help: `Usage: race-office races list FILE [--json]
       race-office races update FILE --race NAME [--ranking gun|net] [--precision s|ds|cs]
                                [--award-overall N] [--award-category N] [--award-exclude-overall yes|no]
                                [--award-age-graded N] [--teams-score places|times|off] [--teams-size N]
                                [--teams-sex open|bySex|mixed:M] [--teams-places team|overall]
                                [--teams-from club|team] [--award-teams N] [--award-divisions NAME:N[:bySex],…|none]
                                [--bands split:N|merge:N|fixed] [--json]

races update sets a race's result rules. --ranking: places by gun time (official, World
Athletics) or by net time (from the runner's own start). --precision: times rounded up to whole
seconds (road races), tenths (ds) or hundredths (cs). Awards: the top N of each sex overall and of
each category, and whether overall winners are also awarded in their category.
--award-divisions: the organiser's divisions awarded apart, each its top N (of each sex with
:bySex), e.g. "Wheelchair:3:bySex,Corporate:5"; none awards no division.
--bands: age bands split where more than N runners of a sex are in one, or merged into the
smaller neighbour where fewer than N; fixed keeps them as set.
--teams-from: teams are the runners' clubs, or the team column of the import (or of the card).
--json prints the race as the office describes it.`,

  async run(args, io) {
    const [action, ...rest] = args
    if (action !== 'list' && action !== 'update')
      throw new UsageError(action === undefined ? 'Say what to do: races list or races update.' : `Unknown races action: ${action}.`)
    const { values, positionals } = parse(rest, {
      race: { type: 'string' },
      ranking: { type: 'string' },
      precision: { type: 'string' },
      'award-overall': { type: 'string' },
      'award-category': { type: 'string' },
      'award-exclude-overall': { type: 'string' },
      'award-age-graded': { type: 'string' },
      'teams-score': { type: 'string' },
      'teams-size': { type: 'string' },
      'teams-sex': { type: 'string' },
      'teams-places': { type: 'string' },
      'teams-from': { type: 'string' },
      'award-divisions': { type: 'string' },
      'award-teams': { type: 'string' },
      bands: { type: 'string' },
      json: { type: 'boolean' },
    })
    const file = resolve(onePositional(positionals, 'FILE (the event file)'))
    if (action === 'list') {
      return withEventFile(file, async (office, session) => {
        const races = await chooseRaces(office, session, undefined)
        if (values.json === true) return io.out(JSON.stringify(races))
        for (const race of races)
          io.out(`${race.name}: ${race.distanceM} m, places by ${race.rules.ranking} time, rounded to ${precisionWords[race.rules.precision]}`)
      })
    }
    if (values.race === undefined) throw new UsageError('Give the race: --race NAME.')
    const exclude = oneOf('--award-exclude-overall', values['award-exclude-overall'], ['yes', 'no'])
    const change = {
      ...(values.ranking !== undefined && { ranking: oneOf('--ranking', values.ranking, rankingBases) }),
      ...(values.precision !== undefined && { precision: oneOf('--precision', values.precision, timePrecisions) }),
      ...(values['award-overall'] !== undefined && { awardOverall: count('--award-overall', values['award-overall']) }),
      ...(values['award-category'] !== undefined && { awardCategory: count('--award-category', values['award-category']) }),
      ...(exclude !== undefined && { awardExcludeOverall: exclude === 'yes' }),
      ...(values['award-age-graded'] !== undefined && { awardAgeGraded: count('--award-age-graded', values['award-age-graded']) }),
      ...(values['award-divisions'] !== undefined && { divisions: divisionAwardsFrom(values['award-divisions']) }),
      ...(values['award-teams'] !== undefined && { awardTeams: count('--award-teams', values['award-teams'], 20) }),
      ...(values.bands !== undefined && { bands: bandsFrom(values.bands) }),
    }
    const teamFlags = ['teams-score', 'teams-size', 'teams-sex', 'teams-places', 'teams-from'] as const
    const changesTeams = teamFlags.some((flag) => values[flag] !== undefined)
    if (Object.keys(change).length === 0 && !changesTeams)
      throw new UsageError('Say what to change: --ranking, --precision, --bands, an --award option or a --teams option.')
    await withEventFile(file, async (office, session) => {
      const [race] = await chooseRaces(office, session, values.race)
      const teams = changesTeams ? teamRulesFrom(values, (race as Race).rules.teams) : undefined
      const updated = await office.router.call('races.update', { id: (race as Race).id, ...change, ...(teams !== undefined && { teams }) }, session)
      if (!updated.ok) throw new RejectedError(updated.error.message)
      const { name, rules } = updated.value
      if (values.json === true) return io.out(JSON.stringify(updated.value))
      io.out(`${name}: ${rulesText(rules)}.`)
    })
  },
}

const precisionWords = { s: 'whole seconds', ds: 'tenths', cs: 'hundredths' } as const

function rulesText(rules: ResultRules): string {
  const awards = [
    `top ${rules.awardOverall} overall`,
    `top ${rules.awardCategory} per category${rules.awardExcludeOverall ? ' (overall winners not again)' : ''}`,
    ...(rules.awardAgeGraded > 0 ? [`top ${rules.awardAgeGraded} by age grade`] : []),
    ...rules.divisions.map((d) => `top ${d.top} ${d.name}${d.bySex ? ' of each sex' : ''}`),
    ...(rules.teams !== null && rules.awardTeams > 0 ? [`top ${rules.awardTeams} teams`] : []),
  ]
  const bands =
    rules.bands === null
      ? 'as set'
      : rules.bands.adapt === 'split'
        ? `split above ${rules.bands.runners} runners`
        : `merged below ${rules.bands.runners} runners`
  return `places by ${rules.ranking} time, rounded up to ${precisionWords[rules.precision]}; age bands ${bands}; awards: ${awards.join(', ')}; teams: ${rules.teams === null ? 'none' : teamRuleText(rules.teams, 'en')}`
}

/** "Wheelchair:3:bySex,Corporate:5" — or none. */
function divisionAwardsFrom(text: string): DivisionAward[] {
  if (text.trim().toLowerCase() === 'none') return []
  return text.split(',').map((part) => {
    const match = /^\s*([^:]+?)\s*:\s*(\d+)\s*(?::\s*(bySex)\s*)?$/.exec(part)
    const top = Number(match?.[2])
    if (match === null || top < 1 || top > 50)
      throw new UsageError(`--award-divisions takes NAME:N or NAME:N:bySex (N from 1 to 50), split by commas, or none (not "${part.trim()}").`)
    return { name: match[1] as string, top, bySex: match[3] !== undefined }
  })
}

function bandsFrom(text: string): BandAdaptation | null {
  if (text === 'fixed') return null
  const match = /^(split|merge):(\d+)$/.exec(text)
  const runners = Number(match?.[2])
  if (match === null || runners < 2 || runners > 10_000) throw new UsageError('--bands is split:N, merge:N (N from 2 to 10000) or fixed.')
  return { adapt: match[1] as BandAdaptation['adapt'], runners }
}
const formats = ['json', 'csv', 'html', 'pdf', 'itra', 'ultrasignup'] as const

export const resultsCommand: Subcommand = {
  name: 'results',
  summary: 'write the results as JSON, CSV, an HTML site or PDF',
  help: `Usage: race-office results FILE [--race NAME] --format json|csv|html|pdf|itra|ultrasignup [--out FILE] [--lang en|ko]
       race-office results FILE --awards|--certificates [--race NAME] [--bib N] --out FILE.pdf [--lang en|ko]
       race-office results FILE --teams [--race NAME] --format json|csv|html|pdf [--out FILE] [--lang en|ko]

Every runner of the event (or of one race) in result order: finishers by place, then runners not
yet finished, DNS, DNF and DQ.
  json   an array of rows with race, bib, givenName, familyName, sex, category, status, gunTimeMs,
         netTimeMs, place, sexPlace, categoryPlace (and wave, club, splits…); to stdout or --out
  csv    one row per runner with every time and place; to stdout or --out
  html   a static results site (an index and a page per race, searchable without a server) in
         the folder --out DIR
  pdf    result lists in columns with the event's header, to --out FILE.pdf
  itra   ITRA's result file (XLSX: Ranking, Time, Family name, First name, Gender, Birthdate,
         Nationality, Bib number) for one race (--race), to --out FILE.xlsx
  ultrasignup  UltraSignup's results upload (CSV: place, time, first, last, age, gender, dob, bib,
         status) for one race (--race); to stdout or --out
--awards writes the award list, --certificates finisher certificates (one runner with --bib).
--teams writes the team results of the races that score teams (races update --teams-score):
json rows with race, team, sex, place, score, scorers [{bib, place, timeMs}], complete; csv;
html (the site, whose teams.html lists them); pdf.`,

  async run(args, io) {
    const { values, positionals } = parse(args, {
      race: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string' },
      awards: { type: 'boolean' },
      certificates: { type: 'boolean' },
      bib: { type: 'string' },
      teams: { type: 'boolean' },
    })
    const file = resolve(onePositional(positionals, 'FILE (the event file)'))
    const language = oneOf('--lang', values.lang, ['en', 'ko'] as const) ?? 'en'
    const document = values.awards === true ? 'awards' : values.certificates === true ? 'certificates' : null
    const format = document !== null ? 'pdf' : oneOf('--format', values.format, formats)
    if (format === undefined) throw new UsageError('Say which format: --format json, csv, html or pdf.')
    const out = values.out === undefined ? undefined : resolve(values.out)
    if (out === undefined && (format === 'html' || format === 'pdf' || format === 'itra'))
      throw new UsageError(
        format === 'html'
          ? 'Say which folder the site goes in: --out DIR.'
          : format === 'itra'
            ? 'Say where to write the workbook: --out FILE.xlsx.'
            : 'Say where to write the PDF: --out FILE.pdf.',
      )
    if (out !== undefined && !existsSync(dirname(out))) throw new RejectedError(`There is no folder ${dirname(out)} to write ${out} in.`)
    const bib = values.bib === undefined ? undefined : Number(values.bib)
    if (bib !== undefined && !(Number.isInteger(bib) && bib > 0)) throw new UsageError('--bib is a bib number.')

    await withEventFile(file, async (office, session) => {
      const [race] = values.race === undefined ? [] : await chooseRaces(office, session, values.race)
      const raceId = race?.id
      if (values.teams === true) return writeTeams(office, session, format, raceId, language, out, io)
      if (format === 'json') return write(io, out, `${JSON.stringify(await everyRow(office, session, raceId), null, 1)}\n`)
      if (format === 'csv' || format === 'html' || format === 'itra' || format === 'ultrasignup') {
        const exported = await office.router.call('results.export', { format, language, ...(raceId !== undefined && { raceId }) }, session)
        if (!exported.ok) throw new RejectedError(exported.error.message)
        const bytes = Buffer.from(exported.value.base64, 'base64')
        if (format === 'csv' || format === 'ultrasignup') return write(io, out, bytes.toString('utf8'))
        if (format === 'itra') {
          writeFileSync(out as string, bytes)
          return io.out(`ITRA result file → ${out}`)
        }
        const dir = out as string
        const files = Object.entries(unzipSync(bytes)).map(([path, content]) => [path.split('/').slice(1).join('/'), content] as const)
        for (const [path, content] of files) {
          mkdirSync(dirname(join(dir, path)), { recursive: true })
          writeFileSync(join(dir, path), content)
        }
        return io.out(`Results site: ${files.length} pages → ${join(dir, 'index.html')}`)
      }
      const request = { kind: document ?? 'results', language, ...(raceId !== undefined && { raceId }), ...(bib !== undefined && { bib }) } as PrintRequestInput
      const made = await writeDocument(office, session, request, out as string, io)
      io.out(
        `${document === 'awards' ? 'Award list' : document === 'certificates' ? 'Certificates' : 'Result lists'}: ${made.items} ${document === 'awards' ? 'winners' : 'runners'} on ${made.pages} pages → ${out}`,
      )
    })
  },
}

function write(io: CliIo, out: string | undefined, text: string): void {
  if (out === undefined) io.out(text.replace(/\n$/, ''))
  else writeFileSync(out, text)
}

/** Every runner's row, race by race, read through the office a page at a time. */
async function everyRow(office: Office, session: Session, raceId: number | undefined): Promise<ResultRow[]> {
  const races = await office.router.call('results.races', {}, session)
  if (!races.ok) throw new RejectedError(races.error.message)
  const rows: ResultRow[] = []
  for (const race of races.value.races.filter((r) => raceId === undefined || r.id === raceId)) {
    for (let offset = 0; ; offset += 1000) {
      const page = await office.router.call('results.list', { raceId: race.id, offset, limit: 1000 }, session)
      if (!page.ok) throw new RejectedError(page.error.message)
      rows.push(...page.value.rows)
      if (page.value.rows.length < 1000) break
    }
  }
  return rows
}

async function writeTeams(
  office: Office,
  session: Session,
  format: (typeof formats)[number],
  raceId: number | undefined,
  language: 'en' | 'ko',
  out: string | undefined,
  io: CliIo,
): Promise<void> {
  const teams = await office.router.call('results.teams', raceId === undefined ? {} : { raceId }, session)
  if (!teams.ok) throw new RejectedError(teams.error.message)
  if (teams.value.races.length === 0) throw new RejectedError('No race scores teams: set the scoring first (races update --teams-score places|times).')
  if (format === 'json') return write(io, out, `${JSON.stringify(teamRows(teams.value), null, 1)}\n`)
  if (format === 'csv') return write(io, out, teamsCsv(teams.value))
  if (format === 'pdf') {
    const made = await writeDocument(office, session, { kind: 'teams', language, ...(raceId !== undefined && { raceId }) }, out as string, io)
    return io.out(`Team results: ${made.items} teams on ${made.pages} pages → ${out}`)
  }
  if (format !== 'html') throw new UsageError('Team results are written as json, csv, html or pdf.')
  const exported = await office.router.call('results.export', { format: 'html', language, ...(raceId !== undefined && { raceId }) }, session)
  if (!exported.ok) throw new RejectedError(exported.error.message)
  const dir = out as string
  for (const [path, content] of Object.entries(unzipSync(Buffer.from(exported.value.base64, 'base64')))) {
    const inside = path.split('/').slice(1).join('/')
    mkdirSync(dirname(join(dir, inside)), { recursive: true })
    writeFileSync(join(dir, inside), content)
  }
  io.out(`Team results → ${join(dir, 'teams.html')}`)
}

/** The race's team rules with the flags given applied (a race scoring no teams starts from four, open, places among team runners). */
function teamRulesFrom(values: Record<string, string | boolean | undefined>, current: TeamRules | null): TeamRules | null {
  const score = values['teams-score'] as string | undefined
  if (score === 'off') return null
  const base: TeamRules = current ?? { score: 'places', size: 4, sex: 'open', mixedMin: 1, places: 'team', from: 'club' }
  const sexFlag = values['teams-sex'] as string | undefined
  const mixed = sexFlag === undefined ? null : /^mixed:(\d+)$/.exec(sexFlag)
  if (sexFlag !== undefined && mixed === null && sexFlag !== 'open' && sexFlag !== 'bySex')
    throw new UsageError('--teams-sex is open, bySex or mixed:M (at least M of each sex).')
  const size = values['teams-size'] === undefined ? base.size : Number(values['teams-size'])
  if (!Number.isInteger(size) || size < 1 || size > 20) throw new UsageError('--teams-size is a whole number from 1 to 20.')
  return {
    score: score === undefined ? base.score : (oneOf('--teams-score', score, teamScores) as TeamRules['score']),
    size,
    sex: mixed !== null ? 'mixed' : ((sexFlag as TeamRules['sex'] | undefined) ?? base.sex),
    mixedMin: mixed !== null ? Number(mixed[1]) : base.mixedMin,
    places:
      values['teams-places'] === undefined ? base.places : (oneOf('--teams-places', values['teams-places'] as string, teamPlaceCounts) as TeamRules['places']),
    from: values['teams-from'] === undefined ? base.from : (oneOf('--teams-from', values['teams-from'] as string, teamSources) as TeamRules['from']),
  }
}
