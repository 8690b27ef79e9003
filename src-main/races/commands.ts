import type { racesCommands } from '../../src-shared/contract/races'
import type { DomainParts } from '../commands/parts'
import { createRace, deleteRace, listRaces, updateRace } from './service'

export const racesParts: DomainParts<typeof racesCommands> = {
  'races.list': { read: ({ db }) => listRaces(db) },
  'races.create': { write: ({ tx, nowMs }, input) => createRace(tx, input, nowMs), facts: ['runners'], about: null, undo: null },
  'races.update': { write: ({ tx, nowMs }, input) => updateRace(tx, input, nowMs), facts: ['runners'], about: null, undo: null },
  'races.delete': { write: ({ tx }, input) => deleteRace(tx, input), facts: ['runners'], about: null, undo: null },
}
