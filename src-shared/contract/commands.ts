import { z } from 'zod'
import type { Role } from './roles'
import { auditList, auditListInput, auditUndoInput, auditUndone } from './audit'
import {
  backupEntry,
  backupRestored,
  backupStatus,
  backupsListInput,
  backupsRestoreInput,
  backupsSetSecondFolderInput,
  backupsStatusInput,
  backupsVerifyInput,
  backupVerified,
} from './backups'
import { eventGetInput, eventLogo, eventSetLogoInput, eventSettings, eventUpdateInput } from './event'
import {
  categoryCount,
  entrant,
  entrantsCategoriesInput,
  entrantsCreateInput,
  entrantsDeleteInput,
  entrantsGetInput,
  entrantsListInput,
  entrantsPage,
  entrantsSearchInput,
  entrantsUpdateInput,
  searchHit,
} from './entrants'
import {
  bibEvent,
  bibPlan,
  bibSettings,
  bibsApplied,
  bibsAssignInput,
  bibsConfigureInput,
  bibsExcludeInput,
  bibsHistoryInput,
  bibsPlanInput,
  bibsSettingsInput,
  bibsSwapInput,
  bibsVoidInput,
  chipsImported,
  chipsImportInput,
} from './bibs'
import {
  importCommitInput,
  importDiscardInput,
  importPreview,
  importPreviewInput,
  importResult,
  importUploadInput,
} from './imports'
import { bibsMarkedPrinted, printJob, printJobInput, printPreview, printRequest } from './prints'
import {
  checkinBibGiven,
  checkinChangeShirtInput,
  checkinCheckInInput,
  checkinConfigureInput,
  checkinCorrectInput,
  checkinDone,
  checkinGiveBibInput,
  checkinMoved,
  checkinMoveRaceInput,
  checkinPrintBibInput,
  checkinSettings,
  checkinSettingsInput,
  checkinShirtChanged,
  checkinStats,
  checkinStatsInput,
  checkinStatus,
  checkinStatusInput,
  checkinUndoInput,
  checkinUndone,
  checkinWalkedUp,
  checkinWalkUpInput,
} from './checkin'
import {
  deskNetwork,
  desksListInput,
  desksNetworkInput,
  desksRevokeInput,
  desksSetNetworkInput,
  pairedDesk,
  sessionGetInput,
  sessionInfo,
  sessionLockInput,
  sessionUnlockInput,
} from './desks'
import {
  captureChange,
  clockDevicesInput,
  clockExchanged,
  clockExchangeInput,
  clockListInput,
  clockMeasured,
  clockMeasureInput,
  clockSetOffsetInput,
  deviceClock,
  clockSetInput,
  clockStartInput,
  passing,
  passingsInput,
  raceClock,
  readsImported,
  readsImportInput,
  readsPreview,
  readsPreviewInput,
  readsSummary,
  readsSummaryInput,
  syncExportInput,
  liveSyncStatus,
  syncConnectInput,
  syncImported,
  syncImportInput,
  syncPackage,
  syncStatusInput,
  timingAssignBibInput,
  timingBibAssigned,
  timingCaptured,
  timingCaptureInput,
  timingCorrected,
  timingCorrectInput,
  timingHistoryInput,
  timingList,
  timingListInput,
  timingPoints,
  timingPointsInput,
  timingSetPointsInput,
} from './timing'
import {
  resultOverride,
  resultProblem,
  resultsAwards,
  resultsAwardsInput,
  resultsBoard,
  resultsBoardInput,
  resultsCheckProblemInput,
  resultsExported,
  resultsExportInput,
  resultsHistoryInput,
  resultsList,
  resultsListInput,
  resultsOverrideInput,
  resultsProblems,
  resultsProblemsInput,
  resultsRaces,
  resultsRacesInput,
  resultsRunner,
  resultsRunnerInput,
} from './results'
import { race, racesCreateInput, racesDeleteInput, racesListInput, racesUpdateInput } from './races'

/** What a write touched: every screen showing that topic refreshes when it changes. */
export type Topic = 'event' | 'races' | 'entrants' | 'bibs' | 'checkin' | 'desks' | 'timing' | 'results' | 'backups' | 'audit'

interface CommandSpec {
  input: z.ZodType
  output: z.ZodType
  roles: readonly Role[]
  /** Topics a successful call changes; empty for reads. Writes run in a transaction and are audited. */
  changes: readonly Topic[]
}

const everyone = ['organiser', 'desk', 'finish', 'viewer'] as const
const organiser = ['organiser'] as const
/** Check-in desks: the organiser and desk sessions (a paired desk, or a machine locked in desk mode). */
const pickup = ['organiser', 'desk'] as const
/** The finish line: the organiser and finish sessions (a paired finish-line device). */
const finish = ['organiser', 'finish'] as const

// The one table of commands. Names and field names are a public interface: never rename.
export const commands = {
  'event.get': { input: eventGetInput, output: eventSettings, roles: everyone, changes: [] },
  'event.update': { input: eventUpdateInput, output: eventSettings, roles: organiser, changes: ['event'] },
  'event.logo': { input: eventGetInput, output: eventLogo, roles: everyone, changes: [] },
  'event.setLogo': { input: eventSetLogoInput, output: eventSettings, roles: organiser, changes: ['event'] },
  'races.list': { input: racesListInput, output: z.array(race), roles: everyone, changes: [] },
  'races.create': { input: racesCreateInput, output: race, roles: organiser, changes: ['races'] },
  'races.update': { input: racesUpdateInput, output: race, roles: organiser, changes: ['races'] },
  'races.delete': {
    input: racesDeleteInput,
    output: z.object({ id: z.int() }),
    roles: organiser,
    changes: ['races'],
  },
  'entrants.list': { input: entrantsListInput, output: entrantsPage, roles: everyone, changes: [] },
  'entrants.get': { input: entrantsGetInput, output: entrant, roles: everyone, changes: [] },
  'entrants.categories': { input: entrantsCategoriesInput, output: z.array(categoryCount), roles: everyone, changes: [] },
  'entrants.search': { input: entrantsSearchInput, output: z.object({ items: z.array(searchHit) }), roles: everyone, changes: [] },
  'entrants.create': { input: entrantsCreateInput, output: entrant, roles: organiser, changes: ['entrants'] },
  'entrants.update': { input: entrantsUpdateInput, output: entrant, roles: organiser, changes: ['entrants'] },
  'entrants.delete': { input: entrantsDeleteInput, output: z.object({ id: z.string() }), roles: organiser, changes: ['entrants'] },
  // A registration file arrives in chunks, is previewed (mapping, per-row problems) and then
  // committed whole; only the commit writes to the event.
  'imports.upload': { input: importUploadInput, output: z.object({ id: z.string(), bytes: z.int() }), roles: organiser, changes: [] },
  'imports.preview': { input: importPreviewInput, output: importPreview, roles: organiser, changes: [] },
  'imports.commit': { input: importCommitInput, output: importResult, roles: organiser, changes: ['entrants'] },
  'bibs.settings': { input: bibsSettingsInput, output: bibSettings, roles: everyone, changes: [] },
  'bibs.configure': { input: bibsConfigureInput, output: bibSettings, roles: organiser, changes: ['bibs'] },
  'bibs.exclude': { input: bibsExcludeInput, output: z.object({ excluded: z.array(z.int()) }), roles: organiser, changes: ['bibs'] },
  'bibs.plan': { input: bibsPlanInput, output: bibPlan, roles: organiser, changes: [] },
  'bibs.apply': { input: bibsPlanInput, output: bibsApplied, roles: organiser, changes: ['bibs', 'entrants'] },
  'bibs.assign': { input: bibsAssignInput, output: z.object({ entrantId: z.string(), bib: z.int().nullable() }), roles: organiser, changes: ['bibs', 'entrants'] },
  'bibs.swap': { input: bibsSwapInput, output: z.array(z.object({ entrantId: z.string(), bib: z.int().nullable() })), roles: organiser, changes: ['bibs', 'entrants'] },
  'bibs.void': { input: bibsVoidInput, output: z.object({ entrantId: z.string(), voided: z.int(), bib: z.int() }), roles: organiser, changes: ['bibs', 'entrants'] },
  'bibs.history': { input: bibsHistoryInput, output: z.array(bibEvent), roles: everyone, changes: [] },
  'chips.import': { input: chipsImportInput, output: chipsImported, roles: organiser, changes: ['bibs'] },
  // Documents are made by a print job in the background; its status says how far it is and, once
  // done, where to download it (browser) or `prints.open` shows it for printing (desktop).
  'prints.preview': { input: printRequest, output: printPreview, roles: organiser, changes: [] },
  'prints.start': { input: printRequest, output: printJob, roles: organiser, changes: [] },
  // A desk sees only the jobs it started itself (the walk-up's bib).
  'prints.status': { input: printJobInput, output: printJob, roles: pickup, changes: [] },
  'prints.cancel': { input: printJobInput, output: printJob, roles: pickup, changes: [] },
  'prints.open': { input: printJobInput, output: z.object({ jobId: z.string() }), roles: pickup, changes: [] },
  'bibs.markPrinted': { input: printJobInput, output: bibsMarkedPrinted, roles: pickup, changes: ['bibs', 'entrants'] },
  // Packet pickup. A check-in stands until undone (kept, never deleted); a second one needs a reason.
  'checkin.checkIn': { input: checkinCheckInInput, output: checkinDone, roles: pickup, changes: ['checkin', 'entrants'] },
  'checkin.undo': { input: checkinUndoInput, output: checkinUndone, roles: pickup, changes: ['checkin', 'entrants'] },
  'checkin.status': { input: checkinStatusInput, output: checkinStatus, roles: pickup, changes: [] },
  'checkin.stats': { input: checkinStatsInput, output: checkinStats, roles: pickup, changes: [] },
  'checkin.settings': { input: checkinSettingsInput, output: checkinSettings, roles: everyone, changes: [] },
  'checkin.configure': { input: checkinConfigureInput, output: checkinSettings, roles: organiser, changes: ['checkin'] },
  'checkin.changeShirt': { input: checkinChangeShirtInput, output: checkinShirtChanged, roles: pickup, changes: ['checkin', 'entrants'] },
  'checkin.moveRace': { input: checkinMoveRaceInput, output: checkinMoved, roles: pickup, changes: ['checkin', 'entrants', 'bibs'] },
  'checkin.correct': { input: checkinCorrectInput, output: entrant, roles: pickup, changes: ['entrants'] },
  'checkin.walkUp': { input: checkinWalkUpInput, output: checkinWalkedUp, roles: pickup, changes: ['checkin', 'entrants', 'bibs'] },
  'checkin.giveBib': { input: checkinGiveBibInput, output: checkinBibGiven, roles: pickup, changes: ['checkin', 'entrants', 'bibs'] },
  'checkin.printBib': { input: checkinPrintBibInput, output: printJob, roles: pickup, changes: [] },
  // Desks on the local network (paired with a code, revocable) and this screen's own session.
  'desks.list': { input: desksListInput, output: z.array(pairedDesk), roles: organiser, changes: [] },
  'desks.revoke': { input: desksRevokeInput, output: pairedDesk, roles: organiser, changes: ['desks'] },
  'desks.network': { input: desksNetworkInput, output: deskNetwork, roles: organiser, changes: [] },
  'desks.setNetwork': { input: desksSetNetworkInput, output: deskNetwork, roles: organiser, changes: ['desks'] },
  'session.get': { input: sessionGetInput, output: sessionInfo, roles: everyone, changes: [] },
  'session.lock': { input: sessionLockInput, output: sessionInfo, roles: organiser, changes: [] },
  'session.unlock': { input: sessionUnlockInput, output: sessionInfo, roles: everyone, changes: [] },
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
  // A finish laptop's live sync: it pairs with the office (its finish code) and sends its package every few seconds.
  'sync.connect': { input: syncConnectInput, output: liveSyncStatus, roles: finish, changes: [] },
  'sync.status': { input: syncStatusInput, output: liveSyncStatus, roles: finish, changes: [] },
  'sync.disconnect': { input: syncStatusInput, output: liveSyncStatus, roles: finish, changes: [] },
  // Results are derived from the timing and the officials' decisions; the reads are for every screen (the board, the kiosk).
  'results.races': { input: resultsRacesInput, output: resultsRaces, roles: everyone, changes: [] },
  'results.list': { input: resultsListInput, output: resultsList, roles: everyone, changes: [] },
  'results.runner': { input: resultsRunnerInput, output: resultsRunner, roles: everyone, changes: [] },
  'results.board': { input: resultsBoardInput, output: resultsBoard, roles: everyone, changes: [] },
  'results.awards': { input: resultsAwardsInput, output: resultsAwards, roles: everyone, changes: [] },
  'results.problems': { input: resultsProblemsInput, output: resultsProblems, roles: everyone, changes: [] },
  'results.history': { input: resultsHistoryInput, output: z.array(resultOverride), roles: everyone, changes: [] },
  'results.override': { input: resultsOverrideInput, output: resultOverride, roles: organiser, changes: ['results'] },
  'results.checkProblem': { input: resultsCheckProblemInput, output: resultProblem, roles: organiser, changes: ['results'] },
  'results.export': { input: resultsExportInput, output: resultsExported, roles: organiser, changes: [] },
  'audit.list': { input: auditListInput, output: auditList, roles: organiser, changes: [] },
  'audit.undo': { input: auditUndoInput, output: auditUndone, roles: organiser, changes: ['entrants', 'checkin', 'bibs', 'audit'] },
  'backups.status': { input: backupsStatusInput, output: backupStatus, roles: organiser, changes: [] },
  'backups.list': { input: backupsListInput, output: z.array(backupEntry), roles: organiser, changes: [] },
  'backups.verify': { input: backupsVerifyInput, output: backupVerified, roles: organiser, changes: [] },
  'backups.restore': { input: backupsRestoreInput, output: backupRestored, roles: organiser, changes: [] },
  'backups.setSecondFolder': { input: backupsSetSecondFolderInput, output: backupStatus, roles: organiser, changes: ['backups'] },
  'imports.discard': { input: importDiscardInput, output: z.object({ id: z.string() }), roles: organiser, changes: [] },
} as const satisfies Record<string, CommandSpec>

export type Commands = typeof commands
export type CommandName = keyof Commands
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>

export const commandNames = Object.keys(commands) as CommandName[]

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name)
}

export function isWrite(name: CommandName): boolean {
  return commands[name].changes.length > 0
}

/** A change event, sent to every open screen after a write commits. */
export interface ChangeEvent {
  topics: Topic[]
  command: CommandName
  atMs: number
  desk: string
}
