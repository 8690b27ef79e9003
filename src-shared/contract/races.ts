import { z } from 'zod'
import { everyone, organiser, type CommandTable } from './command-spec'
import { colour, id, instantMs, shortText } from './fields'
import { bandAdaptation, divisionAward, rankingBases, resultRules, teamRules, timePrecisions } from './result-rules'

export const maxBib = 9_999_999

export const bibRange = z.strictObject({ first: z.int().min(1).max(maxBib), last: z.int().min(1).max(maxBib) }).refine((range) => range.first <= range.last, {
  message: 'The first bib must not be greater than the last',
  path: ['last'],
})
export type BibRange = z.infer<typeof bibRange>

const bibRanges = z.array(bibRange).max(50).refine(rangesAreDisjoint, { message: 'Bib ranges of one race must not overlap' })

export const categoryBand = z.strictObject({
  fromAge: z.int().min(0).max(120),
  name: z.string().trim().min(1).max(20).optional(),
})

/** Null: World Athletics five-year masters bands. Otherwise the organiser's own bands. */
const categoryBands = z
  .array(categoryBand)
  .min(1)
  .max(30)
  .refine((bands) => new Set(bands.map((b) => b.fromAge)).size === bands.length, { message: 'Two bands start at the same age' })
  .nullable()

export const wave = z.object({ id, name: z.string(), startAt: instantMs.nullable() })

/** A race's waves (or corrals) in start order; a wave keeps its runners while its name stays. */
const waves = z
  .array(z.strictObject({ name: shortText(30), startAt: instantMs.nullable().optional() }))
  .max(30)
  .refine((list) => new Set(list.map((w) => w.name.toLowerCase())).size === list.length, { message: 'Two waves have the same name' })

export const race = z.object({
  id,
  name: z.string(),
  distanceM: z.int(),
  startAt: instantMs.nullable(),
  colour: z.string().nullable(),
  bibRanges: z.array(z.object({ first: z.int(), last: z.int() })),
  categoryBands: z.array(z.object({ fromAge: z.int(), name: z.string().optional() })).nullable(),
  waves: z.array(wave),
  /** Bibs are not pre-assigned: the desk hands over the top of a stack and records its number. */
  bibsAtPickup: z.boolean(),
  /** How results are ranked, rounded and awarded. */
  rules: resultRules,
})
export type Race = z.infer<typeof race>

const raceFields = {
  name: shortText(100),
  // Up to 1,000 km: ultras and multi-day events, never a typo of a bigger unit.
  distanceM: z.int().min(1).max(1_000_000),
  startAt: instantMs.nullable(),
  bibRanges,
  colour: colour.nullable(),
  categoryBands,
  waves,
  bibsAtPickup: z.boolean(),
  ranking: z.enum(rankingBases),
  precision: z.enum(timePrecisions),
  awardOverall: z.int().min(0).max(50),
  awardCategory: z.int().min(0).max(50),
  awardExcludeOverall: z.boolean(),
  awardAgeGraded: z.int().min(0).max(50),
  awardTeams: z.int().min(0).max(20),
  divisions: z
    .array(divisionAward)
    .max(20)
    .refine((list) => new Set(list.map((d) => d.name.toLocaleLowerCase('en'))).size === list.length, { message: 'A division is awarded once' }),
  bands: bandAdaptation.nullable(),
  teams: teamRules.refine((t) => t.sex !== 'mixed' || 2 * t.mixedMin <= t.size, { message: 'A mixed team needs room for the minimum of each sex' }).nullable(),
}

export const racesListInput = z.strictObject({})

export const racesCreateInput = z.strictObject({
  name: raceFields.name,
  distanceM: raceFields.distanceM,
  startAt: raceFields.startAt.optional(),
  bibRanges: raceFields.bibRanges.optional(),
  colour: raceFields.colour.optional(),
  categoryBands: raceFields.categoryBands.optional(),
  waves: raceFields.waves.optional(),
  bibsAtPickup: raceFields.bibsAtPickup.optional(),
  ranking: raceFields.ranking.optional(),
  precision: raceFields.precision.optional(),
  awardOverall: raceFields.awardOverall.optional(),
  awardCategory: raceFields.awardCategory.optional(),
  awardExcludeOverall: raceFields.awardExcludeOverall.optional(),
  awardAgeGraded: raceFields.awardAgeGraded.optional(),
  awardTeams: raceFields.awardTeams.optional(),
  teams: raceFields.teams.optional(),
  divisions: raceFields.divisions.optional(),
  bands: raceFields.bands.optional(),
})

// An update names the race and any of the settings a race is created with.
export const racesUpdateInput = racesCreateInput.partial().extend({ id })

export const racesDeleteInput = z.strictObject({ id })

export function rangesOverlap(a: BibRange, b: BibRange): boolean {
  return a.first <= b.last && b.first <= a.last
}

function rangesAreDisjoint(ranges: BibRange[]): boolean {
  return ranges.every((a, i) => ranges.slice(i + 1).every((b) => !rangesOverlap(a, b)))
}

export const racesCommands = {
  'races.list': { input: racesListInput, output: z.array(race), roles: everyone, changes: [] },
  'races.create': { input: racesCreateInput, output: race, roles: organiser, changes: ['races'] },
  'races.update': { input: racesUpdateInput, output: race, roles: organiser, changes: ['races'] },
  'races.delete': {
    input: racesDeleteInput,
    output: z.object({ id: z.int() }),
    roles: organiser,
    changes: ['races'],
  },
} as const satisfies CommandTable
