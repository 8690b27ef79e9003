import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { CommandError } from '../../src-shared/contract/errors'

/** Who has an event file open as an office (the desktop app or `race-office serve`). */
export interface Holder {
  app: 'desktop' | 'serve'
  host: string
  pid: number
  sinceMs: number
}

/**
 * One office per event file. Two offices on one file would each run backups, desks and live
 * results from their own memory, so the second is refused and told who holds it. One-shot
 * commands (import, bibs, backup, results …) do not claim the file: they work beside the office
 * through SQLite's WAL, each write a short transaction.
 *
 * The claim is a file beside the event, created exclusively. A claim left by a process that no
 * longer runs on this machine (a crash, a power cut) is taken over.
 */
export function claimEventFile(eventPath: string, app: Holder['app'], nowMs: number): () => void {
  const path = holderPath(eventPath)
  const mine: Holder = { app, host: hostname(), pid: process.pid, sinceMs: nowMs }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      try {
        writeSync(fd, JSON.stringify(mine))
      } finally {
        closeSync(fd)
      }
      return () => release(path, mine)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readHolder(path)
    if (holder !== null && isAlive(holder)) throw inUse(eventPath, holder)
    rmSync(path, { force: true })
  }
  throw new CommandError('FILE_IN_USE', `${eventPath} is being opened by another Race Office at this moment.`, { path: eventPath })
}

export function holderPath(eventPath: string): string {
  return `${eventPath}.holder`
}

function readHolder(path: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>
    if (typeof parsed.host !== 'string' || typeof parsed.pid !== 'number' || typeof parsed.sinceMs !== 'number') return null
    return { app: parsed.app === 'serve' ? 'serve' : 'desktop', host: parsed.host, pid: parsed.pid, sinceMs: parsed.sinceMs }
  } catch {
    return null
  }
}

/** On another machine (a shared folder) the claim cannot be checked, so it is believed. */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true
  if (holder.pid === process.pid) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function inUse(eventPath: string, holder: Holder): CommandError {
  const by = holder.app === 'serve' ? 'race-office serve' : 'the Race Office app'
  return new CommandError(
    'FILE_IN_USE',
    `${eventPath} is already open in ${by} on ${holder.host} (process ${holder.pid}) since ${new Date(holder.sinceMs).toISOString().slice(0, 16).replace('T', ' ')} UTC. Close it there first; desks on other machines join it through "Desks on this network".`,
    { path: eventPath, app: holder.app, host: holder.host, pid: holder.pid, sinceMs: holder.sinceMs },
  )
}

function release(path: string, mine: Holder): void {
  const holder = readHolder(path)
  if (holder !== null && holder.pid === mine.pid && holder.host === mine.host && holder.sinceMs === mine.sinceMs) rmSync(path, { force: true })
}
