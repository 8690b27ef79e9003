import { basename, resolve } from 'node:path'
import { backupLine, eventBackups, latestGoodBackup, restoreAsNewFile, type FoundBackup } from '../backup/restore'
import { describeSnapshot } from '../backup/snapshots'
import { onePositional, parse, RejectedError, UsageError, type Subcommand } from './usage'

export const restoreCommand: Subcommand = {
  name: 'restore',
  summary: 'open a backup of an event as a new file beside it (never over it)',
  help: `Usage: race-office restore FILE --backups DIR [--second-backups DIR] [--from NAME] [--list] [--json]

Finds the backups of the event FILE in DIR (the folder given to serve --backups, or the app's
backups folder), checks them (PRAGMA integrity_check, schema version) and copies the newest
good one — or the one named with --from — to a new file beside FILE:
  FILE's name (restored YYYY-MM-DD HH.MM).raceoffice
FILE itself is never changed, even when it is damaged or missing.

Options:
  --backups DIR        the backup folder
  --second-backups DIR a second folder (a USB stick) searched too
  --from NAME          the backup file to restore (a name from --list)
  --list               list the backups, newest first, with what each holds
  --json               print {"file","from","takenAtMs","entrants","checkins","captures"}
                       (with --list: one such object per backup, plus "ok" and "problem")`,

  async run(args, io) {
    const { values, positionals } = parse(args, {
      backups: { type: 'string' },
      'second-backups': { type: 'string' },
      from: { type: 'string' },
      list: { type: 'boolean' },
      json: { type: 'boolean' },
    })
    const file = resolve(onePositional(positionals, 'FILE (the event whose backup to restore)'))
    if (values.backups === undefined) throw new UsageError('Give the backup folder with --backups DIR.')
    const folders = { primary: resolve(values.backups), second: values['second-backups'] === undefined ? null : resolve(values['second-backups']) }
    const backups = eventBackups(folders, file)
    if (backups.length === 0)
      throw new RejectedError(`There are no backups of ${basename(file)} in ${[folders.primary, folders.second].filter(Boolean).join(' or ')}.`)

    if (values.list === true) {
      for (const backup of backups) {
        const summary = describeSnapshot(backup.path)
        if (values.json === true) {
          io.out(
            JSON.stringify({
              file: backup.path,
              takenAtMs: backup.takenAtMs,
              ok: summary.ok,
              problem: summary.problem,
              entrants: summary.entrants,
              checkins: summary.checkins,
              captures: summary.captures,
            }),
          )
        } else io.out(summary.ok ? backupLine({ ...backup, summary }) : `${basename(backup.path)}: cannot be restored, ${summary.problem}`)
      }
      return
    }

    const chosen = values.from === undefined ? latestGoodBackup(folders, file) : pick(backups, values.from)
    if (chosen === null) throw new RejectedError(`None of the ${backups.length} backups of ${basename(file)} passes its check.`)
    const { path: restored, summary } = await restoreAsNewFile(chosen.path, file, chosen.takenAtMs)
    if (values.json === true) {
      io.out(
        JSON.stringify({
          file: restored,
          from: chosen.path,
          takenAtMs: chosen.takenAtMs,
          entrants: summary.entrants,
          checkins: summary.checkins,
          captures: summary.captures,
        }),
      )
    } else io.out(`Restored ${backupLine({ ...chosen, summary })}\n→ ${restored}`)
  },
}

function pick(backups: FoundBackup[], name: string): FoundBackup {
  const found = backups.find((b) => basename(b.path) === basename(name))
  if (found === undefined) throw new RejectedError(`There is no backup called ${name}; race-office restore FILE --backups DIR --list shows them.`)
  return found
}
