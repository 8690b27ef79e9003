import type { bibsCommands } from '../../src-shared/contract/bibs'
import type { DomainParts } from '../commands/parts'
import { importChips } from './chips'
import { applyBibs, assignBib, bibHistory, bibSettings, configureBibs, excludeBibs, previewBibs, swapBibs, voidBib } from './service'

// Numbering a whole race, a swap and a void are undone by numbering again, not from the Audit view.
export const bibsParts: DomainParts<typeof bibsCommands> = {
  'bibs.settings': { read: ({ db }, input) => bibSettings(db, input.raceId) },
  'bibs.configure': { write: ({ tx }, input) => configureBibs(tx, input), facts: [], about: null, undo: null },
  'bibs.exclude': { write: ({ tx }, input) => excludeBibs(tx, input), facts: [], about: null, undo: null },
  'bibs.plan': { read: ({ db }, input) => previewBibs(db, input) },
  'bibs.apply': { write: ({ tx, session, nowMs }, input) => applyBibs(tx, input, session, nowMs), facts: ['runners'], about: null, undo: null },
  'bibs.assign': {
    write: ({ tx, session, nowMs }, input) => assignBib(tx, input, session, nowMs),
    facts: ['runners'],
    about: { asked: (input) => input.entrantId },
    undo: (tx, { entrantId, before }, session, nowMs) => assignBib(tx, { entrantId, bib: before?.bib ?? null, reason: 'manual' }, session, nowMs),
  },
  'bibs.swap': { write: ({ tx, session, nowMs }, input) => swapBibs(tx, input, session, nowMs), facts: ['runners'], about: null, undo: null },
  'bibs.void': {
    write: ({ tx, session, nowMs }, input) => voidBib(tx, input, session, nowMs),
    facts: ['runners'],
    about: { asked: (input) => input.entrantId },
    undo: null,
  },
  'bibs.history': { read: ({ db }, input) => bibHistory(db, input) },
  'chips.import': { write: ({ tx, imports, nowMs }, input) => importChips(tx, imports, input, nowMs), facts: ['passings'], about: null, undo: null },
}
