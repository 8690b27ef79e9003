import type SqliteDatabase from 'better-sqlite3'
import type { ResultRules } from '../../src-shared/contract/result-rules'
import type { RaceRow } from '../db/schema'
import { rulesOf } from '../races/service'
import type { CaptureFact } from './point-merge'
import type { Runner } from './standing'

// Reading what the results are made of, straight from the file in one read transaction: the
// engine runs synchronously, so nothing another call writes can land halfway through.

export interface RaceFacts {
  id: number
  name: string
  distanceM: number
  rules: ResultRules
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

export interface Facts {
  eventName: string
  races: RaceFacts[]
  runners: Runner[]
  guns: Map<string, number>
  waveNames: Map<number, string>
  splitPoints: { name: string; distanceM: number }[]
  /** Active captures by point. */
  captures: Map<string, CaptureFact[]>
  /** Chip passings: point → bib → instant (first read; the start's last read within the window). */
  passings: Map<string, Map<number, number>>
  overrides: Map<string, Override>
  checks: Map<string, Check>
  marks: Marks
}

/** How far the results have read the file: the last audit row, capture and correction seen. */
export interface Marks {
  audit: number
  capture: number
  change: number
}

export const gunKey = (raceId: number, waveId: number | null): string => `${raceId}:${waveId ?? ''}`

export function loadFacts(sqlite: SqliteDatabase.Database): Facts {
  return sqlite.transaction(() => {
    const event = sqlite.prepare('select name, read_window_ms from event where id = 1').get() as { name: string; read_window_ms: number }
    const races = (sqlite.prepare('select * from race order by id').all() as RaceRow[]).map((r) => ({ id: r.id, name: r.name, distanceM: r.distance_m, rules: rulesOf(r) }))
    const runners = sqlite
      .prepare(
        `select num, id as entrantId, bib, race_id as raceId, wave_id as waveId, given_name as givenName, family_name as familyName,
                second_name as secondName, sex, category, club, nationality
           from entrant where status <> 'withdrawn'`,
      )
      .all() as Runner[]
    return {
      eventName: event.name,
      races,
      runners,
      guns: loadGuns(sqlite),
      waveNames: new Map((sqlite.prepare('select id, name from wave').all() as { id: number; name: string }[]).map((w) => [w.id, w.name])),
      splitPoints: sqlite.prepare('select name, distance_m as distanceM from timing_point order by distance_m').all() as { name: string; distanceM: number }[],
      captures: loadCaptures(sqlite, 0),
      passings: loadPassings(sqlite, event.read_window_ms),
      overrides: loadOverrides(sqlite),
      checks: loadChecks(sqlite),
      marks: loadMarks(sqlite),
    }
  })()
}

export function loadMarks(sqlite: SqliteDatabase.Database): Marks {
  return sqlite
    .prepare(
      `select (select coalesce(max(id), 0) from audit) as audit, (select coalesce(max(rowid), 0) from capture) as capture,
              (select coalesce(max(rowid), 0) from capture_change) as change`,
    )
    .get() as Marks
}

/** The gun that counts for each race and wave: the latest recorded. */
function loadGuns(sqlite: SqliteDatabase.Database): Map<string, number> {
  const rows = sqlite.prepare('select race_id, wave_id, gun_at_ms from clock order by id').all() as { race_id: number; wave_id: number | null; gun_at_ms: number }[]
  return new Map(rows.map((r) => [gunKey(r.race_id, r.wave_id), r.gun_at_ms]))
}

/** Active captures written after `afterRowid`, by point. */
export function loadCaptures(sqlite: SqliteDatabase.Database, afterRowid: number): Map<string, CaptureFact[]> {
  const rows = sqlite
    .prepare(`select id, device, seq, point, at_ms as atMs, bib, position, source from capture where rowid > ? and state = 'active'`)
    .all(afterRowid) as (CaptureFact & { point: string })[]
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
function loadPassings(sqlite: SqliteDatabase.Database, windowMs: number): Map<string, Map<number, number>> {
  const rows = sqlite
    .prepare(
      `select bib, point, min(at_ms) as atMs from (${reads} where r.point <> 'start') where bib is not null group by point, bib
       union all
       select bib, 'start', max(at_ms) from (
         select bib, at_ms, min(at_ms) over (partition by bib) as first from (${reads} where r.point = 'start') where bib is not null
       ) where at_ms <= first + ? group by bib`,
    )
    .all(windowMs) as { bib: number; point: string; atMs: number }[]
  const passings = new Map<string, Map<number, number>>()
  for (const row of rows) {
    let point = passings.get(row.point)
    if (point === undefined) passings.set(row.point, (point = new Map()))
    point.set(row.bib, row.atMs)
  }
  return passings
}

/** The latest decision about each runner; a withdrawn decision leaves none. */
export function loadOverrides(sqlite: SqliteDatabase.Database): Map<string, Override> {
  const rows = sqlite.prepare('select entrant_id, status, reason from result_override order by id').all() as { entrant_id: string; status: Override['status'] | null; reason: string }[]
  const latest = new Map<string, Override>()
  for (const row of rows) {
    if (row.status === null) latest.delete(row.entrant_id)
    else latest.set(row.entrant_id, { status: row.status, reason: row.reason })
  }
  return latest
}

export function loadChecks(sqlite: SqliteDatabase.Database): Map<string, Check> {
  const rows = sqlite.prepare('select key, note, at_ms as atMs, actor, desk from result_problem_check').all() as (Check & { key: string })[]
  return new Map(rows.map(({ key, ...check }) => [key, check]))
}
