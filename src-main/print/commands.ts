import type { printsCommands } from '../../src-shared/contract/prints'
import type { DomainParts } from '../commands/parts'
import { markPrinted, previewPrint, startPrint } from './service'

export const printsParts: DomainParts<typeof printsCommands> = {
  'prints.preview': { read: ({ db, results }, input) => previewPrint(db, results, input) },
  'prints.start': { read: ({ db, results, prints, session }, input) => startPrint(db, results, prints, input, session) },
  'prints.status': { read: async ({ prints, session }, input) => prints.status(prints.ownJob(input.jobId, session)) },
  'prints.cancel': { read: async ({ prints, session }, input) => prints.cancel(prints.ownJob(input.jobId, session)) },
  'prints.open': {
    read: async ({ prints, session }, input) => {
      await prints.open(prints.ownJob(input.jobId, session))
      return { jobId: input.jobId }
    },
  },
  'bibs.markPrinted': {
    write: async ({ sqlite, prints, session, nowMs }, input) => markPrinted(sqlite, prints, prints.ownJob(input.jobId, session), nowMs),
    facts: [],
    about: null,
    undo: null,
  },
}
