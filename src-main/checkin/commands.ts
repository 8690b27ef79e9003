import type { checkinCommands } from '../../src-shared/contract/checkin'
import type { DomainParts } from '../commands/parts'
import { deleteEntrant, restoreEntrant } from '../entrants/service'
import { changeShirt, correctEntrant, giveBib, moveRace, printOneBib, walkUp } from './desk-changes'
import { checkIn, checkinStats, checkinStatus, undoCheckin } from './service'
import { checkinSettings, configureCheckin } from './settings'

// What a desk changes at pickup is about the runner at hand; a check-in, a correction and a
// walk-up can be taken back from the Audit view, the rest at the desk itself.
export const checkinParts: DomainParts<typeof checkinCommands> = {
  'checkin.checkIn': {
    write: ({ tx, session, nowMs }, input) => checkIn(tx, input, session, nowMs),
    facts: [],
    about: { asked: (input) => input.entrantId },
    undo: (tx, { output }, session, nowMs) => undoCheckin(tx, { checkinId: output.checkinId }, session, nowMs),
  },
  'checkin.undo': {
    write: ({ tx, session, nowMs }, input) => undoCheckin(tx, input, session, nowMs),
    facts: [],
    about: { made: (undone) => undone.entrantId },
    undo: null,
  },
  'checkin.status': { read: ({ db }, input) => checkinStatus(db, input.entrantId) },
  'checkin.stats': { read: ({ db, session, nowMs }) => checkinStats(db, session, nowMs) },
  'checkin.settings': { read: ({ db }) => checkinSettings(db) },
  'checkin.configure': { write: ({ tx }, input) => configureCheckin(tx, input), facts: [], about: null, undo: null },
  'checkin.changeShirt': {
    write: ({ tx, nowMs }, input) => changeShirt(tx, input, nowMs),
    facts: [],
    about: { asked: (input) => input.entrantId },
    undo: null,
  },
  'checkin.moveRace': {
    write: ({ tx, session, nowMs }, input) => moveRace(tx, input, session, nowMs),
    facts: ['runners'],
    about: { asked: (input) => input.entrantId },
    undo: null,
  },
  'checkin.correct': {
    write: ({ tx, nowMs }, input) => correctEntrant(tx, input, nowMs),
    facts: ['runners'],
    about: { asked: (input) => input.entrantId },
    undo: (tx, { before }, _session, nowMs) => restoreEntrant(tx, before, nowMs),
  },
  'checkin.walkUp': {
    write: ({ tx, session, nowMs }, input) => walkUp(tx, input, session, nowMs),
    facts: ['runners'],
    about: { made: (walkedUp) => walkedUp.entrantId },
    undo: (tx, { entrantId }) => deleteEntrant(tx, { id: entrantId }),
  },
  'checkin.giveBib': {
    write: ({ tx, session, nowMs }, input) => giveBib(tx, input, session, nowMs),
    facts: ['runners'],
    about: { asked: (input) => input.entrantId },
    undo: null,
  },
  'checkin.printBib': { read: ({ db, prints, session }, input) => printOneBib(db, prints, input, session) },
}
