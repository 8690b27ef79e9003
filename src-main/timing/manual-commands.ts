import type { manualTimingCommands } from '../../src-shared/contract/manual-timing'
import type { DomainParts } from '../commands/parts'
import { applyCrossCheck, crossCheck } from './cross-check'
import { importTimes, previewTimes } from './timer-files'
import { typeTime } from './typed-times'

// Times from a tape, a sheet or a timer file are captures like any other (source `typed`): kept,
// corrected by timing.correct, never undone; a backup timer's are kept for the cross-check only.
export const manualTimingParts: DomainParts<typeof manualTimingCommands> = {
  'timing.typeTime': { write: ({ tx, session, nowMs }, input) => typeTime(tx, input, session, nowMs), facts: [], about: null, undo: null },
  'times.preview': { read: ({ db, imports }, input) => previewTimes(db, imports, input) },
  'times.import': { write: ({ tx, imports, session, nowMs }, input) => importTimes(tx, imports, input, session, nowMs), facts: [], about: null, undo: null },
  'timing.crossCheck': {
    read: async ({ db }, input) => {
      const { offsets: _offsets, ...checked } = await crossCheck(db, input)
      return checked
    },
  },
  'timing.applyCrossCheck': {
    write: ({ tx, session, nowMs }, input) => applyCrossCheck(tx, input, session, nowMs),
    facts: ['captures'],
    about: null,
    undo: null,
  },
}
