import { existsSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describeSnapshot, snapshotName, takeSnapshot } from '../backup/snapshots'
import { withEventFile } from './event-file'
import { parse, RejectedError, UsageError, type Subcommand } from './usage'

export const backupCommand: Subcommand = {
  name: 'backup',
  summary: 'write a consistent copy of an event file (safe while it is open elsewhere)',
  help: `Usage: race-office backup FILE DEST [--json]

Writes a consistent snapshot of the event FILE with SQLite's online backup — safe while the office
or a desk server has the file open and is writing to it — then checks the copy
(PRAGMA integrity_check, schema version) and says what it holds. DEST is a file to create, or a
folder, where the copy is named after the event and the time (event-20250406-083000-000.raceoffice).

Options:
  --json   print {"file","bytes","ok","schemaVersion","entrants","checkins","captures"}`,

  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } })
    if (positionals.length !== 2) throw new UsageError('Give the event FILE and where the copy goes (DEST, a file or a folder).')
    const file = resolve(positionals[0] as string)
    const dest = resolve(positionals[1] as string)
    const target = existsSync(dest) && statSync(dest).isDirectory() ? join(dest, snapshotName(file, Date.now())) : dest
    if (existsSync(target)) throw new RejectedError(`${target} already exists: a backup never overwrites a file.`)
    if (!existsSync(dirname(target))) throw new RejectedError(`There is no folder ${dirname(target)} to write the backup in.`)
    await withEventFile(file, async (office) => {
      await takeSnapshot(office.file.sqlite, target)
    })
    const summary = describeSnapshot(target)
    if (values.json === true) {
      const { path, bytes, ok, schemaVersion, entrants, checkins, captures } = summary
      io.out(JSON.stringify({ file: path, bytes, ok, schemaVersion, entrants, checkins, captures }))
    } else {
      io.out(
        `Backup of ${summary.event?.name ?? file}: ${summary.entrants} entrants, ${summary.checkins} check-ins, ${summary.captures} captures → ${target} (${(summary.bytes / 1_048_576).toFixed(1)} MB), ${summary.ok ? 'checked: intact' : `NOT intact: ${summary.problem}`}.`,
      )
    }
    if (!summary.ok) throw new RejectedError(`The backup at ${target} does not pass its check: ${summary.problem}.`)
  },
}
