import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
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
 * longer runs on this machine (a crash, a power cut) is taken over; a claim from another machine
 * (a shared folder) cannot be checked, so it is believed unless `takeOver` says the organiser
 * knows that machine is done with it. Taking over happens under a second exclusive file, so of
 * several offices that find the same stale claim at once exactly one opens the file.
 */
export function claimEventFile(eventPath: string, app: Holder['app'], nowMs: number, options: { takeOver?: boolean } = {}): () => void {
  const path = holderPath(eventPath)
  const mine: Holder = { app, host: hostname(), pid: process.pid, sinceMs: nowMs }
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(path, JSON.stringify(mine))) return () => release(path, mine)
    const holder = readHolder(path)
    const mayTake = holder === null || !isAlive(holder) || (options.takeOver === true && holder.host !== hostname())
    if (holder !== null && !mayTake) throw inUse(eventPath, holder)
    if (!withTakeoverLock(path, () => replaceIfStill(path, holder, mine))) {
      sleepMs(20)
      continue
    }
    if (sameHolder(readHolder(path), mine)) return () => release(path, mine)
  }
  throw new CommandError('FILE_IN_USE', `${eventPath} is being opened by another Race Office at this moment.`, { path: eventPath })
}

/** Creates the file with this content only if it does not exist; false if it does. */
function createExclusive(path: string, content: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, content)
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * The claim judged stale (or given up on purpose) is replaced by ours, but only if it is still the
 * one judged: another office that took it over a moment earlier keeps it.
 */
function replaceIfStill(path: string, judged: Holder | null, mine: Holder): void {
  if (!sameHolder(readHolder(path), judged)) return
  rmSync(path, { force: true })
  createExclusive(path, JSON.stringify(mine))
}

/** Runs `work` while holding the takeover lock (false, without running it, when another office holds it). */
function withTakeoverLock(path: string, work: () => void): boolean {
  const lock = `${path}.takeover`
  try {
    mkdirSync(lock)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // A lock left by an office that crashed in the middle of a takeover (it takes milliseconds).
    const madeAtMs = statSync(lock, { throwIfNoEntry: false })?.mtimeMs
    if (madeAtMs !== undefined && Date.now() - madeAtMs > staleLockMs) rmSync(lock, { recursive: true, force: true })
    return false
  }
  try {
    work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
  return true
}

const staleLockMs = 10_000

function sameHolder(a: Holder | null, b: Holder | null): boolean {
  if (a === null || b === null) return a === b
  return a.host === b.host && a.pid === b.pid && a.sinceMs === b.sinceMs && a.app === b.app
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
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
  const elsewhere = holder.host !== hostname()
  const since = new Date(holder.sinceMs).toISOString().slice(0, 16).replace('T', ' ')
  const what = elsewhere
    ? ' If that computer is off or has closed the event, take it over (race-office serve FILE --take-over, or "Take it over" in the app).'
    : ' Close it there first.'
  return new CommandError(
    'FILE_IN_USE',
    `${eventPath} is already open in ${by} on ${holder.host} (process ${holder.pid}) since ${since} UTC.${what} Desks on other machines join it through "Desks on this network".`,
    { path: eventPath, app: holder.app, host: holder.host, pid: holder.pid, sinceMs: holder.sinceMs, canTakeOver: elsewhere },
  )
}

function release(path: string, mine: Holder): void {
  const holder = readHolder(path)
  if (holder !== null && holder.pid === mine.pid && holder.host === mine.host && holder.sinceMs === mine.sinceMs) rmSync(path, { force: true })
}
