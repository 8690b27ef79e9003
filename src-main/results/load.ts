import type SqliteDatabase from 'better-sqlite3'
import type { ResultRules } from '../../src-shared/contract/result-rules'
import { prepared } from '../db/prepared'
import type { RaceRow } from '../db/schema'
import { rulesOf } from '../races/service'
import type { CaptureFact } from './point-merge'
import type { Crossing, Runner } from './standing'
import { tableDistance } from './age-grading'
import { ageOnDay, sexPrefix, type CategoryBand } from '../../src-shared/categories/categories'
import { adaptBands, bandOf, bandsAsSet } from '../../src-shared/categories/adapted-bands'
import { divisionKey, readDivisions } from '../../src-shared/divisions/divisions'
import { teamNamer } from './team-names'

// Reading what the results are made of, straight from the file in one read transaction: the
// engine runs synchronously, so nothing another call writes can land halfway through.

export interface RaceFacts {
  id: number
  name: string
  distanceM: number
  rules: ResultRules
  /** The road age-grading tables' row for the race's distance; null when the tables have none. */
  ageTable: ReturnType<typeof tableDistance>
}

export interface Check {
  note: string
  atMs: number
  actor: string
  desk: string
}

export interface Override {
  status: 'DNS' | 'DNF' | 'DQ'
  reason: string
}

/** Everything the results are made of, in groups read again only when a write touched them. */
export interface Facts {
  runners: RunnerFacts
  guns: Guns
  /** Active captures by point. */
  captures: Map<string, CaptureFact[]>
  /** Chip passings: point → bib → crossing (first read; the start's last read within the window). */
  passings: Map<string, Map<number, Crossing>>
  /** By entrant number. */
  overrides: Map<number, Override>
  checks: Map<string, Check>
}

/** The gun that counts for each race and for each wave (wave ids are unique in the event). */
export interface Guns {
  race: Map<number, number>
  wave: Map<number, number>
}

export interface RunnerFacts {
  eventName: string
  races: RaceFacts[]
  runners: Runner[]
  waveNames: Map<number, string>
  splitPoints: { name: string; distanceM: number }[]
  /** The categories of the event, numbered (Runner.categoryIndex). */
  categories: string[]
  /** The divisions of the event, numbered (Runner.divisionIndexes), each as first spelt. */
  divisions: string[]
}

export type FactGroup = keyof Facts
export const everyFactGroup: readonly FactGroup[] = ['runners', 'guns', 'captures', 'passings', 'overrides', 'checks']

/** How far the results have read the file: the last audit row, capture and correction seen. */
export interface Marks {
  audit: number
  capture: number
  change: number
  /** The last clock measurement that corrected instants recorded earlier. */
  clock: number
}

/** The groups asked for, read in one read transaction: nothing another process writes lands halfway. */
export function loadFacts<G extends FactGroup>(sqlite: SqliteDatabase.Database, groups: readonly G[]): Pick<Facts, G> & { marks: Marks } {
  return sqlite.transaction(() => {
    const facts: Partial<Facts> = {}
    for (const group of groups) {
      if (group === 'runners') facts.runners = loadRunners(sqlite)
      else if (group === 'guns') facts.guns = loadGuns(sqlite)
      else if (group === 'captures') facts.captures = loadCaptures(sqlite, 0)
      else if (group === 'passings') facts.passings = loadPassings(sqlite)
      else if (group === 'overrides') facts.overrides = loadOverrides(sqlite)
      else facts.checks = loadChecks(sqlite)
    }
    return { ...(facts as Pick<Facts, G>), marks: loadMarks(sqlite) }
  })()
}

function loadRunners(sqlite: SqliteDatabase.Database): RunnerFacts {
  const event = sqlite.prepare('select name, date from event where id = 1').get() as { name: string; date: string }
  const raceRows = sqlite.prepare('select * from race order by id').all() as RaceRow[]
  const races = raceRows.map((r) => ({
    id: r.id,
    name: r.name,
    distanceM: r.distance_m,
    rules: rulesOf(r),
    ageTable: tableDistance(r.distance_m),
  }))
  const rows = sqlite
    .prepare(
      `select num, id, bib, race_id, wave_id, given_name, family_name, second_name, sex, category, club, team, divisions, nationality, birth_date, age
         from entrant where status <> 'withdrawn'`,
    )
    .raw()
    .all() as [
    number,
    string,
    number | null,
    number,
    number | null,
    string,
    string,
    string | null,
    Runner['sex'],
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    string | null,
    number | null,
  ][]
  const categories = new Map<string, number>()
  const indexOf = (category: string): number => {
    let index = categories.get(category)
    if (index === undefined) categories.set(category, (index = categories.size))
    return index
  }
  const divisions = new Map<string, number>()
  const divisionNames: string[] = []
  const divisionIndex = (name: string): number => {
    const key = divisionKey(name)
    let index = divisions.get(key)
    if (index === undefined) {
      divisions.set(key, (index = divisionNames.length))
      divisionNames.push(name)
    }
    return index
  }
  const nameOf = teamNamer()
  const runners = rows.map(
    ([
      num,
      entrantId,
      bib,
      raceId,
      waveId,
      givenName,
      familyName,
      secondName,
      sex,
      category,
      club,
      team,
      divisionsJson,
      nationality,
      birthDate,
      givenAge,
    ]): Runner => {
      const indexes = readDivisions(divisionsJson).map(divisionIndex)
      return {
        num,
        entrantId,
        bib,
        raceId,
        waveId,
        givenName,
        familyName,
        secondName,
        sex,
        category,
        club,
        team,
        teamNames: { club: nameOf(club), team: nameOf(team) },
        divisions: indexes.map((i) => divisionNames[i] as string),
        divisionIndexes: indexes,
        nationality,
        sexIndex: sex === 'F' ? 0 : sex === 'M' ? 1 : 2,
        categoryIndex: -1,
        // From the birth date on race day; else the age the registration gave.
        age: birthDate === null ? givenAge : ageOnDay(birthDate, event.date),
      }
    },
  )
  fitBands(races, new Map(raceRows.map((r) => [r.id, r.category_bands])), runners)
  for (const runner of runners) if (runner.category !== null) runner.categoryIndex = indexOf(runner.category)
  return {
    eventName: event.name,
    races,
    runners,
    waveNames: new Map((sqlite.prepare('select id, name from wave').all() as { id: number; name: string }[]).map((w) => [w.id, w.name])),
    splitPoints: sqlite.prepare('select name, distance_m as distanceM from timing_point order by distance_m').all() as { name: string; distanceM: number }[],
    categories: [...categories.keys()],
    divisions: divisionNames,
  }
}

/**
 * The categories of the races whose bands are fitted to their field: each sex's bands split or
 * merged by how many of the race's runners they hold.
 */
function fitBands(races: readonly RaceFacts[], bandsJson: Map<number, string | null>, runners: readonly Runner[]): void {
  for (const race of races) {
    const adaptation = race.rules.bands
    if (adaptation === null) continue
    const json = bandsJson.get(race.id) ?? null
    const bands = json === null ? null : (JSON.parse(json) as CategoryBand[])
    for (const sex of ['F', 'M', 'X'] as const) {
      const field = runners.filter((r): r is Runner & { age: number } => r.raceId === race.id && r.sex === sex && r.age !== null)
      if (field.length === 0) continue
      const ages = field.map((r) => r.age)
      const fitted = adaptBands(bandsAsSet(bands, Math.max(...ages)), ages, adaptation)
      for (const runner of field) runner.category = `${sexPrefix[sex]}${bandOf(fitted, runner.age).label}`
    }
  }
}

/** The marks as one string: what was worked out for one state of the facts is kept under it. */
export function marksStamp({ audit, capture, change, clock }: Marks): string {
  return `${audit}:${capture}:${change}:${clock}`
}

export function loadMarks(sqlite: SqliteDatabase.Database): Marks {
  return prepared(
    sqlite,
    `select (select coalesce(max(id), 0) from audit) as audit, (select coalesce(max(rowid), 0) from capture) as capture,
            (select coalesce(max(rowid), 0) from capture_change) as change,
            (select coalesce(max(id), 0) from device_clock where recorrected > 0) as clock`,
  ).get() as Marks
}

/** The gun that counts for each race and wave: the latest recorded, whatever its id. */
function loadGuns(sqlite: SqliteDatabase.Database): Guns {
  const rows = sqlite.prepare('select race_id, wave_id, gun_at_ms from clock order by recorded_at_ms, id').all() as {
    race_id: number
    wave_id: number | null
    gun_at_ms: number
  }[]
  const guns: Guns = { race: new Map(), wave: new Map() }
  for (const r of rows) {
    if (r.wave_id === null) guns.race.set(r.race_id, r.gun_at_ms)
    else guns.wave.set(r.wave_id, r.gun_at_ms)
  }
  return guns
}

/** Active captures written after `afterRowid`, by point. */
export function loadCaptures(sqlite: SqliteDatabase.Database, afterRowid: number): Map<string, CaptureFact[]> {
  const rows = prepared(
    sqlite,
    `select id, device, seq, point, at_ms as atMs, bib, position, source, clock, (clock is not null and offset_ms is null) as clockUnknown, created_at_ms as createdAtMs
       from capture where rowid > ? and state = 'active'`,
  ).all(afterRowid) as (CaptureFact & { point: string })[]
  const byPoint = new Map<string, CaptureFact[]>()
  for (const row of rows) {
    const list = byPoint.get(row.point)
    if (list === undefined) byPoint.set(row.point, [row])
    else list.push(row)
  }
  return byPoint
}

// A read's bib: its own, else its chip's in the chip file (matched when read, so a chip file
// imported later still counts).
const reads = `select coalesce(r.bib, (select c.bib from chip c where c.code = r.chip)) as bib, r.point, r.at_ms from chip_read r`

/** One passing per runner and mat: the first read, and at the start the last read within the window of the first. */
function loadPassings(sqlite: SqliteDatabase.Database): Map<string, Map<number, Crossing>> {
  const { windowMs } = sqlite.prepare('select read_window_ms as windowMs from event where id = 1').get() as { windowMs: number }
  const rows = sqlite
    .prepare(
      `select bib, point, min(at_ms) as atMs from (${reads} where r.point <> 'start') where bib is not null group by point, bib
       union all
       select bib, 'start', max(at_ms) from (
         select bib, at_ms, min(at_ms) over (partition by bib) as first from (${reads} where r.point = 'start') where bib is not null
       ) where at_ms <= first + ? group by bib`,
    )
    .all(windowMs) as { bib: number; point: string; atMs: number }[]
  const passings = new Map<string, Map<number, Crossing>>()
  for (const row of rows) {
    let point = passings.get(row.point)
    if (point === undefined) passings.set(row.point, (point = new Map()))
    point.set(row.bib, { atMs: row.atMs, source: 'chip', device: null, seq: null, captureId: null })
  }
  return passings
}

/** The latest decision about each runner; a withdrawn decision leaves none. */
export function loadOverrides(sqlite: SqliteDatabase.Database): Map<number, Override> {
  const rows = sqlite.prepare('select e.num, o.status, o.reason from result_override o join entrant e on e.id = o.entrant_id order by o.id').all() as {
    num: number
    status: Override['status'] | null
    reason: string
  }[]
  const latest = new Map<number, Override>()
  for (const row of rows) {
    if (row.status === null) latest.delete(row.num)
    else latest.set(row.num, { status: row.status, reason: row.reason })
  }
  return latest
}

export function loadChecks(sqlite: SqliteDatabase.Database): Map<string, Check> {
  const rows = sqlite.prepare('select key, note, at_ms as atMs, actor, desk from result_problem_check').all() as (Check & { key: string })[]
  return new Map(rows.map(({ key, ...check }) => [key, check]))
}
