import type { CommandName, CommandOutput, ParsedInput, Session } from '../../src-shared/contract'
import type { Db } from '../db/open'
import { getEvent, updateEvent } from '../event/service'
import { createRace, deleteRace, listRaces, updateRace } from '../races/service'

export interface HandlerContext {
  /** Inside a transaction for writes. */
  db: Db
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
  'races.list': ({ db }) => listRaces(db),
  'races.create': ({ db, nowMs }, input) => createRace(db, input, nowMs),
  'races.update': ({ db, nowMs }, input) => updateRace(db, input, nowMs),
  'races.delete': ({ db }, input) => deleteRace(db, input),
}
