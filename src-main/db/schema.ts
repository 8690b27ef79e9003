import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely'

// The one source of table types. Migrations are the truth of the file's shape; this file
// mirrors the newest migration and is never imported by migrations themselves.

export interface EventTable {
  id: Generated<number>
  name: string
  date: string
  time_zone: string
  place: string
  /** PNG or JPEG printed on bibs. */
  logo: Uint8Array | null
  /** JSON array of what a check-in desk must confirm (see checkinConfirmations). */
  checkin_confirmations: Generated<string>
  /** JSON array of items handed over besides bib and shirt. */
  checkin_items: Generated<string>
  /** Chip reads of one runner at one mat within this window are one passing. */
  read_window_ms: Generated<number>
  /** The second backup folder chosen in Setup (a USB stick); null: none. */
  backup_second_folder: string | null
  /** This file's own clock, as packages sent from it name it. */
  clock_id: Generated<string>
  updated_at_ms: number
}

export interface RaceTable {
  id: Generated<number>
  name: string
  distance_m: number
  start_at_ms: number | null
  colour: string | null
  category_bands: string | null
  bib_rule: Generated<'registration' | 'alphabetical' | 'predicted' | 'fill'>
  /** 1: bibs are not pre-assigned; the desk hands over the top of a stack and records its number. */
  bibs_at_pickup: Generated<number>
  /** What places are ranked on: gun time (World Athletics) or net time. */
  ranking: Generated<'gun' | 'net'>
  /** Times are rounded up to whole seconds, tenths or hundredths. */
  precision: Generated<'s' | 'ds' | 'cs'>
  /** Awards: the top N overall of each sex, the top N of each category. */
  award_overall: Generated<number>
  award_category: Generated<number>
  /** 1: an overall award winner is not also awarded in a category. */
  award_exclude_overall: Generated<number>
  /** Awards by age grade: the top N of each sex (0: none). */
  award_age_graded: Generated<number>
  /** Team scoring: by the sum of places or of times; null: the race scores no teams. */
  team_score: 'places' | 'times' | null
  /** The first N finishers of a team score. */
  team_size: Generated<number>
  /** open: men and women alike; bySex: women's and men's teams apart; mixed: at least team_mixed_min of each. */
  team_sex: Generated<'open' | 'bySex' | 'mixed'>
  team_mixed_min: Generated<number>
  /** Places summed: among the runners of a team only (cross-country), or overall. */
  team_places: Generated<'team' | 'overall'>
  /** What a runner's team is: their club, or the team column of the import (or the card). */
  team_from: Generated<'club' | 'team'>
  /** Team awards: the top N teams (of each sex where teams are by sex). */
  award_teams: Generated<number>
  /** The divisions with their own awards, as JSON: [{ name, top, bySex }]. */
  award_divisions: Generated<string>
  /** Age bands adapted to the field: a band of more than band_adapt_runners split, or of fewer merged; null: as set. */
  band_adapt: 'split' | 'merge' | null
  band_adapt_runners: Generated<number>
  created_at_ms: number
  updated_at_ms: number
}

export interface RaceBibRangeTable {
  id: Generated<number>
  race_id: number
  first_bib: number
  last_bib: number
}

export interface WaveTable {
  id: Generated<number>
  race_id: number
  name: string
  start_at_ms: number | null
  /** Start order within the race. */
  position: Generated<number>
}

export interface EntrantTable {
  num: Generated<number>
  id: string
  race_id: number
  bib: number | null
  given_name: string
  family_name: string
  second_name: string | null
  sex: 'F' | 'M' | 'X'
  birth_date: string | null
  age: number | null
  category: string | null
  nationality: string | null
  club: string | null
  /** A team apart from the club (a company, a charity, friends); formed by the import or by hand. */
  team: string | null
  /** The organiser's divisions the runner is in (wheelchair, corporate…), as a JSON list; null: none. */
  divisions: string | null
  email: string | null
  phone: string | null
  emergency_name: string | null
  emergency_phone: string | null
  shirt_size: string | null
  ref: string | null
  predicted_time_ms: number | null
  /** The wave (or corral) the runner starts in. */
  wave_id: number | null
  status: Generated<'registered' | 'checked-in' | 'withdrawn'>
  /** What the last bib printed for this runner said (see printedFace); anything else means not printed yet. */
  bib_printed_as: string | null
  bib_printed_at_ms: number | null
  notes: string | null
  payment_method: 'cash' | 'card' | 'transfer' | 'free' | null
  payment_amount: string | null
  /** 1: registered at a pickup desk. */
  walk_up: Generated<number>
  created_at_ms: number
  updated_at_ms: number
}

/** The FTS5 index of entrant names: rowid is entrant.num. */
export interface EntrantSearchTable {
  rowid: number
  terms: string
}

export interface ImportMappingTable {
  headers_key: string
  mapping_json: string
  updated_at_ms: number
}

export interface AuditTable {
  id: Generated<number>
  at_ms: number
  actor: string
  desk: string
  role: string
  command: string
  input_json: string
  output_json: string
  /** The runner the change was about, and that runner before and after it (JSON of the entrant). */
  entrant_id: string | null
  before_json: string | null
  after_json: string | null
  undone_at_ms: number | null
  undone_by: string | null
}

export interface BibReservationTable {
  id: Generated<number>
  race_id: number
  first_bib: number
  last_bib: number
  purpose: string
}

export interface BibExclusionTable {
  bib: number
}

export interface BibVoidTable {
  bib: number
  at_ms: number
  reason: string
}

export interface BibEventTable {
  id: Generated<number>
  entrant_id: string
  at_ms: number
  kind: 'assign' | 'swap' | 'void' | 'clear'
  from_bib: number | null
  to_bib: number | null
  reason: string
  actor: string
  desk: string
}

export interface ChipTable {
  code: string
  bib: number
  updated_at_ms: number
}

export interface CheckinTable {
  id: string
  entrant_id: string
  at_ms: number
  desk: string
  actor: string
  /** JSON array of the items handed over. */
  items_json: string
  /** JSON array of the confirmations the desk ticked. */
  confirmed_json: string
  shirt_size: string | null
  override_reason: string | null
  undone_at_ms: number | null
  undone_by: string | null
  undone_desk: string | null
}

export interface ShirtStockTable {
  size: string
  stock: number
  position: number
}

export interface PickupTableTable {
  id: Generated<number>
  name: string
  first_bib: number
  last_bib: number
}

export interface DeskTable {
  id: string
  name: string
  person: string
  role: 'desk' | 'finish' | 'viewer'
  token_hash: string
  paired_at_ms: number
  revoked_at_ms: number | null
}

export interface TimingPointTable {
  name: string
  distance_m: number
}

export interface ClockTable {
  id: string
  race_id: number
  wave_id: number | null
  /** The office's time: the device's instant corrected by its clock's offset. */
  gun_at_ms: number
  source: 'key' | 'typed' | 'reads'
  reason: string | null
  device: string
  recorded_at_ms: number
  actor: string
  desk: string
  /** As the recording device's clock gave it (null: typed, or the office's own time). */
  device_at_ms: number | null
  /** The clock whose measured offset corrects it (a device, a finish laptop's file); null: the office's. */
  clock: string | null
  /** The device's clock anchor at the time (a new one after a sleep or a clock set by hand). */
  clock_segment: number
  /** Office − device, as applied; null with a clock: never measured, taken as it came. */
  offset_ms: number | null
  offset_uncertainty_ms: number | null
  /** Its id in the finish laptop's package it came from; null: recorded here. */
  origin_id: string | null
}

export interface CaptureTable {
  id: string
  device: string
  seq: number
  point: string
  /** The office's time: the device's instant corrected by its clock's offset (what results use). */
  at_ms: number | null
  bib: number | null
  position: number
  source: 'key' | 'typed' | 'inserted' | 'gap'
  state: 'active' | 'deleted' | 'notRunner' | 'backup'
  state_reason: string | null
  created_at_ms: number
  actor: string
  desk: string
  /** As the recording device's clock gave it (null: typed, or the office's own time). */
  device_at_ms: number | null
  /** The clock whose measured offset corrects it (a device, a finish laptop's file); null: the office's. */
  clock: string | null
  /** The device's clock anchor at the time (a new one after a sleep or a clock set by hand). */
  clock_segment: number
  /** Office − device, as applied; null with a clock: never measured, taken as it came. */
  offset_ms: number | null
  offset_uncertainty_ms: number | null
  /** Its id in the finish laptop's package it came from; null: recorded here. */
  origin_id: string | null
}

/** One measurement of a device's clock against the office's (or an organiser's word for it). */
export interface DeviceClockTable {
  id: Generated<number>
  clock: string
  segment: number
  device_at_ms: number
  office_at_ms: number
  offset_ms: number
  uncertainty_ms: number
  round_trip_ms: number | null
  exchanges: number
  exchanges_json: string | null
  source: 'exchange' | 'package' | 'manual'
  reason: string | null
  origin_id: string | null
  /** Captures and guns whose corrected instant this measurement changed. */
  recorrected: Generated<number>
  recorded_at_ms: number
  actor: string
  desk: string
}

export interface CaptureChangeTable {
  id: string
  capture_id: string
  action: string
  before_json: string
  after_json: string
  reason: string
  at_ms: number
  actor: string
  desk: string
  /** Its id in the finish laptop's package it came from; null: recorded here. */
  origin_id: string | null
}

/** A capture typed as elapsed from its race's (wave's) gun: re-timed when that gun is corrected. */
export interface TypedElapsedTable {
  capture_id: string
  race_id: number
  wave_id: number | null
  elapsed_ms: number
}

export interface ChipReadTable {
  id: Generated<number>
  import_id: string
  chip: string | null
  bib: number | null
  point: string
  at_ms: number
  reader: string | null
  line: number
}

export interface ResultOverrideTable {
  id: string
  entrant_id: string
  /** Null: an earlier decision withdrawn. */
  status: 'DNS' | 'DNF' | 'DQ' | null
  reason: string
  at_ms: number
  actor: string
  desk: string
}

/** A problem of the results an official has looked at (see results/problems.ts for the keys). */
export interface ResultProblemCheckTable {
  key: string
  note: string
  at_ms: number
  actor: string
  desk: string
}

export interface Database {
  event: EventTable
  race: RaceTable
  race_bib_range: RaceBibRangeTable
  wave: WaveTable
  entrant: EntrantTable
  entrant_search: EntrantSearchTable
  import_mapping: ImportMappingTable
  bib_reservation: BibReservationTable
  bib_exclusion: BibExclusionTable
  bib_void: BibVoidTable
  bib_event: BibEventTable
  chip: ChipTable
  checkin: CheckinTable
  shirt_stock: ShirtStockTable
  pickup_table: PickupTableTable
  desk: DeskTable
  timing_point: TimingPointTable
  clock: ClockTable
  capture: CaptureTable
  capture_change: CaptureChangeTable
  typed_elapsed: TypedElapsedTable
  device_clock: DeviceClockTable
  chip_read: ChipReadTable
  result_override: ResultOverrideTable
  result_problem_check: ResultProblemCheckTable
  audit: AuditTable
}

export type RaceRow = Selectable<RaceTable>
export type NewRace = Insertable<RaceTable>
export type RaceUpdate = Updateable<RaceTable>
export type AuditRow = Selectable<AuditTable>
export type EntrantRow = Selectable<EntrantTable>
export type NewEntrant = Insertable<EntrantTable>

/** The event file as Kysely sees it. */
export type Db = Kysely<Database>
/** What a read may do with the file: select. A function that takes a ReadDb cannot write, whatever it is handed. */
export type ReadDb = Pick<Db, 'selectFrom' | 'selectNoFrom' | 'fn' | 'dynamic'>
/** A write's transaction: every write command runs in one, with its audit row, and commits or rolls back whole. */
export type WriteDb = Transaction<Database>
