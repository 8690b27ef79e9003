import { z } from 'zod'
import { everyone, organiser, pickup, type CommandTable } from './command-spec'
import { id, instantMs, shortText } from './fields'
import { bib, entrant, entrantsCreateInput } from './entrants'
import { maxBib } from './races'
import { printJob } from './prints'

// Packet pickup: what a check-in desk reads and writes.

/** What the organiser can require a desk to confirm before handing over; `minorAge` only for runners under 18. */
export const checkinConfirmations = ['photoId', 'waiver', 'minorAge'] as const
export const checkinConfirmation = z.enum(checkinConfirmations)
export type CheckinConfirmation = z.infer<typeof checkinConfirmation>
/** Runners younger than this on race day need the minor's age check. */
export const adultAge = 18

/** Always handed over when the runner has one; the organiser adds others (gift bag, timing chip…). */
export const standardItems = ['bib', 'shirt'] as const
const itemName = z.string().trim().min(1).max(40)

export const paymentMethods = ['cash', 'card', 'transfer', 'free'] as const
export const paymentMethod = z.enum(paymentMethods)

const entrantId = z.string().min(1).max(100)
const reason = z.string().trim().min(1).max(300)

export const checkinRecord = z.object({
  checkinId: z.string(),
  entrantId: z.string(),
  atMs: instantMs,
  desk: z.string(),
  actor: z.string(),
  items: z.array(z.string()),
  confirmed: z.array(checkinConfirmation),
  shirtSize: z.string().nullable(),
  overrideReason: z.string().nullable(),
  undoneAtMs: instantMs.nullable(),
  undoneBy: z.string().nullable(),
  undoneDesk: z.string().nullable(),
})
export type CheckinRecord = z.infer<typeof checkinRecord>

export const checkinCheckInInput = z.strictObject({
  entrantId,
  /** What was handed over; by default everything the runner is due (see checkin.status). */
  items: z.array(itemName).max(20).optional(),
  confirmed: z.array(checkinConfirmation).max(checkinConfirmations.length).default([]),
  /** The reason for checking in a runner who has already picked up (replacement bib, lost bag…). */
  override: reason.optional(),
})

export const checkinDone = z.object({
  checkinId: z.string(),
  entrantId: z.string(),
  name: z.string(),
  bib: z.int().nullable(),
  race: z.string(),
  atMs: instantMs,
  desk: z.string(),
  actor: z.string(),
  items: z.array(z.string()),
  /** Where the runner's bag waits (self check-in), from the organiser's tables by bib. */
  table: z.string().nullable(),
  overridden: z.boolean(),
})

export const checkinUndoInput = z.strictObject({ checkinId: z.string().min(1).max(100) })
export const checkinUndone = z.object({ checkinId: z.string(), entrantId: z.string(), name: z.string() })

export const checkinStatusInput = z.strictObject({ entrantId })
export const checkinStatus = z.object({
  entrant: entrant.extend({
    notes: z.string().nullable().optional(),
    paymentMethod: paymentMethod.nullable(),
    paymentAmount: z.string().nullable(),
    walkUp: z.boolean(),
  }),
  /** The check-in standing now (not undone), or null. */
  current: checkinRecord.nullable(),
  history: z.array(checkinRecord),
  /** What this runner is due: bib (when numbered), shirt (when sized), then the event's items. */
  toHandOver: z.array(z.string()),
  /** What a check-in hands over when the desk does not choose: all that is due but a shirt whose size ran out. */
  defaultItems: z.array(z.string()),
  /** The runner's shirt size has run out (stock is counted for it and none is left). */
  shirtGone: z.boolean(),
  /** What the desk must confirm for this runner. */
  confirmations: z.array(checkinConfirmation),
  /** Shirts of the runner's size still on the table, or null when stock is not counted for it. */
  shirtsLeft: z.int().nullable(),
  table: z.string().nullable(),
  /** The race hands out bibs at pickup and this runner has none yet. */
  needsBib: z.boolean(),
})
export type CheckinStatus = z.infer<typeof checkinStatus>

export const checkinStatsInput = z.strictObject({})
export const checkinStats = z.object({
  races: z.array(z.object({ raceId: z.int(), race: z.string(), pickedUp: z.int(), total: z.int() })),
  shirts: z.array(z.object({ size: z.string(), stock: z.int(), handedOut: z.int(), left: z.int() })),
  /** The calling desk: check-ins in the last hour and in all. */
  desk: z.object({ name: z.string(), lastHour: z.int(), total: z.int() }),
  pickedUp: z.int(),
  total: z.int(),
})

const shirtSize = z.string().trim().min(1).max(20)
export const pickupTable = z
  .strictObject({ name: shortText(40), first: z.int().min(1).max(maxBib), last: z.int().min(1).max(maxBib) })
  .refine((t) => t.first <= t.last, { message: 'The first bib must not be greater than the last', path: ['last'] })

export const checkinSettings = z.object({
  confirmations: z.array(checkinConfirmation),
  items: z.array(z.string()),
  shirts: z.array(z.object({ size: z.string(), stock: z.int() })),
  tables: z.array(z.object({ name: z.string(), first: z.int(), last: z.int() })),
})
export const checkinSettingsInput = z.strictObject({})
export const checkinConfigureInput = z.strictObject({
  confirmations: z.array(checkinConfirmation).max(checkinConfirmations.length).optional(),
  items: z
    .array(itemName)
    .max(10)
    .refine((items) => new Set(items.map((i) => i.toLowerCase())).size === items.length, { message: 'An item is listed twice' })
    .refine((items) => items.every((i) => !(standardItems as readonly string[]).includes(i.toLowerCase())), { message: 'Bib and shirt are always handed over' })
    .optional(),
  shirts: z
    .array(z.strictObject({ size: shirtSize, stock: z.int().min(0).max(1_000_000) }))
    .max(30)
    .refine((s) => new Set(s.map((x) => x.size.toLowerCase())).size === s.length, { message: 'A size is listed twice' })
    .optional(),
  tables: z.array(pickupTable).max(100).optional(),
})

export const checkinChangeShirtInput = z.strictObject({ entrantId, size: shirtSize })
export const checkinShirtChanged = z.object({ entrantId: z.string(), shirtSize: z.string(), from: z.string().nullable(), left: z.int().nullable() })

export const checkinMoveRaceInput = z.strictObject({ entrantId, raceId: id, reason: reason.default('moved at pickup') })
export const checkinMoved = z.object({
  entrantId: z.string(),
  race: z.string(),
  /** The old bib, retired for good; null when the runner had none. */
  voided: z.int().nullable(),
  /** The new number, or null when the new race hands out bibs at pickup. */
  bib: z.int().nullable(),
})

export const checkinCorrectInput = entrantsCreateInput
  .pick({ givenName: true, familyName: true, secondName: true, email: true, phone: true, emergencyName: true, emergencyPhone: true })
  .partial()
  .extend({ entrantId, notes: z.string().trim().max(1000).nullable().optional() })
  .refine((input) => Object.keys(input).length > 1, { message: 'Nothing to correct' })

/** The short form of a walk-up: who they are, how to reach them, and how they paid. */
export const checkinWalkUpInput = entrantsCreateInput
  .pick({
    raceId: true,
    givenName: true,
    familyName: true,
    secondName: true,
    sex: true,
    birthDate: true,
    nationality: true,
    club: true,
    email: true,
    phone: true,
    emergencyName: true,
    emergencyPhone: true,
    shirtSize: true,
  })
  .extend({
    paymentMethod,
    paymentAmount: z
      .string()
      .trim()
      .max(20)
      .regex(/^$|^[0-9][0-9.,\s]*$/, { message: 'Write the amount in figures' })
      .optional(),
  })
export const checkinWalkedUp = z.object({
  entrantId: z.string(),
  bib: z.int().nullable(),
  /** False when the race's walk-up numbers were used up (or none were set) and the next free number of the race was given. */
  fromWalkUpNumbers: z.boolean(),
  /** Whether the race has walk-up numbers at all (a reservation for walk-ups on the Bibs desk). */
  walkUpNumbers: z.boolean(),
})

export const checkinGiveBibInput = z.strictObject({ entrantId, bib })
export const checkinBibGiven = z.object({ entrantId: z.string(), bib: z.int() })

export const checkinPrintBibInput = z.strictObject({ entrantId, language: z.enum(['en', 'ko']).default('en') })

export const checkinCommands = {
  // Packet pickup. A check-in stands until undone (kept, never deleted); a second one needs a reason.
  'checkin.checkIn': { input: checkinCheckInInput, output: checkinDone, roles: pickup, changes: ['checkin', 'entrants'] },
  'checkin.undo': { input: checkinUndoInput, output: checkinUndone, roles: pickup, changes: ['checkin', 'entrants'] },
  'checkin.status': { input: checkinStatusInput, output: checkinStatus, roles: pickup, changes: [], view: 'card' },
  'checkin.stats': { input: checkinStatsInput, output: checkinStats, roles: pickup, changes: [] },
  'checkin.settings': { input: checkinSettingsInput, output: checkinSettings, roles: everyone, changes: [] },
  'checkin.configure': { input: checkinConfigureInput, output: checkinSettings, roles: organiser, changes: ['checkin'] },
  'checkin.changeShirt': { input: checkinChangeShirtInput, output: checkinShirtChanged, roles: pickup, changes: ['checkin', 'entrants'] },
  'checkin.moveRace': { input: checkinMoveRaceInput, output: checkinMoved, roles: pickup, changes: ['checkin', 'entrants', 'bibs'] },
  'checkin.correct': { input: checkinCorrectInput, output: entrant, roles: pickup, changes: ['entrants'], view: 'card' },
  'checkin.walkUp': { input: checkinWalkUpInput, output: checkinWalkedUp, roles: pickup, changes: ['checkin', 'entrants', 'bibs'] },
  'checkin.giveBib': { input: checkinGiveBibInput, output: checkinBibGiven, roles: pickup, changes: ['checkin', 'entrants', 'bibs'] },
  'checkin.printBib': { input: checkinPrintBibInput, output: printJob, roles: pickup, changes: [] },
} as const satisfies CommandTable
