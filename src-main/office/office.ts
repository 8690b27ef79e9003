import { BackupSchedule, type BackupFolders } from '../backup/schedule'
import { openEventFile, type EventFile, type OpenOptions } from '../db/open'
import { claimEventFile, type Holder } from './holder'
import { DeskDirectory } from '../desks/directory'
import { DeskNetwork } from '../desks/network'
import { PrintJobs } from '../print/jobs'
import { createRouter, type Router } from '../router/router'
import { exportSync } from '../timing/sync'
import { keepOwnMeasurement } from '../timing/device-clocks'
import { LiveSync } from '../timing/sync-push'

/** What only the desktop app can do for the office. */
export interface Desktop {
  /** Opens a file in the system's viewer (a PDF, to print it). */
  openFile(path: string): Promise<void>
  /** Closes this event and opens another file (a restored backup) in the window. */
  openEvent?(path: string): Promise<void>
}

/** An open event file with its router: what the desktop shell and `serve` both run. */
export interface Office {
  file: EventFile
  router: Router
  prints: PrintJobs
  /** Desks paired with this event file. */
  directory: DeskDirectory
  /** "Desks on this network": a transport that can listen attaches itself here. */
  network: DeskNetwork
  /** Snapshots every few minutes while the file changes, and on close; null when not asked for. */
  backups: BackupSchedule | null
  /** Drains calls under way, then closes the file cleanly (WAL checkpointed). */
  close(): Promise<void>
}

export interface OfficeOptions extends OpenOptions {
  desktop?: Desktop
  /** Automatic snapshots into these folders; none when left out. */
  backups?: BackupFolders
  /** The long-running office (not a one-shot command): claims the file, so a second office is refused. */
  holdAs?: Holder['app']
  /** Take over a claim from another machine: the organiser knows that machine is done with the file. */
  takeOver?: boolean
}

export async function openOffice(path: string, options: OfficeOptions = {}): Promise<Office> {
  const { desktop, backups: backupFolders } = options
  const releaseClaim = options.holdAs === undefined ? () => {} : claimEventFile(path, options.holdAs, Date.now(), { takeOver: options.takeOver === true })
  let file: EventFile
  try {
    file = await openEventFile(path, options)
  } catch (error) {
    releaseClaim()
    throw error
  }
  // A PDF made is not a bib printed: the organiser marks a sheet run printed once it has come out
  // of the printer (bibs.markPrinted), so a failed print stays among the bibs not printed yet.
  const prints = new PrintJobs(desktop !== undefined ? { openFile: (file: string) => desktop.openFile(file) } : {})
  const directory = new DeskDirectory(file.sqlite)
  const network = new DeskNetwork(directory)
  const liveSync = new LiveSync(
    () => exportSync(file.db, Date.now()),
    (exchanges) => keepOwnMeasurement(file.db, exchanges, Date.now()),
  )
  const backups =
    backupFolders === undefined
      ? null
      : new BackupSchedule(file.sqlite, path, { ...backupFolders, second: backupFolders.second ?? (await secondFolderOf(file)) })
  const router = createRouter({ db: file.db, sqlite: file.sqlite, prints, directory, network, liveSync, backups, openEvent: desktop?.openEvent ?? null })
  backups?.start()
  return {
    file,
    router,
    prints,
    directory,
    network,
    backups,
    async close() {
      await network.turn(false)
      await liveSync.close()
      await prints.close()
      await router.drain()
      await backups?.close()
      await file.close()
      releaseClaim()
    },
  }
}

async function secondFolderOf(file: EventFile): Promise<string | null> {
  const row = await file.db.selectFrom('event').select('backup_second_folder').where('id', '=', 1).executeTakeFirst()
  return row?.backup_second_folder ?? null
}
