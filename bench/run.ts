// `npm run bench [-- NAME…]`: prints one JSON object per line, {name, value, unit, floor, ratio},
// where the floor is the physical floor of the same work measured in the same run.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Session } from '../src-shared/contract'
import { fold, searchTerms, words } from '../src-shared/search/fold'
import { searchEntrants } from '../src-main/entrants/search'
import { uploadThroughRouter } from '../src-main/cli/upload'
import { openOffice, type Office } from '../src-main/office/office'
import { runCheckinFlow } from './checkin-flow'
import { everything, fullRecompute, incrementalUpdates, raceDay, teamsAndAgeGrades } from './results'
import { captureThroughHost, importReads } from './timing'
import { importDecoderFiles } from './decoder-files'
import { liveDecoderRate } from './live-decoder'
import { nearMissTimes } from './near-miss'
import { bostonTape, typedKeys } from './typed-times'
import { offsetErrors } from './clock'
import { loadTest } from './load'
import { bostonField } from './real-field'
import { cliStartTimes } from './cli-start'
import { benchRaces, generateEntrants, random, toPlatformCsv, type GeneratedEntrant } from './generate'

interface Line {
  name: string
  value: number
  unit: string
  floor: number
  ratio: number
}

const organiser: Session = { role: 'organiser', actor: 'bench', desk: 'bench' }
const entrantCount = 50_000
const dir = mkdtempSync(join(tmpdir(), 'race-office-bench-'))
let fileNumber = 0

function print(line: Omit<Line, 'ratio'>): void {
  const rounded = (n: number): number => Math.round(n * 1000) / 1000
  // A count whose floor is zero (errors, lost writes) is at its floor when it is zero too.
  const ratio = line.floor === 0 ? (line.value === 0 ? 1 : line.value) : line.value / line.floor
  console.log(JSON.stringify({ name: line.name, value: rounded(line.value), unit: line.unit, floor: rounded(line.floor), ratio: rounded(ratio) }))
}

function median(values: number[]): number {
  return quantile(values, 0.5)
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
}

async function newEvent(): Promise<Office> {
  const office = await openOffice(join(dir, `event-${++fileNumber}.raceoffice`), {
    newEvent: { name: 'Bench Marathon', date: '2025-04-06', timeZone: 'Asia/Pyongyang' },
  })
  for (const race of benchRaces) await office.router.call('races.create', { name: race.name, distanceM: race.distanceM }, organiser)
  return office
}

async function importCsv(office: Office, bytes: Buffer, expected = entrantCount): Promise<void> {
  const uploaded = await uploadThroughRouter(office.router, organiser, bytes, 'bench.csv')
  if (!uploaded.ok) throw new Error(uploaded.message)
  const result = await office.router.call('imports.commit', { id: uploaded.id }, organiser)
  if (!result.ok) throw new Error(`${result.error.message} ${JSON.stringify(result.error.details).slice(0, 500)}`)
  if (result.value.imported !== expected) throw new Error(`imported ${result.value.imported}, expected ${expected}`)
}

/**
 * The floor: the same rows, already parsed, through one prepared statement in one transaction,
 * each with the search-index row the import writes for it (its name's terms worked out anew).
 */
async function insertFloor(entrants: GeneratedEntrant[]): Promise<number> {
  const office = await newEvent()
  const raceIds = new Map((await office.file.db.selectFrom('race').select(['id', 'name']).execute()).map((r) => [r.name, r.id]))
  const rows = entrants.map((e, i) => ({
    id: `floor-${i}`,
    ref: e.ref,
    bib: e.bib,
    race_id: raceIds.get(e.race),
    given_name: e.givenName,
    family_name: e.familyName,
    second_name: e.nativeName || null,
    sex: e.sex,
    birth_date: e.birthDate,
    nationality: e.nationality,
    club: e.club || null,
    email: e.email,
    shirt_size: e.shirt,
  }))
  const insert = office.file.sqlite.prepare(
    `insert into entrant (id, ref, bib, race_id, given_name, family_name, second_name, sex, birth_date, nationality, club, email, shirt_size, created_at_ms, updated_at_ms)
     values (@id, @ref, @bib, @race_id, @given_name, @family_name, @second_name, @sex, @birth_date, @nationality, @club, @email, @shirt_size, 0, 0)`,
  )
  const index = office.file.sqlite.prepare('insert into entrant_search (rowid, terms) values (?, ?)')
  const start = performance.now()
  office.file.sqlite.transaction(() => {
    rows.forEach((row, i) => {
      const { lastInsertRowid } = insert.run(row)
      const e = entrants[i] as GeneratedEntrant
      index.run(lastInsertRowid, searchTerms({ givenName: e.givenName, familyName: e.familyName, secondName: e.nativeName || null }).join(' '))
    })
  })()
  const elapsed = performance.now() - start
  await office.close()
  return elapsed
}

const benchmarks: Record<string, () => Promise<void>> = {
  async 'import.50k'() {
    const entrants = generateEntrants(entrantCount)
    const bytes = Buffer.from(toPlatformCsv(entrants))
    const times: number[] = []
    const floors: number[] = []
    for (let run = 0; run < 3; run++) {
      const office = await newEvent()
      const start = performance.now()
      await importCsv(office, bytes)
      times.push(performance.now() - start)
      const found = await searchEntrants(office.file.db, { query: entrants[entrantCount - 1]?.familyName ?? '', limit: 1 })
      if (found.items.length === 0) throw new Error('imported entrants are not searchable')
      await office.close()
      floors.push(await insertFloor(entrants))
    }
    print({ name: 'import.50k', value: median(times), unit: 'ms', floor: median(floors) })
  },

  async 'search.50k'() {
    const entrants = generateEntrants(entrantCount)
    const office = await newEvent()
    await importCsv(office, Buffer.from(toPlatformCsv(entrants)))
    const queries = volunteerQueries(entrants, 2000)
    const floorStatement = office.file.sqlite.prepare('select rowid from entrant_search where entrant_search match ? limit 20')
    const floorTerm = (query: string): string | null => {
      const tokens = words(query)
      return tokens.length === 0 ? null : tokens.map((t) => `"${t}"*`).join(' ')
    }
    for (const query of queries.slice(0, 200)) await searchEntrants(office.file.db, { query, limit: 20 })
    const times: number[] = []
    const floors: number[] = []
    for (const query of queries) {
      const start = performance.now()
      await searchEntrants(office.file.db, { query, limit: 20 })
      times.push(performance.now() - start)
      const term = floorTerm(query) ?? `"${fold(query)}"`
      const floorStart = performance.now()
      floorStatement.all(term)
      floors.push(performance.now() - floorStart)
    }
    await sql`select 1`.execute(office.file.db)
    await office.close()
    print({ name: 'search.50k.p50', value: quantile(times, 0.5), unit: 'ms', floor: quantile(floors, 0.5) })
    print({ name: 'search.50k.p99', value: quantile(times, 0.99), unit: 'ms', floor: quantile(floors, 0.99) })
  },

  async 'bibs.pdf.50k'() {
    const office = await newEvent()
    await importCsv(office, Buffer.from(toPlatformCsv(generateEntrants(entrantCount))))
    const eventPath = office.file.path
    await office.close()
    // Each run in its own process, so the peak memory measured is the print's alone. The sheets are
    // made as a user makes them, by the built command line, a whole process (its start and marking
    // the bibs printed included); the floor is timed from its first page.
    const sheets = cliSheetsRun(eventPath)
    const floor = floorPrintRun(eventPath)
    if (sheets.pages !== floor.pages) throw new Error(`the floor drew ${floor.pages} pages, the sheets ${sheets.pages}`)
    print({ name: 'bibs.pdf.50k', value: sheets.ms, unit: 'ms', floor: floor.ms })
    print({ name: 'bibs.pdf.50k.rss', value: sheets.peakRssMb, unit: 'MB', floor: floor.peakRssMb })
  },

  async 'checkin.flow'() {
    const entrants = generateEntrants(entrantCount)
    const office = await newEvent()
    await importCsv(office, Buffer.from(toPlatformCsv(entrants)))
    const eventPath = office.file.path
    await office.close()
    const [byName = [], scans = [], floorRunners = []] = pickRunners(entrants, 11, [200, 20, 200])
    const flow = await runCheckinFlow(eventPath, byName, scans, floorRunners)
    print({ name: 'checkin.flow.search.p50', value: quantile(flow.search, 0.5), unit: 'ms', floor: quantile(flow.searchFloor, 0.5) })
    print({ name: 'checkin.flow.search.p95', value: quantile(flow.search, 0.95), unit: 'ms', floor: quantile(flow.searchFloor, 0.95) })
    print({ name: 'checkin.flow.confirm.p50', value: quantile(flow.confirm, 0.5), unit: 'ms', floor: quantile(flow.confirmFloor, 0.5) })
    print({ name: 'checkin.flow.confirm.p95', value: quantile(flow.confirm, 0.95), unit: 'ms', floor: quantile(flow.confirmFloor, 0.95) })
    // Keystrokes: the floor by name is a three-letter prefix, Enter to pick, Enter to check in;
    // by scan it is the scan itself (its own Enter included) and one Enter.
    print({ name: 'checkin.flow.keys.name', value: median(flow.keysByName), unit: 'keys', floor: 5 })
    print({ name: 'checkin.flow.keys.scan', value: median(flow.keysByScan), unit: 'scan+keys', floor: 2 })

    const field = bostonField()
    const real = await newEvent()
    await importCsv(real, Buffer.from(toPlatformCsv(field)), field.length)
    const realPath = real.file.path
    await real.close()
    const [realByName = []] = pickRunners(field, 13, [200])
    const realFlow = await runCheckinFlow(realPath, realByName, [], [])
    print({ name: 'checkin.flow.keys.name.real', value: median(realFlow.keysByName), unit: 'keys', floor: 5 })
  },

  async 'timing.capture'() {
    const entrants = generateEntrants(entrantCount)
    const office = await newEvent()
    await importCsv(office, Buffer.from(toPlatformCsv(entrants)))
    await office.router.call('clock.start', { raceId: 1, atMs: Date.UTC(2025, 3, 6, 0), device: 'bench' }, organiser)
    const eventPath = office.file.path
    await office.close()
    const run = await captureThroughHost(
      eventPath,
      10,
      entrants.map((e) => e.bib),
    )
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length
    print({ name: 'timing.capture.rate', value: run.count / run.seconds, unit: 'per s', floor: 1000 / mean(run.floor) })
    print({ name: 'timing.capture.p99', value: quantile(run.latencies, 0.99), unit: 'ms', floor: quantile(run.floor, 0.99) })
  },

  async 'clock.offset.error'() {
    const office = await newEvent()
    const eventPath = office.file.path
    await office.close()
    const run = await offsetErrors(eventPath, 200)
    print({ name: 'clock.offset.error', value: quantile(run.errors, 0.99), unit: 'ms', floor: 0 })
    // The same exchanges, estimated from the one with the smallest round trip alone.
    print({ name: 'clock.offset.error.smallestRoundTrip', value: quantile(run.singleErrors, 0.99), unit: 'ms', floor: 0 })
    print({ name: 'clock.offset.uncertainty.p50', value: quantile(run.uncertainties, 0.5), unit: 'ms', floor: 0 })
  },

  async 'reads.import.250k'() {
    const office = await newEvent()
    const eventPath = office.file.path
    await office.close()
    const run = await importReads(eventPath, join(dir, `event-${++fileNumber}.raceoffice`), 27_000, 250_000)
    print({ name: 'reads.import.250k', value: run.ms, unit: 'ms', floor: run.floorMs })
    // The same reads in each decoder's own file (times to its resolution, hundredths for some).
    const reads = run.rows.map((r) => ({ bib: r.bib, atMs: Math.floor(r.atMs / 10) * 10 }))
    const copies = async () => {
      const copy = await newEvent()
      await copy.close()
      return copy.file.path
    }
    for (const { format, ms } of await importDecoderFiles(copies, reads, 27_000))
      print({ name: `reads.import.250k.${format}`, value: ms, unit: 'ms', floor: run.floorMs })
  },

  async 'reads.live.rate'() {
    const office = await newEvent()
    try {
      await importCsv(office, Buffer.from(toPlatformCsv(generateEntrants(entrantCount))))
      await raceDay(office)
      const run = await liveDecoderRate(office, Date.UTC(2025, 3, 6, 0), 2500, 30)
      // The floor is what the decoder offered: every read it sent, taken as fast as it came.
      print({ name: 'reads.live.rate', value: run.rate, unit: 'reads/s', floor: run.offered })
      print({ name: 'reads.live.lost', value: run.lost, unit: 'reads', floor: 0 })
      print({ name: 'reads.live.doubled', value: run.doubled, unit: 'reads', floor: 0 })
      // Asked for again after the drop; the floor is what the decoder took while the link was down.
      print({ name: 'reads.live.fetchedAfterDrop', value: run.fetched, unit: 'reads', floor: run.sentWhileOffline })
    } finally {
      await office.close()
    }
  },

  async 'finish.nearmiss'() {
    const office = await newEvent()
    try {
      await importCsv(office, Buffer.from(toPlatformCsv(generateEntrants(entrantCount))))
      await raceDay(office)
      const run = await nearMissTimes(office, 2000)
      print({ name: 'finish.nearmiss.p99', value: quantile(run.times, 0.99), unit: 'ms', floor: quantile(run.floors, 0.99) })
    } finally {
      await office.close()
    }
  },

  async 'finish.typed'() {
    const tape = bostonTape()
    // A marathon's tape: every time has hours, so five digits each, and the desk set to go in after five.
    const auto = typedKeys(tape, 5)
    print({ name: 'finish.typed.keys', value: auto.keys, unit: 'keys/time', floor: auto.floor })
    const withEnter = typedKeys(tape, 0)
    print({ name: 'finish.typed.keys.withEnter', value: withEnter.keys, unit: 'keys/time', floor: withEnter.floor })
  },

  async 'cli.start'() {
    const office = await newEvent()
    await importCsv(office, Buffer.from(toPlatformCsv(generateEntrants(400))), 400)
    const eventPath = office.file.path
    await office.close()
    const times = cliStartTimes(eventPath, 10)
    const floor = median(times.floor)
    // The target holds for both commands: the line is the slower of the two.
    print({ name: 'cli.start', value: Math.max(median(times.help), median(times.entrants)), unit: 'ms', floor })
    print({ name: 'cli.start.help', value: median(times.help), unit: 'ms', floor })
    print({ name: 'cli.start.entrants', value: median(times.entrants), unit: 'ms', floor })
  },

  async 'results.50k'() {
    const office = await newEvent()
    try {
      await importCsv(office, Buffer.from(toPlatformCsv(generateEntrants(entrantCount))))
      await raceDay(office)
      const full = fullRecompute(office, 7)
      if (full.finishers !== entrantCount) throw new Error(`${full.finishers} finishers ranked, expected ${entrantCount}`)
      print({ name: 'results.50k', value: median(full.recompute), unit: 'ms', floor: median(full.floors) })
      print({ name: 'results.50k.fromFile', value: median(full.load), unit: 'ms', floor: median(full.loadFloors) })
      const one = await incrementalUpdates(office, 200)
      print({ name: 'results.50k.incremental', value: quantile(one.times, 0.95), unit: 'ms', floor: quantile(one.floors, 0.95) })
      const extra = await teamsAndAgeGrades(office, 7)
      if (extra.teamCount < 5000) throw new Error(`${extra.teamCount} teams scored, expected at least 5,000`)
      print({ name: 'results.50k.teams', value: median(extra.teams), unit: 'ms', floor: median(extra.teamFloors) })
      print({ name: 'results.50k.ageGraded', value: median(extra.graded), unit: 'ms', floor: median(extra.gradedFloors) })
      const all = await everything(office, 7)
      if (all.divisionAwards < 9) throw new Error(`${all.divisionAwards} division award groups, expected at least 9`)
      print({ name: 'results.50k.divisions', value: median(all.recompute), unit: 'ms', floor: median(full.floors) })
      print({ name: 'results.50k.everything', value: median(all.times), unit: 'ms', floor: median(full.floors) + median(extra.teamFloors) })
      const late = await incrementalUpdates(office, 200, entrantCount - 400)
      print({ name: 'results.50k.incremental.divisions', value: quantile(late.times, 0.95), unit: 'ms', floor: quantile(late.floors, 0.95) })
    } finally {
      await office.close()
    }
  },

  async 'load.20desks'() {
    const office = await newEvent()
    await importCsv(office, Buffer.from(toPlatformCsv(generateEntrants(entrantCount))))
    const eventPath = office.file.path
    await office.close()
    const run = await loadTest(eventPath, 20, 2, 60)
    if (run.firstErrors.length > 0) console.error(`load.20desks: first errors:\n  ${run.firstErrors.join('\n  ')}`)
    const worst = [...run.latencies].map(([command, times]) => [command, quantile(times, 0.99)] as const).sort((a, b) => b[1] - a[1])
    const floorP99 = quantile(run.floorLatencies, 0.99)
    print({ name: 'load.20desks.rate', value: run.requests / run.seconds, unit: 'requests/s', floor: run.floorRate })
    print({ name: 'load.20desks.p99', value: worst[0]?.[1] ?? 0, unit: 'ms', floor: floorP99 })
    for (const [command, p99] of worst) print({ name: `load.20desks.p99.${command}`, value: p99, unit: 'ms', floor: floorP99 })
    print({ name: 'load.20desks.errors', value: run.errors, unit: 'requests', floor: 0 })
    print({ name: 'load.20desks.lost', value: run.lost, unit: 'writes', floor: 0 })
  },
}

/** Distinct runners drawn at random (seeded), in groups of the given sizes. */
function pickRunners(entrants: GeneratedEntrant[], seed: number, sizes: number[]): GeneratedEntrant[][] {
  const rnd = random(seed)
  const chosen = new Set<number>()
  const total = sizes.reduce((a, b) => a + b, 0)
  while (chosen.size < total) chosen.add(Math.floor(rnd() * entrants.length))
  const picked = [...chosen].map((i) => entrants[i] as GeneratedEntrant)
  let from = 0
  return sizes.map((size) => picked.slice(from, (from += size)))
}

function floorPrintRun(eventPath: string): { ms: number; pages: number; peakRssMb: number } {
  const child = join(import.meta.dirname, 'print-child.ts')
  const output = execFileSync(process.execPath, [...process.execArgv, child, eventPath, join(dir, 'floor.pdf')], { encoding: 'utf8' })
  return JSON.parse(output.trim().split('\n').at(-1) as string) as { ms: number; pages: number; peakRssMb: number }
}

/** `race-office bibs sheets EVENT --out FILE` (built, as shipped), timed as a whole process. */
function cliSheetsRun(eventPath: string): { ms: number; pages: number; peakRssMb: number } {
  const cli = join(import.meta.dirname, '..', 'bin', 'race-office.mjs')
  const peakRss = join(import.meta.dirname, 'peak-rss.mjs')
  const start = performance.now()
  const run = spawnSync(process.execPath, ['--import', peakRss, cli, 'bibs', 'sheets', eventPath, '--out', join(dir, 'sheets.pdf'), '--json'], {
    encoding: 'utf8',
  })
  const ms = performance.now() - start
  if (run.status !== 0) throw new Error(`bibs sheets failed: ${run.stderr}`)
  const { pages } = JSON.parse(run.stdout) as { pages: number }
  const { peakRssMb } = JSON.parse(run.stderr.trim().split('\n').at(-1) as string) as { peakRssMb: number }
  return { ms, pages, peakRssMb }
}

/** What volunteers type: 1–6 letters of a family or given name, a bib, a reference, Hangul. */
function volunteerQueries(entrants: GeneratedEntrant[], count: number): string[] {
  const rnd = random(7)
  const pick = (): GeneratedEntrant => entrants[Math.floor(rnd() * entrants.length)] as GeneratedEntrant
  const prefix = (text: string): string => text.slice(0, 1 + Math.floor(rnd() * 6))
  const queries: string[] = []
  while (queries.length < count) {
    const e = pick()
    const roll = rnd()
    if (roll < 0.35) queries.push(prefix(e.familyName))
    else if (roll < 0.55) queries.push(prefix(e.givenName))
    else if (roll < 0.65) queries.push(`${e.givenName.slice(0, 3)} ${prefix(e.familyName)}`)
    else if (roll < 0.77) queries.push(String(e.bib))
    else if (roll < 0.85) queries.push(e.ref)
    else if (e.nativeName !== '') queries.push(e.nativeName.slice(0, 1 + Math.floor(rnd() * 3)))
  }
  return queries
}

const wanted = process.argv.slice(2).filter((arg) => arg !== '--')
const unknown = wanted.filter((name) => !(name in benchmarks))
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`)
  process.exit(2)
}
try {
  for (const [name, run] of Object.entries(benchmarks)) if (wanted.length === 0 || wanted.includes(name)) await run()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
