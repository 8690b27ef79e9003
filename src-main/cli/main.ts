import { CommandError } from '../../src-shared/contract'
import { backupCommand } from './backup'
import { bibsCommand } from './bibs'
import { entrantsCommand } from './entrants'
import { importCommand } from './import'
import { initCommand } from './init'
import { restoreCommand } from './restore'
import { serveCommand } from './serve'
import { syncCommand } from './sync'
import { racesCommand, resultsCommand } from './results'
import { capturesCommand, clockCommand, devicesCommand, readsCommand } from './timing'
import { timesCommand } from './times'
import { RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

const subcommands: Subcommand[] = [
  initCommand,
  serveCommand,
  importCommand,
  entrantsCommand,
  bibsCommand,
  racesCommand,
  clockCommand,
  capturesCommand,
  devicesCommand,
  readsCommand,
  timesCommand,
  syncCommand,
  resultsCommand,
  backupCommand,
  restoreCommand,
]

const overview = `Usage: race-office <command> [options]

Commands:
${subcommands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Run race-office <command> --help for a command's options.`

/** Runs one command line; returns the process exit code (0 done, 1 refused, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview)
    return name === undefined ? 2 : 0
  }
  const subcommand = subcommands.find((c) => c.name === name)
  if (subcommand === undefined) {
    io.err(`race-office: unknown command ${JSON.stringify(name)}.\n\n${overview}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(subcommand.help)
    return 0
  }
  try {
    await subcommand.run(rest, io)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`race-office ${name}: ${error.message}\n\n${subcommand.help}`)
      return 2
    }
    if (error instanceof RejectedError || error instanceof CommandError) {
      io.err(`race-office ${name}: ${error.message}`)
      return 1
    }
    io.err(`race-office ${name}: unexpected failure: ${(error as Error).stack ?? String(error)}`)
    return 1
  }
}

// A reader that stops early (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  stopSignal: () =>
    new Promise((resolve) => {
      const stop = (signal: NodeJS.Signals): void => resolve(signal)
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    }),
}
