import type { auditCommands } from '../../src-shared/contract/audit'
import type { DomainParts } from '../commands/parts'
import { listAudit } from './trail'
import { runnerOfChange, undoChange, type UndoOf } from './undo'

/** The audit's commands undo the others': they are told each write's undo rather than importing every domain. */
export function auditParts(undoOf: UndoOf): DomainParts<typeof auditCommands> {
  return {
    'audit.list': { read: ({ db }, input) => listAudit(db, input, undoOf) },
    'audit.undo': {
      write: ({ tx, session, nowMs }, input) => undoChange(tx, input, session, nowMs, undoOf),
      facts: ['runners'],
      about: { asked: (input, tx) => runnerOfChange(tx, input.id) },
      undo: null,
    },
  }
}
