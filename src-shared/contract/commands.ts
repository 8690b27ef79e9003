import type { z } from 'zod'
import { eventCommands } from './event'
import { racesCommands } from './races'
import { entrantsCommands } from './entrants'
import { importsCommands } from './imports'
import { bibsCommands } from './bibs'
import { printsCommands } from './prints'
import { checkinCommands } from './checkin'
import { desksCommands } from './desks'
import { timingCommands } from './timing'
import { manualTimingCommands } from './manual-timing'
import { resultsCommands } from './results'
import { auditCommands } from './audit'
import { backupsCommands } from './backups'
import type { Topic } from './command-spec'

export type { Topic }

/**
 * The one table of commands, spread from the domains' own (each contract module holds its
 * commands beside their schemas). Names and field names are a public interface: never rename.
 */
export const commands = {
  ...eventCommands,
  ...racesCommands,
  ...entrantsCommands,
  ...importsCommands,
  ...bibsCommands,
  ...printsCommands,
  ...checkinCommands,
  ...desksCommands,
  ...timingCommands,
  ...manualTimingCommands,
  ...resultsCommands,
  ...auditCommands,
  ...backupsCommands,
}

export type Commands = typeof commands
export type CommandName = keyof Commands
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>
export type ParsedInput<K extends CommandName> = z.output<Commands[K]['input']>
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>

export const commandNames = Object.keys(commands) as CommandName[]

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name)
}

export function isWrite(name: CommandName): boolean {
  return commands[name].changes.length > 0
}

/** A change event, sent to every open screen after a write commits. */
export interface ChangeEvent {
  topics: Topic[]
  command: CommandName
  atMs: number
  desk: string
}
