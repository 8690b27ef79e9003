import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const recentFileName = 'recent-events.json'
const keep = 10

/** Event files opened lately, newest first; files that no longer exist are left out. */
export function recentEvents(userDataDir: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(userDataDir, recentFileName), 'utf8'))
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string' && existsSync(p)) : []
  } catch {
    return []
  }
}

export function rememberEvent(userDataDir: string, path: string): void {
  const list = [path, ...recentEvents(userDataDir).filter((p) => p !== path)].slice(0, keep)
  mkdirSync(userDataDir, { recursive: true })
  // Written beside and renamed, so a crash mid-write never leaves a broken list.
  const target = join(userDataDir, recentFileName)
  writeFileSync(`${target}.tmp`, JSON.stringify(list, null, 2))
  renameSync(`${target}.tmp`, target)
}

/** The file to open on start: the last one used, or a new untitled one under the user-data folder. */
export function startupEventPath(userDataDir: string): string {
  const [last] = recentEvents(userDataDir)
  return last ?? newUntitledPath(userDataDir)
}

export function newUntitledPath(userDataDir: string): string {
  const dir = join(userDataDir, 'events')
  mkdirSync(dir, { recursive: true })
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? 'Untitled event.raceoffice' : `Untitled event ${n}.raceoffice`)
    if (!existsSync(path)) return path
  }
}
