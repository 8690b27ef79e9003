import type { CommandName, CommandOutput, ParsedInput, Session } from '../../src-shared/contract'
import type SqliteDatabase from 'better-sqlite3'
import type { Db } from '../db/open'
import { applyBibs, assignBib, bibHistory, bibSettings, configureBibs, excludeBibs, previewBibs, swapBibs, voidBib } from '../bibs/service'
import { importChips } from '../bibs/chips'
import { commitImport, previewImport, uploadChunk } from '../import/service'
import type { ImportSessions } from '../import/sessions'
import { getEvent, getLogo, setLogo, updateEvent } from '../event/service'
import type { PrintJobs } from '../print/jobs'
import { markPrinted, previewPrint, startPrint } from '../print/service'
import { createEntrant, deleteEntrant, getEntrant, listCategories, listEntrants, updateEntrant } from '../entrants/service'
import { searchEntrants } from '../entrants/search'
import { createRace, deleteRace, listRaces, updateRace } from '../races/service'

export interface HandlerContext {
  /** Inside a transaction for writes. */
  db: Db
  /** The same connection, for prepared statements in hot loops; only inside a write's transaction. */
  sqlite: SqliteDatabase.Database
  imports: ImportSessions
  prints: PrintJobs
  session: Session
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
  'entrants.search': ({ db }, input) => searchEntrants(db, input),
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
  'prints.preview': ({ db }, input) => previewPrint(db, input),
  'prints.start': ({ db, prints, session }, input) => startPrint(db, prints, input, session),
  'prints.status': async ({ prints }, input) => prints.status(input.jobId),
  'prints.cancel': async ({ prints }, input) => prints.cancel(input.jobId),
  'prints.open': async ({ prints }, input) => {
    await prints.open(input.jobId)
    return { jobId: input.jobId }
  },
  'bibs.markPrinted': async ({ sqlite, prints, nowMs }, input) => markPrinted(sqlite, prints, input.jobId, nowMs),
  'imports.discard': async ({ imports }, input) => {
    imports.discard(input.id)
    return { id: input.id }
  },
}
