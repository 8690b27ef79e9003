import { listAudit } from '../audit/trail'
import { undoChange } from '../audit/undo'
import { backupsStatus, listBackups, restoreBackup, setSecondFolder, verifyBackup } from '../backup/service'
import type { BackupSchedule } from '../backup/schedule'
import type { CommandName, CommandOutput, ParsedInput, Session } from '../../src-shared/contract'
import type SqliteDatabase from 'better-sqlite3'
import type { Db } from '../db/schema'
import { applyBibs, assignBib, bibHistory, bibSettings, configureBibs, excludeBibs, previewBibs, swapBibs, voidBib } from '../bibs/service'
import { importChips } from '../bibs/chips'
import { commitImport, previewImport, uploadChunk } from '../import/service'
import type { ImportSessions } from '../import/sessions'
import { changeShirt, correctEntrant, giveBib, moveRace, printOneBib, walkUp } from '../checkin/desk-changes'
import { checkIn, checkinStats, checkinStatus, undoCheckin } from '../checkin/service'
import { checkinSettings, configureCheckin } from '../checkin/settings'
import type { DeskDirectory } from '../desks/directory'
import { isLocked, lockSession, unlockSession } from '../desks/lock'
import type { DeskNetwork } from '../desks/network'
import { listDesks, revokeDesk } from '../desks/service'
import { getEvent, getLogo, setLogo, updateEvent } from '../event/service'
import type { PrintJobs } from '../print/jobs'
import { markPrinted, previewPrint, startPrint } from '../print/service'
import { createEntrant, deleteEntrant, getEntrant, listCategories, listEntrants, updateEntrant } from '../entrants/service'
import { searchEntrants } from '../entrants/search'
import { createRace, deleteRace, listRaces, updateRace } from '../races/service'
import { assignBib as assignFinishBib, captureHistory, captureTime, listCaptures } from '../timing/captures'
import { listClocks, setClock, startClock } from '../timing/clock'
import { answerExchange, listDeviceClocks, measureClock, setClockOffset } from '../timing/device-clocks'
import { correctCapture, giveBibToTime } from '../timing/corrections'
import { setTimingPoints, timingPoints } from '../timing/points'
import { importReads, listPassings, previewReads, readsSummary } from '../timing/reads'
import { exportSync, importSync } from '../timing/sync'
import { pairWithOffice, type LiveSync } from '../timing/sync-push'
import type { ResultsEngine } from '../results/engine'
import { exportResults } from '../results/exports'
import {
  checkProblem,
  listResults,
  overrideHistory,
  overrideResult,
  resultsAwards,
  resultsBoard,
  resultsProblems,
  resultsRaces,
  runnerResult,
} from '../results/service'

export interface HandlerContext {
  /** Inside a transaction for writes. */
  db: Db
  /** The same connection, for prepared statements in hot loops; only inside a write's transaction. */
  sqlite: SqliteDatabase.Database
  imports: ImportSessions
  prints: PrintJobs
  directory: DeskDirectory
  network: DeskNetwork
  /** A finish laptop's live sync to the office. */
  liveSync: LiveSync
  /** The event's results, kept current from what is written. */
  results: ResultsEngine
  backups: BackupSchedule | null
  openEvent: ((path: string) => Promise<void>) | null
  /** Who the call acts as (a locked organiser screen acts as a desk). */
  session: Session
  /** The session as signed in, for the lock itself. */
  caller: Session
  nowMs: number
}

export type Handlers = {
  [K in CommandName]: (ctx: HandlerContext, input: ParsedInput<K>) => Promise<CommandOutput<K>>
}

// Every command's service call, in one place; the compiler checks that none is missing.
export const handlers: Handlers = {
  'event.get': ({ db }) => getEvent(db),
  'event.update': ({ db, nowMs }, input) => updateEvent(db, input, nowMs),
  'event.logo': ({ db }) => getLogo(db),
  'event.setLogo': ({ db, nowMs }, input) => setLogo(db, input.imageBase64, nowMs),
  'races.list': ({ db }) => listRaces(db),
  'races.create': ({ db, nowMs }, input) => createRace(db, input, nowMs),
  'races.update': ({ db, nowMs }, input) => updateRace(db, input, nowMs),
  'races.delete': ({ db }, input) => deleteRace(db, input),
  'entrants.list': ({ db }, input) => listEntrants(db, input),
  'entrants.get': ({ db }, input) => getEntrant(db, input.id),
  'entrants.categories': ({ db }, input) => listCategories(db, input),
  'entrants.search': ({ db, session }, input) => searchEntrants(db, input, session.desk),
  'entrants.create': ({ db, nowMs }, input) => createEntrant(db, input, nowMs),
  'entrants.update': ({ db, nowMs }, input) => updateEntrant(db, input, nowMs),
  'entrants.delete': ({ db }, input) => deleteEntrant(db, input),
  'imports.upload': async ({ imports }, input) => uploadChunk(imports, input),
  'imports.preview': ({ db, imports }, input) => previewImport(db, imports, input),
  'imports.commit': ({ db, sqlite, imports, nowMs }, input) => commitImport(db, sqlite, imports, input, nowMs),
  'bibs.settings': ({ db }, input) => bibSettings(db, input.raceId),
  'bibs.configure': ({ db }, input) => configureBibs(db, input),
  'bibs.exclude': ({ db }, input) => excludeBibs(db, input),
  'bibs.plan': ({ db }, input) => previewBibs(db, input),
  'bibs.apply': ({ db, session, nowMs }, input) => applyBibs(db, input, session, nowMs),
  'bibs.assign': ({ db, session, nowMs }, input) => assignBib(db, input, session, nowMs),
  'bibs.swap': ({ db, session, nowMs }, input) => swapBibs(db, input, session, nowMs),
  'bibs.void': ({ db, session, nowMs }, input) => voidBib(db, input, session, nowMs),
  'bibs.history': ({ db }, input) => bibHistory(db, input),
  'chips.import': ({ db, imports, nowMs }, input) => importChips(db, imports, input, nowMs),
  'prints.preview': ({ db, results }, input) => previewPrint(db, results, input),
  'prints.start': ({ db, results, prints, session }, input) => startPrint(db, results, prints, input, session),
  'prints.status': async ({ prints, session }, input) => prints.status(prints.ownJob(input.jobId, session)),
  'prints.cancel': async ({ prints, session }, input) => prints.cancel(prints.ownJob(input.jobId, session)),
  'prints.open': async ({ prints, session }, input) => {
    await prints.open(prints.ownJob(input.jobId, session))
    return { jobId: input.jobId }
  },
  'bibs.markPrinted': async ({ sqlite, prints, session, nowMs }, input) => markPrinted(sqlite, prints, prints.ownJob(input.jobId, session), nowMs),
  'checkin.checkIn': ({ db, session, nowMs }, input) => checkIn(db, input, session, nowMs),
  'checkin.undo': ({ db, session, nowMs }, input) => undoCheckin(db, input, session, nowMs),
  'checkin.status': ({ db }, input) => checkinStatus(db, input.entrantId),
  'checkin.stats': ({ db, session, nowMs }) => checkinStats(db, session, nowMs),
  'checkin.settings': ({ db }) => checkinSettings(db),
  'checkin.configure': ({ db }, input) => configureCheckin(db, input),
  'checkin.changeShirt': ({ db, nowMs }, input) => changeShirt(db, input, nowMs),
  'checkin.moveRace': ({ db, session, nowMs }, input) => moveRace(db, input, session, nowMs),
  'checkin.correct': ({ db, nowMs }, input) => correctEntrant(db, input, nowMs),
  'checkin.walkUp': ({ db, session, nowMs }, input) => walkUp(db, input, session, nowMs),
  'checkin.giveBib': ({ db, session, nowMs }, input) => giveBib(db, input, session, nowMs),
  'checkin.printBib': ({ db, prints, session }, input) => printOneBib(db, prints, input, session),
  'audit.list': ({ db }, input) => listAudit(db, input),
  'audit.undo': ({ db, session, nowMs }, input) => undoChange(db, input, session, nowMs),
  'backups.status': async ({ backups }) => backupsStatus(backups),
  'backups.list': async ({ backups }) => listBackups(backups),
  'backups.verify': async ({ backups }, input) => verifyBackup(backups, input.name, input.folder),
  'backups.restore': ({ backups, openEvent }, input) => restoreBackup(backups, input, openEvent),
  'backups.setSecondFolder': ({ db, backups, nowMs }, input) => setSecondFolder(db, backups, input.folder, nowMs),
  'desks.list': ({ db }) => listDesks(db),
  'desks.revoke': ({ db, directory, nowMs }, input) => revokeDesk(db, directory, input.id, nowMs),
  'desks.network': async ({ network }) => network.status(),
  'desks.setNetwork': ({ network }, input) => network.turn(input.on),
  'session.get': async ({ session, caller }) => ({ role: session.role, actor: session.actor, desk: session.desk, locked: isLocked(caller) }),
  'session.lock': async ({ caller }, input) => {
    lockSession(caller, input.pin)
    return { role: 'desk' as const, actor: caller.actor, desk: caller.desk, locked: true }
  },
  'session.unlock': async ({ caller, nowMs }, input) => {
    unlockSession(caller, input.pin, nowMs)
    return { role: caller.role, actor: caller.actor, desk: caller.desk, locked: false }
  },
  'timing.capture': ({ db, sqlite, session, nowMs }, input) => captureTime(db, sqlite, input, session, nowMs),
  'timing.assignBib': ({ db, session, nowMs }, input) =>
    input.captureId !== undefined ? giveBibToTime(db, input.captureId, input.bib, session, nowMs) : assignFinishBib(db, input, session, nowMs),
  'timing.correct': ({ db, session, nowMs }, input) => correctCapture(db, input, session, nowMs),
  'timing.list': ({ db }, input) => listCaptures(db, input),
  'timing.history': ({ db }, input) => captureHistory(db, input.captureId),
  'timing.points': ({ db }) => timingPoints(db),
  'timing.setPoints': ({ db }, input) => setTimingPoints(db, input),
  'clock.list': ({ db }) => listClocks(db),
  'clock.start': ({ db, sqlite, session, nowMs }, input) => startClock(db, sqlite, input, session, nowMs),
  'clock.set': ({ db, session, nowMs }, input) => setClock(db, input, session, nowMs),
  'clock.exchange': async ({ nowMs }, input) => answerExchange(input, nowMs),
  'clock.measure': ({ db, session, nowMs }, input) => measureClock(db, input, session, nowMs),
  'clock.devices': ({ db }) => listDeviceClocks(db),
  'clock.setOffset': ({ db, session, nowMs }, input) => setClockOffset(db, input, session, nowMs),
  'reads.preview': ({ imports }, input) => previewReads(imports, input),
  'reads.import': ({ db, sqlite, imports }, input) => importReads(db, sqlite, imports, input),
  'reads.summary': ({ db }) => readsSummary(db),
  'reads.passings': ({ db }, input) => listPassings(db, input),
  'sync.export': ({ db, nowMs }) => exportSync(db, nowMs),
  'sync.import': ({ db, sqlite, session, nowMs }, input) => importSync(db, sqlite, input.package, session, nowMs),
  'sync.connect': async ({ liveSync }, input) => {
    const origin = new URL(input.office).origin
    return liveSync.connect(origin, await pairWithOffice(origin, input.code, input.desk, input.person), input.everySeconds * 1000)
  },
  'sync.status': async ({ liveSync }) => liveSync.status(),
  'sync.disconnect': async ({ liveSync }) => liveSync.disconnect(),
  'results.races': async ({ results }) => resultsRaces(results),
  'results.list': async ({ results }, input) => listResults(results, input),
  'results.runner': async ({ results }, input) => runnerResult(results, input.bib),
  'results.board': async ({ results }, input) => resultsBoard(results, input),
  'results.awards': async ({ results }, input) => resultsAwards(results, input.raceId),
  'results.problems': async ({ results }) => resultsProblems(results),
  'results.history': ({ db }, input) => overrideHistory(db, input.entrantId),
  'results.override': ({ db, session, nowMs }, input) => overrideResult(db, input, session, nowMs),
  'results.checkProblem': ({ db, results, session, nowMs }, input) => checkProblem(db, results, input, session, nowMs),
  'results.export': async ({ results }, input) => exportResults(results, input),
  'imports.discard': async ({ imports }, input) => {
    imports.discard(input.id)
    return { id: input.id }
  },
}
