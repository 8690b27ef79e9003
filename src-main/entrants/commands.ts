import type { entrantsCommands } from '../../src-shared/contract/entrants'
import type { DomainParts } from '../commands/parts'
import { participantsCsv } from './participants'
import { searchEntrants } from './search'
import { createEntrant, deleteEntrant, getEntrant, listCategories, listEntrants, restoreEntrant, updateEntrant } from './service'

export const entrantsParts: DomainParts<typeof entrantsCommands> = {
  'entrants.list': { read: ({ db }, input) => listEntrants(db, input) },
  'entrants.export': { read: ({ db }, input) => participantsCsv(db, input) },
  'entrants.get': { read: ({ db }, input) => getEntrant(db, input.id) },
  'entrants.categories': { read: ({ db }, input) => listCategories(db, input) },
  'entrants.search': { read: ({ db, session }, input) => searchEntrants(db, input, session.desk) },
  'entrants.create': {
    write: ({ tx, nowMs }, input) => createEntrant(tx, input, nowMs),
    facts: ['runners'],
    about: { made: (entrant) => entrant.id },
    undo: (tx, { entrantId }) => deleteEntrant(tx, { id: entrantId }),
  },
  'entrants.update': {
    write: ({ tx, nowMs }, input) => updateEntrant(tx, input, nowMs),
    facts: ['runners'],
    about: { asked: (input) => input.id },
    undo: (tx, { before }, _session, nowMs) => restoreEntrant(tx, before, nowMs),
  },
  // A deleted runner's official decisions go with them.
  'entrants.delete': { write: ({ tx }, input) => deleteEntrant(tx, input), facts: ['runners', 'overrides'], about: { asked: (input) => input.id }, undo: null },
}
