import type { eventCommands } from '../../src-shared/contract/event'
import type { DomainParts } from '../commands/parts'
import { getEvent, getLogo, setLogo, updateEvent } from './service'

export const eventParts: DomainParts<typeof eventCommands> = {
  'event.get': { read: ({ db }) => getEvent(db) },
  // The event's time zone places every time of day read from a chip file.
  'event.update': { write: ({ tx, nowMs }, input) => updateEvent(tx, input, nowMs), facts: ['runners', 'passings'], about: null, undo: null },
  'event.logo': { read: ({ db }) => getLogo(db) },
  'event.setLogo': { write: ({ tx, nowMs }, input) => setLogo(tx, input.imageBase64, nowMs), facts: [], about: null, undo: null },
}
