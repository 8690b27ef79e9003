import type { z } from 'zod'
import type { CommandErrorValue, CommandInput, Race } from '../../../src-shared/contract'
import { racesCreateInput } from '../../../src-shared/contract/races'
import { instantOfWallTime, wallTimeAt } from '../../../src-shared/time/zoned'
import { issueMessage, type Message } from '../ui/messages'

/** What the race form holds: strings as typed, read into a command input only on save. */
export interface RaceFormValues {
  name: string
  distanceKm: string
  startTime: string
  colour: string
  bibRanges: string
  /** Empty for World Athletics bands; else "18, 40, 45" or "0 Open, 50 Veterans". */
  categoryBands: string
  /** "A 08:00, B 08:10, Walkers": each wave's name in start order, with its start time if known. */
  waves: string
  /** Bibs are handed out from a stack at pickup instead of being assigned beforehand. */
  bibsAtPickup: boolean
}
export type RaceField = keyof RaceFormValues
export type RaceFormErrors = Partial<Record<RaceField, Message>>

export interface EventClock {
  date: string
  timeZone: string
}

export const emptyRaceForm: RaceFormValues = {
  name: '',
  distanceKm: '',
  startTime: '',
  colour: '',
  bibRanges: '',
  categoryBands: '',
  waves: '',
  bibsAtPickup: false,
}

export const distancePresets = [
  { key: 'marathon', km: '42.195' },
  { key: 'half', km: '21.097' },
  { key: 'tenK', km: '10' },
  { key: 'fiveK', km: '5' },
] as const

export const colourSwatches = ['#c0392b', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'] as const

export function raceFormFrom(race: Race, clock: EventClock): RaceFormValues {
  return {
    name: race.name,
    distanceKm: String(race.distanceM / 1000),
    startTime: race.startAt === null ? '' : wallTimeAt(race.startAt, clock.timeZone).time.slice(0, 5),
    colour: race.colour ?? '',
    bibRanges: formatBibRanges(race.bibRanges),
    categoryBands: (race.categoryBands ?? []).map((band) => (band.name === undefined ? `${band.fromAge}` : `${band.fromAge} ${band.name}`)).join(', '),
    waves: race.waves.map((w) => (w.startAt === null ? w.name : `${w.name} ${wallTimeAt(w.startAt, clock.timeZone).time.slice(0, 5)}`)).join(', '),
    bibsAtPickup: race.bibsAtPickup,
  }
}

/** Ranges as typed in the form (1-999); `dash` lets lists show them typeset (1–999). */
export function formatBibRanges(ranges: readonly { first: number; last: number }[], dash = '-'): string {
  return ranges.map((r) => (r.first === r.last ? `${r.first}` : `${r.first}${dash}${r.last}`)).join(', ')
}

type RaceInput = CommandInput<'races.create'>

/** Reads the form into the input of races.create (races.update takes the same fields and an id). */
export function readRaceForm(values: RaceFormValues, clock: EventClock): { ok: true; input: RaceInput } | { ok: false; errors: RaceFormErrors } {
  const errors: RaceFormErrors = {}
  const distanceM = readDistanceM(values.distanceKm)
  if (distanceM === null) errors.distanceKm = { key: 'setup.race.errors.distance' }
  const startAt = values.startTime.trim() === '' ? null : instantOfWallTime(clock.date, values.startTime, clock.timeZone)
  if (startAt === null && values.startTime.trim() !== '') errors.startTime = { key: 'setup.race.errors.start' }
  const bibRanges = readBibRanges(values.bibRanges)
  if (bibRanges === null) errors.bibRanges = { key: 'setup.race.errors.bibRanges' }
  const categoryBands = readCategoryBands(values.categoryBands)
  if (categoryBands === undefined) errors.categoryBands = { key: 'setup.race.errors.categoryBands' }
  const waves = readWaves(values.waves, clock)
  if (waves === null) errors.waves = { key: 'setup.race.errors.waves' }

  const candidate = {
    name: values.name.trim(),
    distanceM: distanceM ?? 0,
    startAt,
    bibRanges: bibRanges ?? [],
    colour: values.colour === '' ? null : values.colour,
    categoryBands: categoryBands ?? null,
    waves: waves ?? [],
    bibsAtPickup: values.bibsAtPickup,
  }
  const parsed = racesCreateInput.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path)
      errors[field] ??= issueMessage(issue as z.core.$ZodIssue)
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, input: candidate }
}

/** Which field a refusal from the office belongs beside, if any. */
export function fieldOfError(error: CommandErrorValue): RaceField | null {
  switch (error.code) {
    case 'RACE_NAME_TAKEN':
      return 'name'
    case 'BIB_RANGE_OVERLAP':
      return 'bibRanges'
    default:
      return null
  }
}

function fieldOfPath(path: readonly PropertyKey[]): RaceField {
  switch (path[0]) {
    case 'distanceM':
      return 'distanceKm'
    case 'startAt':
      return 'startTime'
    case 'bibRanges':
      return 'bibRanges'
    case 'colour':
      return 'colour'
    case 'categoryBands':
      return 'categoryBands'
    case 'waves':
      return 'waves'
    default:
      return 'name'
  }
}

function readDistanceM(text: string): number | null {
  // A comma is a decimal separator in much of Europe: "42,195" means 42.195 km.
  const normalised = text
    .trim()
    .replace(/\s*km$/i, '')
    .replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null
  const metres = Math.round(Number(normalised) * 1000)
  return metres > 0 ? metres : null
}

function readBibRanges(text: string): { first: number; last: number }[] | null {
  const parts = text.split(/[,;\s]+/).filter((part) => part.length > 0)
  const ranges: { first: number; last: number }[] = []
  for (const part of parts) {
    const match = /^(\d+)(?:[-–—](\d+))?$/.exec(part)
    if (match === null) return null
    const first = Number(match[1])
    ranges.push({ first, last: match[2] === undefined ? first : Number(match[2]) })
  }
  return ranges
}

/** Null for World Athletics bands; undefined when the text cannot be read. */
function readCategoryBands(text: string): { fromAge: number; name?: string }[] | null | undefined {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
  if (items.length === 0) return null
  const bands: { fromAge: number; name?: string }[] = []
  for (const item of items) {
    const match = /^(\d{1,3})(?:\s*[=:]?\s*(.+))?$/.exec(item)
    if (match === null) return undefined
    const name = match[2]?.trim()
    bands.push(name === undefined || name === '' ? { fromAge: Number(match[1]) } : { fromAge: Number(match[1]), name })
  }
  return bands
}

function readWaves(text: string, clock: EventClock): { name: string; startAt: number | null }[] | null {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
  const waves: { name: string; startAt: number | null }[] = []
  for (const item of items) {
    const match = /^(.+?)(?:\s+(\d{1,2}:\d{2}))?$/.exec(item)
    const name = match?.[1]?.trim()
    if (match === null || name === undefined || name === '') return null
    const startAt = match[2] === undefined ? null : instantOfWallTime(clock.date, match[2], clock.timeZone)
    if (match[2] !== undefined && startAt === null) return null
    waves.push({ name, startAt })
  }
  return waves
}
