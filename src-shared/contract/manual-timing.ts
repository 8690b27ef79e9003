import { z } from 'zod'
import { finish, organiser, type CommandTable } from './command-spec'
import { id, instantMs } from './fields'
import { bib } from './entrants'
import { captureId, device, pointName, reason, rejectedRead, seq, timingCaptured } from './timing'

// Manual timing: times typed from a stopwatch tape or a paper sheet, timer files, and a backup
// timer cross-checked against the point's own times.

/** A typed time counts from the race's (wave's) gun, or is a time of day in the event's zone on the event date. */
export const typedClocks = ['elapsed', 'timeOfDay'] as const
export type TypedClock = (typeof typedClocks)[number]
const dayMs = 24 * 3600 * 1000
const typedTimeMs = z
  .int()
  .min(0)
  .max(100 * 3600 * 1000)
/** A backup timer's times are kept to cross-check the point's own with; the main timer's are the point's sequence. */
export const timerRoles = ['main', 'backup'] as const

const needsRace = { message: 'An elapsed time counts from a race’s gun: say which race', path: ['raceId'] }
const withinDay = { message: 'A time of day is under 24:00:00', path: ['timeMs'] }

export const timingTypeTimeInput = z
  .strictObject({
    device,
    seq,
    point: pointName.default('finish'),
    raceId: id.optional(),
    waveId: id.optional(),
    clock: z.enum(typedClocks).default('elapsed'),
    /** From the gun (elapsed), or since midnight (time of day). */
    timeMs: typedTimeMs,
    bib: bib.optional(),
    as: z.enum(timerRoles).default('main'),
  })
  .refine((input) => input.clock !== 'elapsed' || input.raceId !== undefined, needsRace)
  .refine((input) => input.clock !== 'timeOfDay' || input.timeMs < dayMs, withinDay)

// Timer files: what a stopwatch or a timing app exports, one time a line, with a place or a bib before it.
export const timerFields = ['place', 'bib', 'time'] as const
export type TimerField = (typeof timerFields)[number]
export const timerMapping = z.partialRecord(z.enum(timerFields), z.string().max(200))

export const timesPreviewInput = z.strictObject({ id: z.string().max(64) })
export const timesPreview = z.object({
  /** The file's column names, or Column 1, Column 2… when its first line is already a time. */
  headers: z.array(z.string()),
  hasHeader: z.boolean(),
  mapping: timerMapping,
  sample: z.array(z.array(z.string())),
  rows: z.int(),
  /** What the file is named as a timer when none is given. */
  device: z.string(),
  /** Times from other devices at the finish already: these would be a backup to cross-check with. */
  pointTimes: z.int(),
})

export const timesImportInput = z
  .strictObject({
    id: z.string().max(64),
    mapping: timerMapping.optional(),
    point: pointName.default('finish'),
    raceId: id.optional(),
    waveId: id.optional(),
    clock: z.enum(typedClocks).default('elapsed'),
    skipInvalid: z.boolean().default(false),
    /** The timer's name (it stands for a device); the file's name when not given. */
    device: device.optional(),
    /** main: the point's times; backup: cross-checked against them. Default: backup when the point already has times from another device. */
    as: z.enum(timerRoles).optional(),
  })
  .refine((input) => input.clock !== 'elapsed' || input.raceId !== undefined, needsRace)

export const timesImported = z.object({
  imported: z.int(),
  /** Lines imported before (the same file again): nothing new stored. */
  duplicates: z.int(),
  withBib: z.int(),
  device: z.string(),
  point: z.string(),
  as: z.enum(timerRoles),
  rejected: z.array(rejectedRead),
})

// The cross-check: a backup timer's times aligned with the point's own on corrected instants.
export const crossCheckKinds = ['missed', 'extra', 'disagree'] as const
export const crossCheckFixes = ['insertBackupTime', 'deleteMainTime', 'useBackupTime', 'none'] as const
export const timingCrossCheckInput = z.strictObject({
  point: pointName.default('finish'),
  /** Two presses further apart than this disagree. */
  toleranceMs: z.int().min(10).max(60_000).default(1000),
})
const checkedTime = z.object({ captureId: z.string(), atMs: instantMs, bib: z.int().nullable(), order: z.int().nullable() })
export const crossCheckFinding = z.object({
  /** Stable while the finding is open: what timing.applyCrossCheck names. */
  id: z.string(),
  /** missed: `device` has no press where the other has one; extra: `device` pressed twice for one runner; disagree: the two are apart by more than the tolerance. */
  kind: z.enum(crossCheckKinds),
  device: z.string(),
  role: z.enum(timerRoles),
  /** The backup timer this finding comes from. */
  backupDevice: z.string(),
  main: checkedTime.nullable(),
  backup: checkedTime.nullable(),
  /** main − backup, less the timers' usual difference. */
  differenceMs: z.int().nullable(),
  /** What the office proposes: take the backup's time into the sequence, strike the main's extra press, take the backup's time instead of the main's; none: the results do not depend on it. */
  fix: z.enum(crossCheckFixes),
})
export type CrossCheckFinding = z.infer<typeof crossCheckFinding>
export const timingCrossCheck = z.object({
  point: z.string(),
  toleranceMs: z.int(),
  backups: z.array(
    z.object({
      device: z.string(),
      times: z.int(),
      matched: z.int(),
      /** The backup's usual difference to the main timer (median of the matched presses): a stopwatch started late shows here. */
      offsetMs: z.int(),
    }),
  ),
  mainTimes: z.int(),
  findings: z.array(crossCheckFinding),
})

export const timingApplyCrossCheckInput = z.strictObject({
  point: pointName.default('finish'),
  toleranceMs: z.int().min(10).max(60_000).default(1000),
  finding: z.string().min(1).max(200),
  /** fix: what the finding proposes; keep: the main timer's times stay as they are (the backup is struck at that press). */
  action: z.enum(['fix', 'keep']).default('fix'),
  /** The device and number for a time taken from the backup. */
  device,
  seq,
  reason: reason.optional(),
})
export const timingCrossCheckApplied = z.object({ finding: z.string(), fix: z.enum([...crossCheckFixes, 'keep']), captureIds: z.array(captureId) })

export const manualTimingCommands = {
  'timing.typeTime': { input: timingTypeTimeInput, output: timingCaptured, roles: finish, changes: ['timing'] },
  'times.preview': { input: timesPreviewInput, output: timesPreview, roles: organiser, changes: [] },
  'times.import': { input: timesImportInput, output: timesImported, roles: organiser, changes: ['timing'] },
  'timing.crossCheck': { input: timingCrossCheckInput, output: timingCrossCheck, roles: finish, changes: [] },
  'timing.applyCrossCheck': { input: timingApplyCrossCheckInput, output: timingCrossCheckApplied, roles: finish, changes: ['timing'] },
} as const satisfies CommandTable
