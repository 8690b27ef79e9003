import type { z } from 'zod'
import {
  CommandError,
  commands,
  isCommandName,
  type ChangeEvent,
  type CommandErrorValue,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type CommandResult,
  type ParsedInput,
  type Session,
} from '../../src-shared/contract'
import type SqliteDatabase from 'better-sqlite3'
import { subjectAfter, subjectBefore } from '../audit/subjects'
import type { Db } from '../db/schema'
import { storageError } from '../db/storage-errors'
import { DeskDirectory } from '../desks/directory'
import { actingSession } from '../desks/lock'
import { DeskNetwork } from '../desks/network'
import { ImportSessions } from '../import/sessions'
import { PrintJobs } from '../print/jobs'
import { exportSync } from '../timing/sync'
import { keepOwnMeasurement } from '../timing/device-clocks'
import { LiveSync } from '../timing/sync-push'
import { DecoderLinks } from '../timing/decoder-links'
import { ResultsEngine } from '../results/engine'
import type { BackupSchedule } from '../backup/schedule'
import type { CommandParts, AnyPart } from '../commands/parts'
import { commandParts, factsChangedBy } from '../commands/registry'
import { fieldsHiddenFrom } from '../../src-shared/contract/personal-data'
import { asSeenBy } from './role-view'

export type ChangeListener = (change: ChangeEvent) => void

export interface Router {
  /** For transports: a name and an input of unknown shape; always resolves to a result value. */
  dispatch(command: string, input: unknown, session: Session): Promise<CommandResult<unknown>>
  /** For in-process callers (CLI, tests): the same path, typed by the contract. */
  call<K extends CommandName>(command: K, input: CommandInput<K>, session: Session): Promise<CommandResult<CommandOutput<K>>>
  /**
   * The router's own checks of a call, without running it: for a transport that does the work
   * itself (a download streams the file a job made). The input is validated and the role checked
   * exactly as for a dispatched call.
   */
  authorise<K extends CommandName>(command: K, input: unknown, session: Session): CommandResult<{ input: ParsedInput<K>; session: Session }>
  onChange(listener: ChangeListener): () => void
  /** Refuses new calls and resolves once every call under way has finished: then the file may close. */
  drain(): Promise<void>
}

export interface RouterOptions {
  db: Db
  sqlite: SqliteDatabase.Database
  imports?: ImportSessions
  prints?: PrintJobs
  directory?: DeskDirectory
  network?: DeskNetwork
  liveSync?: LiveSync
  decoders?: DecoderLinks
  results?: ResultsEngine
  /** The office's automatic backups; none for one-shot commands and tests. */
  backups?: BackupSchedule | null
  /** The desktop app opens another event file (a restored backup) in place of this one. */
  openEvent?: ((path: string) => Promise<void>) | null
  /** Every command's parts; tests give a table with one part replaced. */
  parts?: CommandParts
  now?: () => number
  /** Where unexpected failures are reported; the caller only sees INTERNAL. */
  logError?: (error: unknown, command: string) => void
}

export function createRouter(options: RouterOptions): Router {
  const { db, sqlite } = options
  const imports = options.imports ?? new ImportSessions()
  const prints = options.prints ?? new PrintJobs()
  const directory = options.directory ?? new DeskDirectory(sqlite)
  const network = options.network ?? new DeskNetwork(directory)
  const liveSync =
    options.liveSync ??
    new LiveSync(
      () => exportSync(db, Date.now()),
      (exchanges) => keepOwnMeasurement(db, exchanges, Date.now()),
    )
  const decoders = options.decoders ?? new DecoderLinks()
  // A link's reads are written like any other: through the router, audited, and into the results.
  decoders.deliverTo(async (link) => {
    const { host, port } = link.settings
    // Not refused while the router closes: the link's last reads are stored as it stops.
    const taken = await track(route('decoder.take', { id: link.id }, { role: 'organiser', actor: `decoder ${host}:${port}`, desk: 'decoder' }))
    return taken.ok ? (taken.value as { stored: number; duplicates: number }) : null
  })
  const results = options.results ?? new ResultsEngine(sqlite, factsChangedBy)
  const backups = options.backups ?? null
  const openEvent = options.openEvent ?? null
  const parts = options.parts ?? commandParts
  const now = options.now ?? Date.now
  const logError = options.logError ?? ((error, command) => console.error(`[router] ${command} failed:`, error))
  const listeners = new Set<ChangeListener>()
  const underWay = new Set<Promise<unknown>>()
  let draining = false

  function dispatch(command: string, input: unknown, session: Session): Promise<CommandResult<unknown>> {
    if (draining) return Promise.resolve(failure('SHUTTING_DOWN', 'The office is closing this event file; nothing was changed.'))
    return track(route(command, input, session))
  }

  function track(call: Promise<CommandResult<unknown>>): Promise<CommandResult<unknown>> {
    underWay.add(call)
    void call.finally(() => underWay.delete(call))
    return call
  }

  function check(command: string, input: unknown, caller: Session): CommandResult<{ command: CommandName; input: unknown; session: Session }> {
    // A screen locked in desk mode acts as a check-in desk whatever its sign-in.
    const session = actingSession(caller)
    if (!isCommandName(command)) {
      return failure('UNKNOWN_COMMAND', `There is no command called ${JSON.stringify(command.slice(0, 100))}.`)
    }
    const spec = commands[command]
    // The role first: a call the role may not make learns nothing about what input would pass.
    if (!(spec.roles as readonly string[]).includes(session.role)) {
      return failure('NOT_AUTHORISED', `The ${session.role} role may not use ${command}.`, { role: session.role, command })
    }
    const parsed = validate(spec.input, input)
    if (!parsed.ok) return parsed
    return { ok: true, value: { command, input: parsed.value, session } }
  }

  async function route(name: string, given: unknown, caller: Session): Promise<CommandResult<unknown>> {
    const checked = check(name, given, caller)
    if (!checked.ok) return checked
    const { command, input, session } = checked.value
    const part = parts[command] as AnyPart
    let storageFailure: CommandError | null = null
    try {
      const nowMs = now()
      const context = { imports, prints, directory, network, liveSync, decoders, results, backups, openEvent, session, caller, nowMs }
      const hidden = fieldsHiddenFrom(commands[command], session.role)
      if ('read' in part) return { ok: true, value: asSeenBy(await part.read({ db, ...context }, input), hidden) }
      const value = await db.transaction().execute(async (tx) => {
        try {
          const subject = await subjectBefore(tx, part.about, input)
          const output = await part.write({ tx, sqlite, ...context }, input)
          const { entrantId, after } = await subjectAfter(tx, part.about, output, subject)
          await tx
            .insertInto('audit')
            .values({
              at_ms: nowMs,
              actor: session.actor,
              desk: session.desk,
              role: session.role,
              command,
              input_json: JSON.stringify(input),
              output_json: JSON.stringify(output) ?? 'null',
              entrant_id: entrantId,
              before_json: subject.before === null ? null : JSON.stringify(subject.before),
              after_json: after === null ? null : JSON.stringify(after),
            })
            .execute()
          return output
        } catch (error) {
          // SQLite rolls back by itself on a full disk, so the ROLLBACK that follows fails and its
          // error would hide this one.
          storageFailure = storageError(error)
          throw error
        }
      })
      emit({ topics: [...commands[command].changes], command, atMs: nowMs, desk: session.desk })
      return { ok: true, value: asSeenBy(value, hidden) }
    } catch (error) {
      if (error instanceof CommandError) return { ok: false, error: error.toValue() }
      const storage = storageFailure ?? storageError(error)
      if (storage !== null) return { ok: false, error: storage.toValue() }
      logError(error, command)
      return failure('INTERNAL', 'Something went wrong and nothing was changed. Please try again; if it keeps happening, tell the organiser.')
    }
  }

  function emit(change: ChangeEvent): void {
    for (const listener of listeners) {
      try {
        listener(change)
      } catch (error) {
        logError(error, `change listener for ${change.command}`)
      }
    }
  }

  return {
    dispatch,
    call: (command, input, session) => dispatch(command, input, session) as never,
    authorise: (command, input, session) => check(command, input, session) as never,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async drain() {
      draining = true
      await decoders.close()
      await Promise.allSettled([...underWay])
    },
  }
}

/** An input checked against its schema, refused as INVALID_INPUT with every issue listed: the one way input is validated. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): CommandResult<z.output<T>> {
  const parsed = schema.safeParse(input ?? {})
  if (!parsed.success) return failure('INVALID_INPUT', summariseIssues(parsed.error.issues), { issues: issueList(parsed.error.issues) })
  return { ok: true, value: parsed.data }
}

function failure(code: CommandErrorValue['code'], message: string, details?: Record<string, unknown>): { ok: false; error: CommandErrorValue } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } }
}

function issueList(issues: readonly z.core.$ZodIssue[]): { path: string; code: string; message: string }[] {
  return issues.slice(0, 50).map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code, message: issue.message }))
}

function summariseIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues
  if (first === undefined) return 'The input is not valid.'
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : ''
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  return `${where}${first.message}${more}`
}
