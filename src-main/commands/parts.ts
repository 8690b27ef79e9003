import type SqliteDatabase from 'better-sqlite3'
import type { CommandName, CommandOutput, Commands, ParsedInput, Session } from '../../src-shared/contract'
import type { Entrant } from '../../src-shared/contract/entrants'
import type { CommandTable } from '../../src-shared/contract/command-spec'
import type { BackupSchedule } from '../backup/schedule'
import type { ReadDb, WriteDb } from '../db/schema'
import type { DeskDirectory } from '../desks/directory'
import type { DeskNetwork } from '../desks/network'
import type { ImportSessions } from '../import/sessions'
import type { PrintJobs } from '../print/jobs'
import type { ResultsEngine } from '../results/engine'
import type { FactGroup } from '../results/load'
import type { LiveSync } from '../timing/sync-push'
import type { DecoderLinks } from '../timing/decoder-links'

/** What every command may use besides the event file: the office's in-memory parts and who is calling. */
interface Office {
  imports: ImportSessions
  prints: PrintJobs
  directory: DeskDirectory
  network: DeskNetwork
  /** A finish laptop's live sync to the office. */
  liveSync: LiveSync
  /** Decoders on the local network the office takes reads from. */
  decoders: DecoderLinks
  /** The event's results, kept current from what is written. */
  results: ResultsEngine
  backups: BackupSchedule | null
  openEvent: ((path: string) => Promise<void>) | null
  /** Who the call acts as (a locked organiser screen acts as a desk). */
  session: Session
  /** The session as signed in, for the lock itself. */
  caller: Session
  nowMs: number
}

/** A read sees the file through a ReadDb: it can select, and nothing else. */
export interface ReadContext extends Office {
  db: ReadDb
}

/** A write gets the transaction its audit row is written in, and the same connection for prepared statements. */
export interface WriteContext extends Office {
  tx: WriteDb
  /** Only inside this write's transaction (it is the connection the transaction runs on). */
  sqlite: SqliteDatabase.Database
}

/** A command is a write when the contract says it changes a topic; everything else is a read. */
export type WriteName = { [K in CommandName]: Commands[K]['changes'] extends readonly [] ? never : K }[CommandName]
export type ReadName = Exclude<CommandName, WriteName>

export interface ReadPart<K extends ReadName> {
  read: (ctx: ReadContext, input: ParsedInput<K>) => Promise<CommandOutput<K>>
}

/** The runner a change is about: named by what was asked, or the one the change made. */
export type About<K extends WriteName> =
  { asked: (input: ParsedInput<K>, tx: WriteDb) => string | null | Promise<string | null> } | { made: (output: CommandOutput<K>) => string | null }

/** A change about one runner as its audit row keeps it, for its undo. */
export interface Change<K extends WriteName> {
  entrantId: string
  /** The runner before the change (null when the change made them). */
  before: Entrant | null
  output: CommandOutput<K>
}

export type Undo<K extends WriteName> = (tx: WriteDb, change: Change<K>, session: Session, nowMs: number) => Promise<unknown>

/** Everything a write is, besides its schema: the compiler refuses a write that leaves one out. */
export interface WritePart<K extends WriteName> {
  write: (ctx: WriteContext, input: ParsedInput<K>) => Promise<CommandOutput<K>>
  /** The results engine's facts the write changes, read again after it ([] when none, or when it is brought in by its mark). */
  facts: readonly FactGroup[]
  /** The runner the change is about, for its audit row and the undo's safety check; null for changes about no one runner. */
  about: About<K> | null
  /** How the change is taken back from the Audit view, as a change of its own; null for changes that have their own way back (or none). */
  undo: Undo<K> | null
}

export type Part<K extends CommandName> = K extends WriteName ? WritePart<K> : K extends ReadName ? ReadPart<K> : never

/** A domain's commands on the main side, one entry per command of its contract table. */
export type DomainParts<T extends CommandTable> = { [K in keyof T & CommandName]: Part<K> }

export type CommandParts = { [K in CommandName]: Part<K> }

/** The shapes the router dispatches on, once the command's name has been checked. */
export type AnyWritePart = {
  write: (ctx: WriteContext, input: unknown) => Promise<unknown>
  facts: readonly FactGroup[]
  about: { asked: (input: unknown, tx: WriteDb) => string | null | Promise<string | null> } | { made: (output: unknown) => string | null } | null
  undo: ((tx: WriteDb, change: { entrantId: string; before: Entrant | null; output: unknown }, session: Session, nowMs: number) => Promise<unknown>) | null
}
export type AnyPart = { read: (ctx: ReadContext, input: unknown) => Promise<unknown> } | AnyWritePart
