import type { CommandName } from '../../src-shared/contract'
import { auditParts } from '../audit/commands'
import type { UndoOf } from '../audit/undo'
import { backupsParts } from '../backup/commands'
import { bibsParts } from '../bibs/commands'
import { checkinParts } from '../checkin/commands'
import { desksParts } from '../desks/commands'
import { entrantsParts } from '../entrants/commands'
import { eventParts } from '../event/commands'
import { importsParts } from '../import/commands'
import { printsParts } from '../print/commands'
import { racesParts } from '../races/commands'
import { everyFactGroup, type FactGroup } from '../results/load'
import { resultsParts } from '../results/commands'
import { timingParts } from '../timing/commands'
import { manualTimingParts } from '../timing/manual-commands'
import type { AnyPart, AnyWritePart, CommandParts } from './parts'

const domainParts = {
  ...eventParts,
  ...racesParts,
  ...entrantsParts,
  ...importsParts,
  ...bibsParts,
  ...printsParts,
  ...checkinParts,
  ...desksParts,
  ...timingParts,
  ...manualTimingParts,
  ...resultsParts,
  ...backupsParts,
}

function writePart(parts: Record<string, AnyPart>, command: string): AnyWritePart | null {
  const part = Object.hasOwn(parts, command) ? parts[command] : undefined
  return part !== undefined && 'write' in part ? part : null
}

const undoOf: UndoOf = (command) => writePart(domainParts as Record<string, AnyPart>, command)?.undo ?? null

/** Every command's main-process parts; the compiler checks that none is missing. */
export const commandParts: CommandParts = { ...domainParts, ...auditParts(undoOf) }

/** Look-ups by name, for the router (after the contract has checked the name). */
export const partOf = (command: CommandName): AnyPart => commandParts[command] as AnyPart

/**
 * What a write recorded in the audit changed of the results' facts. A command this version does
 * not know (written by another version of the app) may have changed anything: everything is read again.
 */
export function factsChangedBy(command: string): readonly FactGroup[] {
  return writePart(commandParts as Record<string, AnyPart>, command)?.facts ?? everyFactGroup
}
