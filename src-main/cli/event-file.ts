import { existsSync } from 'node:fs'
import type { Race, Session } from '../../src-shared/contract'
import { openOffice, type Office } from '../office/office'
import { cliSession } from './cli-session'
import { RejectedError } from './usage'

/** Refuses, with the path, a file the command needs that is not there. */
export function requireFile(path: string, what = 'file'): void {
  if (!existsSync(path)) throw new RejectedError(`There is no ${what} at ${path}.`)
}

/** Opens an existing event file for one command and always closes it cleanly afterwards. */
export async function withEventFile<T>(file: string, run: (office: Office, session: Session) => Promise<T>): Promise<T> {
  requireFile(file, 'event file')
  const office = await openOffice(file)
  try {
    return await run(office, cliSession())
  } finally {
    await office.close()
  }
}

/** Every race of the event, or only the one named (in any case); refuses a name no race has. */
export async function chooseRaces(office: Office, session: Session, name: string | undefined): Promise<Race[]> {
  const races = await office.router.call('races.list', {}, session)
  if (!races.ok) throw new RejectedError(races.error.message)
  if (name === undefined) return races.value
  const chosen = races.value.filter((race) => race.name.toLowerCase() === name.toLowerCase())
  if (chosen.length === 0) throw new RejectedError(`There is no race called ${name} (races: ${races.value.map((r) => r.name).join(', ')}).`)
  return chosen
}
