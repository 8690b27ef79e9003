import { z } from 'zod'
import { everyone, organiser, type CommandTable } from './command-spec'
import { id, instantMs, isoDate, shortText } from './fields'
import { maxBib } from './races'

export const sexes = ['F', 'M', 'X'] as const
export const sex = z.enum(sexes)
export const entrantStatuses = ['registered', 'checked-in', 'withdrawn'] as const
export const entrantStatus = z.enum(entrantStatuses)
export type EntrantStatus = z.infer<typeof entrantStatus>

/** Optional text: an empty string clears it (stored as null by the service). */
const optionalText = (max: number) => z.string().trim().max(max).nullable()

export const bib = z.int().min(1).max(maxBib)

/** A division's name as the organiser writes it ("Wheelchair", "Corporate"); matched regardless of case. */
export const divisionName = z.string().trim().min(1).max(60)

/** Every field an organiser can set on an entrant; the import validates each row with these. */
export const entrantFields = {
  raceId: id,
  givenName: shortText(100),
  familyName: shortText(100),
  secondName: optionalText(100),
  sex,
  birthDate: isoDate.nullable(),
  /** Age on race day, kept only when the registration gave no birth date. */
  age: z.int().min(0).max(120).nullable(),
  nationality: z
    .string()
    .trim()
    .regex(/^$|^[A-Za-z]{3}$/, { message: 'Use a 3-letter country code such as KOR or GBR' })
    .nullable(),
  club: optionalText(200),
  /** A team apart from the club (a company, a charity, friends): what team scores count when a race says so. */
  team: optionalText(200),
  /** The organiser's divisions the runner is in (wheelchair, corporate, military…): their own places and awards. */
  divisions: z.array(divisionName).max(10),
  email: z
    .string()
    .trim()
    .max(200)
    .regex(/^$|^[^\s@]+@[^\s@]+$/, { message: 'Not an email address' })
    .nullable(),
  phone: optionalText(50),
  emergencyName: optionalText(200),
  emergencyPhone: optionalText(50),
  shirtSize: optionalText(20),
  ref: optionalText(100),
  bib: bib.nullable(),
  /** Predicted finish time from the registration, for numbering into corrals. */
  predictedTimeMs: z
    .int()
    .min(60_000)
    .max(7 * 24 * 3_600_000)
    .nullable(),
  /** One of the race's waves (or corrals); seeded when numbering by predicted time, or set by hand. */
  waveId: id.nullable(),
}

export const entrant = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  secondName: z.string().nullable(),
  sex,
  /** Personal fields (birth date, contacts) are absent from the answer where the caller's role may not see them. */
  birthDate: z.string().nullable().optional(),
  /** Age on race day: from the birth date when known, else as registered. */
  age: z.int().nullable(),
  nationality: z.string().nullable(),
  club: z.string().nullable(),
  team: z.string().nullable(),
  divisions: z.array(z.string()),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  emergencyName: z.string().nullable().optional(),
  emergencyPhone: z.string().nullable().optional(),
  shirtSize: z.string().nullable(),
  raceId: z.int(),
  race: z.string(),
  /** The wave (or corral) the runner starts in, seeded when numbering by predicted time. */
  waveId: z.int().nullable(),
  wave: z.string().nullable(),
  category: z.string().nullable(),
  bib: z.int().nullable(),
  predictedTimeMs: z.int().nullable(),
  status: entrantStatus,
  createdAt: instantMs,
  updatedAt: instantMs,
})
export type Entrant = z.infer<typeof entrant>

export const entrantSortKeys = ['familyName', 'givenName', 'bib', 'race', 'category', 'createdAt'] as const

export const entrantsListInput = z.strictObject({
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(1000).default(100),
  sort: z.enum(entrantSortKeys).default('familyName'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  raceId: id.optional(),
  status: entrantStatus.optional(),
  category: z.string().max(40).optional(),
  sex: sex.optional(),
})

export const entrantsGetInput = z.strictObject({ id: z.string().min(1).max(100) })

export const entrantsCreateInput = z.strictObject({
  raceId: entrantFields.raceId,
  givenName: entrantFields.givenName,
  familyName: entrantFields.familyName,
  sex: entrantFields.sex,
  secondName: entrantFields.secondName.optional(),
  birthDate: entrantFields.birthDate.optional(),
  age: entrantFields.age.optional(),
  nationality: entrantFields.nationality.optional(),
  club: entrantFields.club.optional(),
  team: entrantFields.team.optional(),
  divisions: entrantFields.divisions.optional(),
  email: entrantFields.email.optional(),
  phone: entrantFields.phone.optional(),
  emergencyName: entrantFields.emergencyName.optional(),
  emergencyPhone: entrantFields.emergencyPhone.optional(),
  shirtSize: entrantFields.shirtSize.optional(),
  ref: entrantFields.ref.optional(),
  bib: entrantFields.bib.optional(),
  predictedTimeMs: entrantFields.predictedTimeMs.optional(),
  waveId: entrantFields.waveId.optional(),
})

export const entrantsUpdateInput = entrantsCreateInput.partial().extend({
  id: z.string().min(1).max(100),
  /** Check-in sets "checked-in" through its own commands; here a runner can only withdraw or return. */
  status: z.enum(['registered', 'withdrawn']).optional(),
})

export const entrantsDeleteInput = z.strictObject({ id: z.string().min(1).max(100) })

export const entrantsSearchInput = z.strictObject({
  query: z.string().max(200),
  limit: z.int().min(1).max(100).default(20),
})

export const searchHit = z.object({
  id: z.string(),
  bib: z.int().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  secondName: z.string().nullable(),
  ref: z.string().nullable(),
  /** With club and reference, what tells two runners of the same name apart; absent for finish devices and results screens. */
  birthYear: z.int().nullable().optional(),
  club: z.string().nullable(),
  raceId: z.int(),
  race: z.string(),
  category: z.string().nullable(),
  status: entrantStatus,
})
export type SearchHit = z.infer<typeof searchHit>

export const entrantsPage = z.object({ total: z.int(), items: z.array(entrant) })

export const entrantsCategoriesInput = z.strictObject({ raceId: id.optional() })
export const categoryCount = z.object({ category: z.string(), count: z.int() })

/** The entrants with their bibs and chips as a timing system's participant import (columns in the README). */
export const entrantsExportInput = z.strictObject({ format: z.enum(['participants']).default('participants'), raceId: id.optional() })
export const entrantsExported = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() })

export const entrantsCommands = {
  'entrants.list': { input: entrantsListInput, output: entrantsPage, roles: everyone, changes: [] },
  'entrants.get': { input: entrantsGetInput, output: entrant, roles: everyone, changes: [], view: 'card' },
  'entrants.categories': { input: entrantsCategoriesInput, output: z.array(categoryCount), roles: everyone, changes: [] },
  'entrants.search': { input: entrantsSearchInput, output: z.object({ items: z.array(searchHit) }), roles: everyone, changes: [] },
  'entrants.create': { input: entrantsCreateInput, output: entrant, roles: organiser, changes: ['entrants'] },
  'entrants.update': { input: entrantsUpdateInput, output: entrant, roles: organiser, changes: ['entrants'] },
  'entrants.delete': { input: entrantsDeleteInput, output: z.object({ id: z.string() }), roles: organiser, changes: ['entrants'] },
  // Birth dates go with it (timing systems age-grade and categorise): the organiser's only.
  'entrants.export': { input: entrantsExportInput, output: entrantsExported, roles: organiser, changes: [] },
} as const satisfies CommandTable
