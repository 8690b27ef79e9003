// results.50k: the whole results of a 50,000-finisher event read from the file, and brought up to
// date after one more capture.
import { uuidv7 } from 'uuidv7'
import type { Session } from '../src-shared/contract'
import type { Office } from '../src-main/office/office'
import { placesOf, ResultsEngine, type RaceStanding } from '../src-main/results/engine'
import { loadCaptures, loadMarks } from '../src-main/results/load'
import { random } from './generate'
import { factsChangedBy } from '../src-main/commands/registry'
import { teamResults } from '../src-main/results/teams'
import { listResults, resultsAwards, resultsTeams } from '../src-main/results/service'

const organiser: Session = { role: 'organiser', actor: 'bench', desk: 'bench' }
const finish: Session = { role: 'finish', actor: 'bench', desk: 'finish-1' }
const gun = Date.UTC(2025, 3, 6, 0)

/**
 * Race day for every imported runner: waves in the marathon, a gun per race and wave, start reads
 * for all; at the finish, chip reads for 60 % and finish-line captures for the rest (half typed
 * with their time, half as times and bibs typed in finish order on two devices).
 */
export async function raceDay(office: Office): Promise<void> {
  const sqlite = office.file.sqlite
  const races = sqlite.prepare('select id, name from race order by id').all() as { id: number; name: string }[]
  const marathon = races[0] as { id: number }
  const updated = await office.router.call('races.update', { id: marathon.id, waves: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] }, organiser)
  if (!updated.ok) throw new Error(updated.error.message)
  for (const [i, wave] of updated.value.waves.entries()) {
    sqlite.prepare('update entrant set wave_id = ? where race_id = ? and bib % 3 = ?').run(wave.id, marathon.id, i)
    await office.router.call('clock.start', { raceId: marathon.id, waveId: wave.id, atMs: gun + i * 600_000, device: 'bench' }, finish)
  }
  for (const race of races.slice(1)) await office.router.call('clock.start', { raceId: race.id, atMs: gun + 1_800_000, device: 'bench' }, finish)
  const runners = sqlite.prepare('select bib from entrant where bib is not null order by bib').all() as { bib: number }[]
  const rnd = random(11)
  const read = sqlite.prepare("insert into chip_read (import_id, chip, bib, point, at_ms, reader, line) values ('bench', null, ?, ?, ?, 'mat', ?)")
  const capture = sqlite.prepare(
    "insert into capture (id, device, seq, point, at_ms, bib, position, source, state, created_at_ms, actor, desk) values (?, ?, ?, 'finish', ?, ?, ?, ?, 'active', 0, 'bench', 'finish-1')",
  )
  const finishes = runners.map(({ bib }) => ({
    bib,
    start: gun + Math.floor(rnd() * 2_400_000),
    at: gun + 7_000_000 + Math.floor(rnd() * 14_000_000),
    roll: rnd(),
  }))
  const manual = finishes.filter((f) => f.roll >= 0.6).sort((a, b) => a.at - b.at)
  sqlite.transaction(() => {
    for (const [line, f] of finishes.entries()) {
      read.run(f.bib, 'start', f.start, line)
      read.run(f.bib, 'start', f.start + 400, line)
      if (f.roll < 0.6) read.run(f.bib, 'finish', f.at, line)
    }
    let timerSeq = 0
    let bibSeq = 0
    for (const f of manual) {
      if (f.roll < 0.8) capture.run(uuidv7(), 'timer', ++timerSeq, f.at, f.bib, f.at, 'key')
      else {
        capture.run(uuidv7(), 'timer', ++timerSeq, f.at, null, f.at, 'key')
        capture.run(uuidv7(), 'bibs', ++bibSeq, null, f.bib, f.at + 5000, 'typed')
      }
    }
  })()
}

/**
 * Every result worked out anew from the facts in memory (what any change but a capture or an
 * official's decision costs), and its floor: one pass over the finishers' times and a sort of them
 * as plain numbers. Then the same from the file (reading every fact again), with reading the same
 * rows as its floor.
 */
export function fullRecompute(office: Office, runs: number) {
  const sqlite = office.file.sqlite
  const engine = new ResultsEngine(sqlite, factsChangedBy)
  const recompute: number[] = []
  const floors: number[] = []
  const load: number[] = []
  const loadFloors: number[] = []
  let finishers = 0
  for (let run = 0; run < runs; run++) {
    let start = performance.now()
    const state = engine.recompute()
    recompute.push(performance.now() - start)
    finishers = state.races.reduce((n, r) => n + r.ranked.length, 0)
    start = performance.now()
    for (const race of state.races) {
      const times = new Float64Array(race.members.length)
      for (const [i, s] of race.members.entries()) times[i] = (s.finish?.atMs ?? 0) - (s.gunAtMs ?? 0)
      times.sort()
    }
    floors.push(performance.now() - start)
    engine.reset()
    start = performance.now()
    engine.current()
    load.push(performance.now() - start)
    start = performance.now()
    sqlite
      .prepare(
        "select num, id, bib, race_id, wave_id, given_name, family_name, second_name, sex, category, club, nationality from entrant where status <> 'withdrawn'",
      )
      .raw()
      .all()
    sqlite.prepare("select id, device, seq, point, at_ms, bib, position, source from capture where state = 'active'").raw().all()
    sqlite.prepare('select bib, point, at_ms from chip_read').raw().all()
    loadFloors.push(performance.now() - start)
  }
  return { recompute, floors, load, loadFloors, finishers }
}

/**
 * One more capture at a time through the office (a time with its bib, or a time and then the bib
 * typed for it) for `count` runners (the highest bibs after `skip`), and after each the results brought up to date and the runner's places read. The
 * floor: reading what was written since (the audit's new rows and the new capture) without using it.
 */
export async function incrementalUpdates(office: Office, count: number, skip = 0): Promise<{ times: number[]; floors: number[] }> {
  const sqlite = office.file.sqlite
  const engine = new ResultsEngine(sqlite, factsChangedBy)
  engine.current()
  const latest = sqlite.prepare('select max(at_ms) as at from capture').get() as { at: number }
  const onCourse = sqlite.prepare('select bib from entrant where bib is not null order by bib desc limit ? offset ?').all(count, skip) as { bib: number }[]
  const times: number[] = []
  const floors: number[] = []
  for (const [i, { bib }] of onCourse.entries()) {
    const marks = loadMarks(sqlite)
    const input = { device: `late-timer-${skip}`, seq: i + 1, point: 'finish', atMs: latest.at + (i + 1) * 1000, ...(i % 2 === 0 && { bib }) }
    const captured = await office.router.call('timing.capture', input, finish)
    if (!captured.ok) throw new Error(captured.error.message)
    if (i % 2 === 1)
      await office.router.call('timing.assignBib', { device: `late-bibs-${skip}`, seq: i + 1, bib, enteredAtMs: input.atMs + 100_000_000 }, finish)
    const start = performance.now()
    const state = engine.current()
    const standing = state.byBib.get(bib)
    if (standing === undefined) throw new Error(`bib ${bib} is nobody`)
    const places = placesOf(state.raceById.get(standing.runner.raceId) as RaceStanding, standing)
    times.push(performance.now() - start)
    if (standing.status !== 'finished' || places.place === null) throw new Error(`bib ${bib} did not finish in the results`)
    const floorStart = performance.now()
    sqlite.prepare('select command from audit where id > ?').all(marks.audit)
    loadCaptures(sqlite, marks.capture)
    floors.push(performance.now() - floorStart)
  }
  return { times, floors }
}

/**
 * Team scores and age grades over the whole field: every race scoring teams of five by sex among
 * 5,000 clubs, and every finisher age-graded in an order by age grade. The floors: one pass
 * grouping the finishers by club, and one pass reading each finisher's time and age.
 */
export async function teamsAndAgeGrades(office: Office, runs: number) {
  const sqlite = office.file.sqlite
  sqlite.prepare("update entrant set club = 'Club ' || (num % 5000)").run()
  for (const { id } of sqlite.prepare('select id from race').all() as { id: number }[]) {
    const set = await office.router.call(
      'races.update',
      { id, teams: { score: 'places', size: 5, sex: 'bySex', mixedMin: 1, places: 'team' } },
      { role: 'organiser', actor: 'bench', desk: 'bench' },
    )
    if (!set.ok) throw new Error(set.error.message)
  }
  const engine = new ResultsEngine(sqlite, factsChangedBy)
  const state = engine.current()
  const teams: number[] = []
  const teamFloors: number[] = []
  const graded: number[] = []
  const gradedFloors: number[] = []
  let teamCount = 0
  for (let run = 0; run < runs; run++) {
    let start = performance.now()
    // The scoring itself, race by race: results.teams keeps its answer until the next fact.
    teamCount = state.races.reduce((n, race) => n + teamResults(race).length, 0)
    teams.push(performance.now() - start)
    start = performance.now()
    for (const race of state.races) {
      const byClub = new Map<string, number>()
      for (const s of race.ranked) byClub.set(s.runner.club ?? '', (byClub.get(s.runner.club ?? '') ?? 0) + 1)
    }
    teamFloors.push(performance.now() - start)
    start = performance.now()
    for (const race of state.races) listResults(engine, { raceId: race.id, offset: 0, limit: 200, sort: 'ageGrade' })
    graded.push(performance.now() - start)
    start = performance.now()
    let sum = 0
    for (const race of state.races) for (const s of race.ranked) sum += (s.rankedMs ?? 0) * (s.runner.age ?? 1)
    if (Number.isNaN(sum)) throw new Error('no times')
    gradedFloors.push(performance.now() - start)
  }
  return { teams, teamFloors, graded, gradedFloors, teamCount }
}

/**
 * The whole of what a results desk shows at 50,000 finishers: divisions of the organiser's own
 * (wheelchair 2 %, corporate 10 %, military 5 %, some runners in two) with their awards, age bands
 * merged below 50 runners, teams of five by sex among 5,000 clubs, every award and the field in
 * age-grade order, worked out anew each run. Its floor: the floors of results.50k and of teams.
 */
export async function everything(office: Office, runs: number) {
  const sqlite = office.file.sqlite
  sqlite
    .prepare(
      `update entrant set divisions = case
         when num % 50 = 0 then '["Wheelchair"]'
         when num % 20 = 0 then '["Military","Corporate"]'
         when num % 10 = 0 then '["Corporate"]'
         when num % 40 = 1 then '["Military"]' end`,
    )
    .run()
  for (const { id } of sqlite.prepare('select id from race').all() as { id: number }[]) {
    const divisions = [
      { name: 'Wheelchair', top: 3, bySex: true },
      { name: 'Corporate', top: 5, bySex: false },
      { name: 'Military', top: 3, bySex: true },
    ]
    const set = await office.router.call('races.update', { id, divisions, bands: { adapt: 'merge', runners: 50 }, awardAgeGraded: 3 }, organiser)
    if (!set.ok) throw new Error(set.error.message)
  }
  const engine = new ResultsEngine(sqlite, factsChangedBy)
  engine.current()
  const times: number[] = []
  const recompute: number[] = []
  let divisionAwards = 0
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    const state = engine.recompute()
    recompute.push(performance.now() - start)
    resultsTeams(engine)
    divisionAwards = resultsAwards(engine).races.reduce((n, r) => n + r.divisions.length, 0)
    for (const race of state.races) listResults(engine, { raceId: race.id, offset: 0, limit: 200, sort: 'ageGrade' })
    times.push(performance.now() - start)
  }
  return { times, recompute, divisionAwards }
}
