import type { timingCommands } from '../../src-shared/contract/timing'
import type { DomainParts } from '../commands/parts'
import { assignBib, captureHistory, captureTime, listCaptures } from './captures'
import { listClocks, setClock, startClock } from './clock'
import { correctCapture, giveBibToTime } from './corrections'
import { answerExchange, listDeviceClocks, measureClock, setClockOffset } from './device-clocks'
import { setTimingPoints, timingPoints } from './points'
import { suggestBibs } from './bib-suggestions'
import { linkSettings, takeReads } from './decoder-take'
import { importReads, listPassings, previewReads, readsSummary } from './reads'
import { exportSync, importSync } from './sync'
import { pairWithOffice } from './sync-push'

// Finish-line times are kept, never undone: each has its own corrections, themselves audited.
// A capture, a bib typed in finish order and a clock measurement are brought into the results
// by their marks (what was written since), so they name no facts to read again.
export const timingParts: DomainParts<typeof timingCommands> = {
  'timing.capture': { write: ({ tx, sqlite, session, nowMs }, input) => captureTime(tx, sqlite, input, session, nowMs), facts: [], about: null, undo: null },
  'timing.assignBib': {
    write: ({ tx, session, nowMs }, input) =>
      input.captureId !== undefined ? giveBibToTime(tx, input.captureId, input.bib, session, nowMs) : assignBib(tx, input, session, nowMs),
    facts: [],
    about: null,
    undo: null,
  },
  'timing.correct': { write: ({ tx, session, nowMs }, input) => correctCapture(tx, input, session, nowMs), facts: ['captures'], about: null, undo: null },
  'timing.list': { read: ({ db }, input) => listCaptures(db, input) },
  'timing.history': { read: ({ db }, input) => captureHistory(db, input.captureId) },
  'timing.points': { read: ({ db }) => timingPoints(db) },
  'timing.setPoints': { write: ({ tx }, input) => setTimingPoints(tx, input), facts: ['runners', 'passings'], about: null, undo: null },
  'clock.list': { read: ({ db }) => listClocks(db) },
  'clock.start': { write: ({ tx, sqlite, session, nowMs }, input) => startClock(tx, sqlite, input, session, nowMs), facts: ['guns'], about: null, undo: null },
  'clock.set': { write: ({ tx, session, nowMs }, input) => setClock(tx, input, session, nowMs), facts: ['guns'], about: null, undo: null },
  'clock.exchange': { read: async ({ nowMs }, input) => answerExchange(input, nowMs) },
  'clock.measure': { write: ({ tx, session, nowMs }, input) => measureClock(tx, input, session, nowMs), facts: [], about: null, undo: null },
  'clock.devices': { read: ({ db }) => listDeviceClocks(db) },
  'clock.setOffset': { write: ({ tx, session, nowMs }, input) => setClockOffset(tx, input, session, nowMs), facts: [], about: null, undo: null },
  'reads.preview': { read: ({ imports }, input) => previewReads(imports, input) },
  'reads.import': { write: ({ tx, sqlite, imports }, input) => importReads(tx, sqlite, imports, input), facts: ['passings'], about: null, undo: null },
  'reads.summary': { read: ({ db }) => readsSummary(db) },
  'reads.passings': { read: ({ db }, input) => listPassings(db, input) },
  'sync.export': { read: ({ db, nowMs }) => exportSync(db, nowMs) },
  'sync.import': {
    write: ({ tx, sqlite, session, nowMs }, input) => importSync(tx, sqlite, input.package, session, nowMs),
    facts: ['captures', 'guns'],
    about: null,
    undo: null,
  },
  'sync.connect': {
    read: async ({ liveSync }, input) => {
      const origin = new URL(input.office).origin
      return liveSync.connect(origin, await pairWithOffice(origin, input.code, input.desk, input.person), input.everySeconds * 1000)
    },
  },
  'sync.status': { read: async ({ liveSync }) => liveSync.status() },
  'sync.disconnect': { read: async ({ liveSync }) => liveSync.disconnect() },
  'timing.nearMiss': {
    read: async ({ results, db, nowMs }, input) => ({ candidates: await suggestBibs(results.current(), db, input.typed, input.point, input.atMs ?? nowMs) }),
  },
  'decoder.connect': { read: async ({ db, decoders }, input) => decoders.connect(await linkSettings(db, input)) },
  'decoder.status': { read: async ({ decoders }) => decoders.status() },
  'decoder.disconnect': { read: ({ decoders }, input) => decoders.disconnect(input.id) },
  'decoder.take': { write: ({ sqlite, decoders }, input) => takeReads(sqlite, decoders.get(input.id)), facts: ['passings'], about: null, undo: null },
}
