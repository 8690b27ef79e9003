import { z } from 'zod'
import { everyone, finish, organiser, type CommandTable } from './command-spec'
import { id, instantMs } from './fields'
import { bib } from './entrants'

// The finish line: race clocks, captures from finish desks, corrections, chip reads and device sync.

/** `finish`, `start`, or the name of a split the organiser set up. */
export const pointName = z.string().trim().min(1).max(40)
export const builtInPoints = ['start', 'finish'] as const
/** A device names itself once (browser storage); with its sequence it makes a capture unique. */
export const device = z.string().trim().min(1).max(60)
export const seq = z
  .int()
  .min(0)
  .max(2 ** 40)
export const reason = z.string().trim().min(1).max(300)
export const captureId = z.string().min(1).max(64)
/** A device starts a new one when its clock jumped (a sleep, a clock set by hand): offsets are measured per anchor. */
const clockSegment = z.int().min(0).max(1_000_000)

/** `backup`: a backup timer's time, kept to cross-check the point's times with, never in its sequence itself. */
export const captureStates = ['active', 'deleted', 'notRunner', 'backup'] as const
export const captureSources = ['key', 'typed', 'inserted', 'gap'] as const
/** Shown as the official goes, never blocking. */
export const captureWarnings = ['unknownBib', 'alreadyFinished', 'raceNotStarted', 'notPickedUp', 'fasterThanWorldRecord'] as const
export type CaptureWarning = (typeof captureWarnings)[number]

export const timingCaptureInput = z.strictObject({
  device,
  seq,
  point: pointName,
  /** The key press on the device's own clock; the office corrects it by the device's measured offset. */
  atMs: instantMs,
  bib: bib.optional(),
  /** The device's clock anchor (see clock.measure); 0 when it never re-anchored. */
  clockSegment: clockSegment.optional(),
})

const runner = z.object({ entrantId: z.string(), name: z.string(), race: z.string(), wave: z.string().nullable() })

export const captureView = z.object({
  id: z.string(),
  device: z.string(),
  seq: z.int(),
  point: z.string(),
  /** The office's time (the device's instant corrected); null for a bib typed on its own that no time has taken yet. */
  atMs: instantMs.nullable(),
  /** The instant as the recording device's clock gave it. */
  deviceAtMs: instantMs.nullable(),
  /** The clock whose offset was applied (a device, a finish laptop's file); null: the office's own time or a typed one. */
  clock: z.string().nullable(),
  /** Office − device as applied; null with a clock: never measured, so taken as it came (a problem to check). */
  offsetMs: z.int().nullable(),
  offsetUncertaintyMs: z.int().nullable(),
  /** The bib this time counts for: typed with it, or the bib typed in finish order that it took. */
  bib: z.int().nullable(),
  /** The bib typed in finish order that this time took (its id), if any. */
  entryId: z.string().nullable(),
  source: z.enum(captureSources),
  state: z.enum(captureStates),
  stateReason: z.string().nullable(),
  /** Place in the point's sequence of active times (1 = first); null for others. */
  order: z.int().nullable(),
  /** From the runner's gun to this time. */
  elapsedMs: z.int().nullable(),
  runner: runner.nullable(),
  warnings: z.array(z.enum(captureWarnings)),
  createdAtMs: instantMs,
  desk: z.string(),
})
export type CaptureView = z.infer<typeof captureView>

export const timingCaptured = z.object({
  id: z.string(),
  /** The same device and sequence were sent before (a resend after a lost answer): nothing new stored. */
  duplicate: z.boolean(),
  capture: captureView,
})

export const timingAssignBibInput = z
  .strictObject({
    /** A bib for this time: the time's own bib from now on (a correction of a typed one is timing.correct). */
    captureId: captureId.optional(),
    /** Otherwise a bib typed in finish order: device and sequence make it unique (resends store nothing). */
    device: device.optional(),
    seq: seq.optional(),
    point: pointName.default('finish'),
    bib,
    /** When it was typed, on the device's clock: bibs typed on their own are merged in this order (default: now). */
    enteredAtMs: instantMs.optional(),
  })
  .refine((input) => (input.device === undefined) === (input.seq === undefined), { message: 'Give device and seq together', path: ['seq'] })
  .refine((input) => input.captureId === undefined || input.device === undefined, {
    message: 'A bib goes to a capture (captureId) or into the finish order (device, seq), not both',
    path: ['captureId'],
  })

export const timingBibAssigned = z.object({
  id: z.string(),
  duplicate: z.boolean(),
  /** The time it took, or null while it waits for one. */
  capture: captureView.nullable(),
  bib: z.int(),
  warnings: z.array(z.enum(captureWarnings)),
})

export const timingCorrectInput = z.discriminatedUnion('action', [
  /** A missed press: a time typed between two others. */
  z.strictObject({ action: z.literal('insert'), device, seq, point: pointName.default('finish'), atMs: instantMs, bib: bib.optional(), reason }),
  /** A double press, or a bib typed twice: taken out of the sequence (kept, marked deleted). */
  z.strictObject({ action: z.literal('delete'), captureId, reason }),
  z.strictObject({ action: z.literal('restore'), captureId, reason }),
  /** A time of someone who is not a runner (a pacer bike, an official). */
  z.strictObject({ action: z.literal('notRunner'), captureId, reason }),
  /** The bib of this time; null takes it off (a typed-in-order bib then goes, and later ones move up). */
  z.strictObject({ action: z.literal('editBib'), captureId, bib: bib.nullable(), reason }),
  /** Bibs typed in order, from this time on, move one time later (down) or earlier (up). */
  z.strictObject({ action: z.literal('shift'), captureId, direction: z.enum(['up', 'down']), device, seq, reason }),
])
export type TimingCorrection = z.infer<typeof timingCorrectInput>

export const timingCorrected = z.object({ changeId: z.string(), captureId: z.string(), action: z.string() })

export const timingListInput = z.strictObject({
  point: pointName.default('finish'),
  /** The latest this many in sequence (the desk's view); all when absent. */
  last: z.int().min(1).max(100_000).optional(),
})

export const timingList = z.object({
  point: z.string(),
  captures: z.array(captureView),
  /** Bibs typed in finish order that no time has taken yet, oldest first. */
  waiting: z.array(captureView),
  times: z.int(),
  withBib: z.int(),
  total: z.int(),
})

export const timingHistoryInput = z.strictObject({ captureId })
export const captureChange = z.object({
  id: z.string(),
  captureId: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  reason: z.string(),
  atMs: instantMs,
  actor: z.string(),
  desk: z.string(),
})

export const timingPoint = z.object({ name: z.string(), distanceM: z.int() })
export const timingPointsInput = z.strictObject({})
export const timingSetPointsInput = z.strictObject({
  splits: z
    .array(
      z.strictObject({
        name: pointName.refine((n) => !(builtInPoints as readonly string[]).includes(n.toLowerCase()), { message: 'start and finish are always there' }),
        distanceM: z.int().min(1).max(1_000_000),
      }),
    )
    .max(50)
    .refine((list) => new Set(list.map((p) => p.name.toLowerCase())).size === list.length, { message: 'Two splits have the same name' }),
  readWindowMs: z.int().min(0).max(600_000).optional(),
})
export const timingPoints = z.object({ splits: z.array(timingPoint), readWindowMs: z.int() })

// Race clocks: a gun per race, or per wave. Every start and correction is kept; the latest counts.
export const clockSources = ['key', 'typed', 'reads'] as const
const clockTarget = { raceId: id, waveId: id.nullable().default(null) }

export const clockStartInput = z.strictObject({
  ...clockTarget,
  /** The gun on the device's own clock at the key press, corrected by its offset (default: when the office hears it). */
  atMs: instantMs.optional(),
  device: device.default('office'),
  clockSegment: clockSegment.optional(),
  /** Needed when this race (wave) already has a gun: starting again is a correction. */
  reason: reason.optional(),
})

export const clockSetInput = z
  .strictObject({
    ...clockTarget,
    /** The gun's instant (a typed time of day read in the event's zone on the event date), or… */
    atMs: instantMs.optional(),
    /** …the last start-mat read of the first runners across (within the read window of the first). */
    fromReads: z.literal(true).optional(),
    reason: reason.optional(),
    device: device.default('office'),
  })
  .refine((input) => (input.atMs === undefined) !== (input.fromReads === undefined), { message: 'Give the gun time (atMs) or fromReads, one of them' })

export const clockRecord = z.object({
  id: z.string(),
  /** The office's time. */
  gunAtMs: instantMs,
  /** As the starting device's clock gave it, and the offset applied (null: typed, or the office's own time). */
  deviceAtMs: instantMs.nullable(),
  offsetMs: z.int().nullable(),
  offsetUncertaintyMs: z.int().nullable(),
  source: z.enum(clockSources),
  reason: z.string().nullable(),
  device: z.string(),
  recordedAtMs: instantMs,
  actor: z.string(),
  desk: z.string(),
})

export const raceClock = z.object({
  raceId: z.int(),
  race: z.string(),
  waveId: z.int().nullable(),
  wave: z.string().nullable(),
  distanceM: z.int(),
  /** The gun that counts: the latest recorded, or null while the race (wave) has not started. */
  gunAtMs: instantMs.nullable(),
  history: z.array(clockRecord),
})
export type RaceClock = z.infer<typeof raceClock>
export const clockListInput = z.strictObject({})

// Device clocks: every screen that records instants measures its offset to the office's clock.
const deviceTime = z.number().min(0).max(8_640_000_000_000_000)
export const clockExchangeInput = z.strictObject({ device, sentAtMs: deviceTime })
export const clockExchanged = z.object({ sentAtMs: z.number(), receivedAtMs: instantMs, repliedAtMs: instantMs })
export const clockExchange = z.strictObject({ sentAtMs: deviceTime, receivedAtMs: instantMs, repliedAtMs: instantMs, returnedAtMs: deviceTime })

export const clockMeasureInput = z.strictObject({
  device,
  segment: clockSegment.default(0),
  /** Exchanges just made with clock.exchange; the office works the offset out from the one with the smallest round trip. */
  exchanges: z.array(clockExchange).min(1).max(32),
})

export const clockMeasurementSources = ['exchange', 'package', 'manual'] as const
export const clockMeasurement = z.object({
  id: z.int(),
  segment: z.int(),
  /** Office − device: a clock 30 s fast measures −30000. */
  offsetMs: z.int(),
  uncertaintyMs: z.int(),
  roundTripMs: z.int().nullable(),
  /** The office's time of the measurement. */
  measuredAtMs: instantMs,
  source: z.enum(clockMeasurementSources),
  reason: z.string().nullable(),
  /** Captures and guns recorded earlier whose instants this measurement corrected again (drift). */
  recorrected: z.int(),
  actor: z.string(),
  desk: z.string(),
})
export const clockMeasured = clockMeasurement.extend({ device: z.string() })

export const clockSetOffsetInput = z.strictObject({
  device,
  /** Office − device in ms (a clock 31.2 s fast: −31200), read from a photo of both clocks, say. */
  offsetMs: z.int().min(-86_400_000).max(86_400_000),
  uncertaintyMs: z.int().min(0).max(3_600_000).default(1000),
  reason,
})

export const deviceClockStates = ['ok', 'off', 'uncertain', 'unknown'] as const
export const deviceClock = z.object({
  device: z.string(),
  /** The desk it records for, as its latest capture or measurement says. */
  desk: z.string().nullable(),
  /** The latest measurement: null while the clock was never measured. */
  offsetMs: z.int().nullable(),
  uncertaintyMs: z.int().nullable(),
  measuredAtMs: instantMs.nullable(),
  /** ok; off (more than 1 s off, corrected); uncertain (more than 250 ms); unknown (never measured). */
  state: z.enum(deviceClockStates),
  captures: z.int(),
  guns: z.int(),
  lastCaptureAtMs: instantMs.nullable(),
  /** Newest first. */
  history: z.array(clockMeasurement),
})
export type DeviceClock = z.infer<typeof deviceClock>
export const clockDevicesInput = z.strictObject({})

// Chip reads from timing systems' files: uploaded like registrations, mapped, then imported.
export const readFields = ['chip', 'bib', 'time', 'elapsed', 'point', 'reader'] as const
export type ReadField = (typeof readFields)[number]
export const readMapping = z.partialRecord(z.enum(readFields), z.string().max(200))

/** Decoders' own formats, read as they are (see the README's chip-read section). */
export const decoderFormats = ['ultra', 'ultra-file', 'raceresult', 'trackbox', 'impinj', 'jchip', 'chronotrack', 'ipico', 'mylaps', 'wiclax'] as const
export type DecoderFormatName = (typeof decoderFormats)[number]

export const readsPreviewInput = z.strictObject({ id: z.string().max(64) })
export const readsPreview = z.object({
  headers: z.array(z.string()),
  mapping: readMapping,
  sample: z.array(z.array(z.string())),
  rows: z.int(),
  /** The decoder format the file is written in (no mapping needed), or null for a table with headers. */
  decoder: z
    .object({
      format: z.enum(decoderFormats),
      /** Some of its times count from the decoder's power-on: the import needs to know when that was. */
      needsAnchor: z.boolean(),
    })
    .nullable(),
})

export const readsImportInput = z.strictObject({
  id: z.string().max(64),
  /** Which column holds what; a field not given is guessed from the headers. */
  mapping: readMapping.optional(),
  /** The timing point of every read, when the file has no point column (or to override it). */
  point: pointName.optional(),
  /** Import the good rows and leave out those with problems (listed); otherwise any problem refuses the file. */
  skipInvalid: z.boolean().default(false),
  /** Read the file as this decoder's format (it is recognised from the content otherwise). */
  format: z.enum(decoderFormats).optional(),
  /** When a decoder counting from power-on was switched on: a time of day in the event's zone, or an ISO instant. */
  anchor: z.string().trim().min(1).max(40).optional(),
})

export const rejectedRead = z.object({ row: z.int(), field: z.string(), code: z.string(), message: z.string(), value: z.string().optional() })
export const readsImported = z.object({
  imported: z.int(),
  /** Reads the event already had (the same file, or overlapping exports). */
  duplicates: z.int(),
  /** Runners with at least one read in this file. */
  runners: z.int(),
  points: z.array(z.string()),
  /** Chips no runner has: kept, listed here, matched once the chip file knows them. */
  unknownChips: z.array(z.object({ chip: z.string(), reads: z.int() })),
  rejected: z.array(rejectedRead),
  /** The decoder format it was read as; null for a table read through its headers. */
  format: z.enum(decoderFormats).nullable(),
  /** Lines that are the decoder's own (status, markers, headers): not reads. */
  skipped: z.int(),
})

export const readsSummaryInput = z.strictObject({})
export const readsSummary = z.object({
  readWindowMs: z.int(),
  points: z.array(z.object({ point: z.string(), reads: z.int(), runners: z.int(), unknownChipReads: z.int() })),
  unknownChips: z.array(z.object({ chip: z.string(), reads: z.int() })),
})

export const passingsInput = z.strictObject({ point: pointName, bib: bib.optional() })
export const passing = z.object({ bib: z.int(), point: z.string(), atMs: instantMs, reads: z.int() })

// Device sync: a finish laptop's captures, corrections and clocks, moved into the office file.
export const syncPackage = z.strictObject({
  format: z.literal('race-office-sync'),
  version: z.literal(1),
  event: z.strictObject({ name: z.string().max(200), date: z.string().max(10) }),
  exportedAtMs: instantMs,
  captures: z
    .array(
      z.strictObject({
        id: captureId,
        device,
        seq,
        point: pointName,
        atMs: instantMs.nullable(),
        bib: z.int().nullable(),
        position: z.number(),
        source: z.enum(captureSources),
        state: z.enum(captureStates),
        stateReason: z.string().max(300).nullable(),
        createdAtMs: instantMs,
        actor: z.string().max(200),
        desk: z.string().max(200),
      }),
    )
    .max(500_000),
  changes: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        captureId,
        action: z.string().max(20),
        before: z.record(z.string(), z.unknown()),
        after: z.record(z.string(), z.unknown()),
        reason: z.string().max(300),
        atMs: instantMs,
        actor: z.string().max(200),
        desk: z.string().max(200),
      }),
    )
    .max(500_000),
  clocks: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        race: z.string().max(100),
        wave: z.string().max(30).nullable(),
        gunAtMs: instantMs,
        source: z.enum(clockSources),
        reason: z.string().max(300).nullable(),
        device: z.string().max(60),
        recordedAtMs: instantMs,
        actor: z.string().max(200),
        desk: z.string().max(200),
      }),
    )
    .max(10_000),
  /** The clock of the file the package comes from; its captures and guns are on it. */
  clockId: z.string().min(1).max(80).optional(),
  /** That clock measured against the office it synced with (live sync), with the exchanges themselves. */
  clockMeasurements: z
    .array(z.strictObject({ id: z.string().min(1).max(64), exchanges: z.array(clockExchange).min(1).max(32) }))
    .max(100_000)
    .optional(),
})
export type SyncPackage = z.infer<typeof syncPackage>
export const syncExportInput = z.strictObject({})
export const syncImportInput = z.strictObject({ package: syncPackage })
const syncCount = z.object({ added: z.int(), unchanged: z.int() })
export const syncImported = z.object({
  captures: syncCount,
  changes: syncCount,
  clocks: syncCount,
  clockMeasurements: syncCount,
  /** Whether the package's clock was measured against this office: if not, its times are a problem to check. */
  clockMeasured: z.boolean(),
  /** What could not be applied as it was: told, never silently dropped. */
  conflicts: z.array(z.object({ kind: z.enum(['capture', 'change', 'clock']), id: z.string(), message: z.string() })),
})

// Live sync: a finish laptop with its own copy sends its work to the office while it can reach it.
export const syncConnectInput = z.strictObject({
  /** The office's desk address, as its network panel shows it (http://192.168.1.10:4780). */
  office: z.url({ protocol: /^https?$/, message: 'Type the office’s address, such as http://192.168.1.10:4780' }).max(200),
  /** The finish code on the organiser's screen under "Desks on this network". */
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'The code has six digits' }),
  desk: z.string().trim().min(1).max(40).default('Finish laptop'),
  person: z.string().trim().min(1).max(60),
  everySeconds: z.int().min(2).max(600).default(10),
})
export const syncStatusInput = z.strictObject({})
export const liveSyncStatus = z.object({
  office: z.string().nullable(),
  lastAtMs: instantMs.nullable(),
  last: syncImported.nullable(),
  sentCaptures: z.int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})

// Near-miss bibs: what a typed bib that matches nobody (or someone already through, or not started) most likely meant.
export const nearMissReasons = ['asTyped', 'unreadDigit', 'neighbourKey', 'swapped', 'missingDigit', 'doubledDigit'] as const
export const timingNearMissInput = z.strictObject({
  /** What was typed: digits, and * for a digit that could not be read. */
  typed: z.string().regex(/^[0-9*]{1,8}$/, { message: 'Digits, and * for a digit that could not be read' }),
  point: pointName.default('finish'),
  /** When the runner crossed (the capture's time); now when not given. */
  atMs: instantMs.optional(),
})
export const timingNearMiss = z.object({
  candidates: z.array(
    z.object({
      bib: z.int(),
      reason: z.enum(nearMissReasons),
      name: z.string(),
      race: z.string(),
      /** onCourse: started and not through this point yet; alreadyHere: through it already; out: DNS, DNF or DQ. */
      state: z.enum(['onCourse', 'alreadyHere', 'notStarted', 'out']),
      expectedAtMs: instantMs.nullable(),
    }),
  ),
})

// A live decoder: the office connects over TCP to a decoder on the local network and takes its reads as they come.
export const decoderProtocols = ['raceresult', 'lines'] as const
export type DecoderProtocol = (typeof decoderProtocols)[number]
export const decoderConnectInput = z.strictObject({
  /** The decoder's address on the local network. */
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'An address is a name or an IP address' }),
  port: z.int().min(1).max(65535),
  /** RACE RESULT's decoder protocol (port 3601: it can send again what a drop missed), or a stream of read lines (the Ultra's, port 23). */
  protocol: z.enum(decoderProtocols),
  /** How the lines of a line stream are written. */
  format: z.enum(decoderFormats).default('ultra'),
  point: pointName,
  /** When a decoder counting from power-on was switched on: a time of day in the event's zone, or an ISO instant. */
  anchor: z.string().trim().min(1).max(40).optional(),
})
export const decoderLinkStatus = z.object({
  id: z.string(),
  host: z.string(),
  port: z.int(),
  protocol: z.enum(decoderProtocols),
  format: z.enum(decoderFormats),
  point: z.string(),
  state: z.enum(['connecting', 'connected', 'retrying', 'stopped']),
  connectedAtMs: instantMs.nullable(),
  /** Why the last connection failed or ended: refused, unreachable, dropped. */
  error: z.string().nullable(),
  readsPerMinute: z.int(),
  lastRead: z.object({ chip: z.string(), atMs: instantMs, receivedAtMs: instantMs }).nullable(),
  /** Reads decoded from this decoder since connecting; stored is how many were new to the file. */
  received: z.int(),
  stored: z.int(),
  duplicates: z.int(),
  /** Reads received and not yet in the file (a moment's worth). */
  waiting: z.int(),
  /** Passings the office asked the decoder for again (after a drop, or what it held before connecting). */
  fetched: z.int(),
  reconnects: z.int(),
  problems: z.int(),
  lastProblem: z.string().nullable(),
})
export type DecoderLinkStatus = z.infer<typeof decoderLinkStatus>
export const decoderStatusInput = z.strictObject({})
export const decoderLinkInput = z.strictObject({ id: z.string().max(64) })
export const decoderTaken = z.object({ stored: z.int(), duplicates: z.int() })

export const timingCommands = {
  // The finish line. A capture is answered only once it is committed to the file; a resend of the
  // same device and sequence (after a lost answer) stores nothing new.
  'timing.capture': { input: timingCaptureInput, output: timingCaptured, roles: finish, changes: ['timing'] },
  'timing.assignBib': { input: timingAssignBibInput, output: timingBibAssigned, roles: finish, changes: ['timing'] },
  'timing.correct': { input: timingCorrectInput, output: timingCorrected, roles: finish, changes: ['timing'] },
  'timing.list': { input: timingListInput, output: timingList, roles: everyone, changes: [] },
  'timing.history': { input: timingHistoryInput, output: z.array(captureChange), roles: everyone, changes: [] },
  'timing.points': { input: timingPointsInput, output: timingPoints, roles: everyone, changes: [] },
  'timing.setPoints': { input: timingSetPointsInput, output: timingPoints, roles: organiser, changes: ['timing'] },
  'clock.list': { input: clockListInput, output: z.array(raceClock), roles: everyone, changes: [] },
  'clock.start': { input: clockStartInput, output: raceClock, roles: finish, changes: ['timing'] },
  'clock.set': { input: clockSetInput, output: raceClock, roles: finish, changes: ['timing'] },
  // One clock for every device: a recording screen measures its offset to the office's clock
  // (exchanges, then the measurement); captures and guns are corrected by it.
  'clock.exchange': { input: clockExchangeInput, output: clockExchanged, roles: finish, changes: [] },
  'clock.measure': { input: clockMeasureInput, output: clockMeasured, roles: finish, changes: ['timing'] },
  'clock.devices': { input: clockDevicesInput, output: z.array(deviceClock), roles: everyone, changes: [] },
  'clock.setOffset': { input: clockSetOffsetInput, output: clockMeasured, roles: organiser, changes: ['timing'] },
  'reads.preview': { input: readsPreviewInput, output: readsPreview, roles: organiser, changes: [] },
  'reads.import': { input: readsImportInput, output: readsImported, roles: organiser, changes: ['timing'] },
  'reads.summary': { input: readsSummaryInput, output: readsSummary, roles: everyone, changes: [] },
  'reads.passings': { input: passingsInput, output: z.array(passing), roles: everyone, changes: [] },
  'sync.export': { input: syncExportInput, output: syncPackage, roles: finish, changes: [] },
  'sync.import': { input: syncImportInput, output: syncImported, roles: finish, changes: ['timing'] },
  // A finish laptop's live sync: it pairs with the office (its finish code) and sends its package every few seconds. Only the
  // laptop's organiser points it at an office: a paired device could otherwise send the laptop's work to an address of its choosing.
  'sync.connect': { input: syncConnectInput, output: liveSyncStatus, roles: organiser, changes: [] },
  'sync.status': { input: syncStatusInput, output: liveSyncStatus, roles: finish, changes: [] },
  'sync.disconnect': { input: syncStatusInput, output: liveSyncStatus, roles: organiser, changes: [] },
  'timing.nearMiss': { input: timingNearMissInput, output: timingNearMiss, roles: finish, changes: [] },
  'decoder.connect': { input: decoderConnectInput, output: decoderLinkStatus, roles: organiser, changes: [] },
  'decoder.status': { input: decoderStatusInput, output: z.array(decoderLinkStatus), roles: organiser, changes: [] },
  'decoder.disconnect': { input: decoderLinkInput, output: z.array(decoderLinkStatus), roles: organiser, changes: [] },
  /** The reads a link has received, into the file: called by the link itself (as the organiser) a few times a second. */
  'decoder.take': { input: decoderLinkInput, output: decoderTaken, roles: organiser, changes: ['timing'] },
} as const satisfies CommandTable
