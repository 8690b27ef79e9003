import { parseArgs, type ParseArgsConfig } from 'node:util'

/** Wrong words on the command line: exit code 2, with the subcommand's help. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The command line was fine but what it asked for was refused: exit code 1. */
export class RejectedError extends Error {
  override name = 'RejectedError'
}

export interface Subcommand {
  name: string
  summary: string
  help: string
  run(args: string[], io: CliIo): Promise<void>
}

export interface CliIo {
  out(line: string): void
  err(line: string): void
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM). */
  stopSignal(): Promise<string>
}

type Options = NonNullable<ParseArgsConfig['options']>

export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export function onePositional(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`Missing ${what}.`)
  if (positionals.length > 1) throw new UsageError(`Unexpected argument: ${positionals[1]}`)
  return positionals[0] as string
}
