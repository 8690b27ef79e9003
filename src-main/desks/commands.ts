import type { desksCommands } from '../../src-shared/contract/desks'
import type { DomainParts } from '../commands/parts'
import { isLocked, lockSession, unlockSession } from './lock'
import { listDesks, revokeDesk } from './service'

// Desks on the local network, and this screen's own session (its lock is in memory, not the file).
export const desksParts: DomainParts<typeof desksCommands> = {
  'desks.list': { read: ({ db }) => listDesks(db) },
  'desks.revoke': { write: ({ tx, directory, nowMs }, input) => revokeDesk(tx, directory, input.id, nowMs), facts: [], about: null, undo: null },
  'desks.network': { read: async ({ network }) => network.status() },
  'desks.setNetwork': { write: ({ network }, input) => network.turn(input.on, input.approveNew), facts: [], about: null, undo: null },
  'desks.approve': { write: async ({ network }, input) => network.decide(input.id, true), facts: [], about: null, undo: null },
  'desks.refuse': { write: async ({ network }, input) => network.decide(input.id, false), facts: [], about: null, undo: null },
  'session.get': { read: async ({ session, caller }) => ({ role: session.role, actor: session.actor, desk: session.desk, locked: isLocked(caller) }) },
  'session.lock': {
    read: async ({ caller }, input) => {
      lockSession(caller, input.pin)
      return { role: 'desk' as const, actor: caller.actor, desk: caller.desk, locked: true }
    },
  },
  'session.unlock': {
    read: async ({ caller, nowMs }, input) => {
      unlockSession(caller, input.pin, nowMs)
      return { role: caller.role, actor: caller.actor, desk: caller.desk, locked: false }
    },
  },
}
