import { z } from 'zod'
import { everyone, organiser, type CommandTable } from './command-spec'
import { id, instantMs } from './fields'
import { rejectedRow } from './imports'
import { maxBib } from './races'

export const bibRule = z.enum(['registration', 'alphabetical', 'predicted', 'fill'])
const bibNumber = z.int().min(1).max(maxBib)
const reason = z.string().trim().min(1).max(300)

export const reservation = z
  .strictObject({ first: bibNumber, last: bibNumber, purpose: z.string().trim().min(1).max(50) })
  .refine((r) => r.first <= r.last, { message: 'The first bib must not be greater than the last', path: ['last'] })

export const bibSettings = z.object({
  raceId: z.int(),
  rule: bibRule,
  reserved: z.array(z.object({ first: z.int(), last: z.int(), purpose: z.string() })),
  /** Event-wide: numbers never handed out. */
  excluded: z.array(z.int()),
  /** Event-wide: lost or damaged numbers, never handed out again. */
  voided: z.array(z.int()),
})

export const bibsSettingsInput = z.strictObject({ raceId: id })
export const bibsConfigureInput = z.strictObject({ raceId: id, rule: bibRule.optional(), reserved: z.array(reservation).max(100).optional() })
export const bibsExcludeInput = z.strictObject({ bibs: z.array(bibNumber).max(10_000) })

export const bibsPlanInput = z.strictObject({ raceId: id, rule: bibRule.optional() })
export const bibPlan = z.object({
  race: z.string(),
  rule: bibRule,
  changes: z.array(z.object({ entrantId: z.string(), name: z.string(), from: z.int().nullable(), to: z.int() })),
  unchanged: z.int(),
  missing: z.int(),
  /** With the predicted rule in a race with waves: how many runners each wave holds once seeded. */
  waves: z.array(z.object({ name: z.string(), runners: z.int() })),
  /** Runners whose wave the plan changes. */
  reseeded: z.int(),
})
export const bibsApplied = z.object({ race: z.string(), rule: bibRule, assigned: z.int(), unchanged: z.int(), seeded: z.int() })

export const bibsAssignInput = z.strictObject({ entrantId: z.string().min(1).max(100), bib: bibNumber.nullable(), reason: reason.default('manual') })
export const bibsSwapInput = z.strictObject({ entrantIds: z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)]), reason })
export const bibsVoidInput = z.strictObject({ entrantId: z.string().min(1).max(100), reason })
export const bibsHistoryInput = z.strictObject({ entrantId: z.string().min(1).max(100) })

export const bibEvent = z.object({
  atMs: instantMs,
  kind: z.enum(['assign', 'swap', 'void', 'clear']),
  from: z.int().nullable(),
  to: z.int().nullable(),
  reason: z.string(),
  actor: z.string(),
  desk: z.string(),
})

/** A chip file (chip code and bib per line), uploaded with imports.upload. */
export const chipsImportInput = z.strictObject({ id: z.string().max(64) })
export const chipsImported = z.object({
  imported: z.int(),
  replaced: z.int(),
  unchanged: z.int(),
  rejected: z.array(rejectedRow),
})

export const bibsCommands = {
  'bibs.settings': { input: bibsSettingsInput, output: bibSettings, roles: everyone, changes: [] },
  'bibs.configure': { input: bibsConfigureInput, output: bibSettings, roles: organiser, changes: ['bibs'] },
  'bibs.exclude': { input: bibsExcludeInput, output: z.object({ excluded: z.array(z.int()) }), roles: organiser, changes: ['bibs'] },
  'bibs.plan': { input: bibsPlanInput, output: bibPlan, roles: organiser, changes: [] },
  'bibs.apply': { input: bibsPlanInput, output: bibsApplied, roles: organiser, changes: ['bibs', 'entrants'] },
  'bibs.assign': {
    input: bibsAssignInput,
    output: z.object({ entrantId: z.string(), bib: z.int().nullable() }),
    roles: organiser,
    changes: ['bibs', 'entrants'],
  },
  'bibs.swap': {
    input: bibsSwapInput,
    output: z.array(z.object({ entrantId: z.string(), bib: z.int().nullable() })),
    roles: organiser,
    changes: ['bibs', 'entrants'],
  },
  'bibs.void': {
    input: bibsVoidInput,
    output: z.object({ entrantId: z.string(), voided: z.int(), bib: z.int() }),
    roles: organiser,
    changes: ['bibs', 'entrants'],
  },
  'bibs.history': { input: bibsHistoryInput, output: z.array(bibEvent), roles: everyone, changes: [] },
  'chips.import': { input: chipsImportInput, output: chipsImported, roles: organiser, changes: ['bibs'] },
} as const satisfies CommandTable
