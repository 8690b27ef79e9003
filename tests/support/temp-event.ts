import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openEventFile, type EventFile, type OpenOptions } from '../../src-main/db/open'
import { PrintJobs } from '../../src-main/print/jobs'
import { BackupSchedule } from '../../src-main/backup/schedule'
import { DeskDirectory } from '../../src-main/desks/directory'
import { DeskNetwork } from '../../src-main/desks/network'
import { createRouter, type Router, type RouterOptions } from '../../src-main/router/router'

const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A folder that is removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'race-office-test-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A real event file on disk, closed and removed after the test. */
export async function tempEvent(options: OpenOptions = {}): Promise<EventFile> {
  const file = await openEventFile(join(tempDir(), 'event.raceoffice'), options)
  cleanups.push(() => file.close())
  return file
}

/** `backups`: snapshots (taken when the test asks) into a folder of their own. */
export async function tempRouter(options: Pick<RouterOptions, 'prints'> & { backups?: boolean } = {}) {
  const file = await tempEvent({ now: () => Date.UTC(2025, 3, 6, 6) })
  const prints = options.prints ?? new PrintJobs()
  const directory = new DeskDirectory(file.sqlite)
  // Desks on the network open on loopback in tests: the LAN address is this machine's own.
  const network = new DeskNetwork(directory, () => '127.0.0.1')
  // Listening is the host's: a test that needs the network on for real attaches the host's listener over this one.
  network.attach({ open: async () => 4780, close: async () => {} })
  const backups = options.backups === true ? new BackupSchedule(file.sqlite, file.path, { primary: tempDir() }) : null
  const router: Router = createRouter({
    db: file.db,
    sqlite: file.sqlite,
    now: () => Date.UTC(2025, 3, 6, 6),
    logError: () => {},
    prints,
    directory,
    network,
    backups,
  })
  cleanups.push(() => prints.close())
  cleanups.push(() => network.turn(false).then(() => undefined))
  return { file, router, directory, network, backups }
}

export { desk, finishLine, organiser, viewer } from './sessions'
