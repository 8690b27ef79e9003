import { existsSync } from 'node:fs'
import type { Session } from '../../src-shared/contract'
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
