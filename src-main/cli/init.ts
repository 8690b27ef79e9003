import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { CommandErrorValue } from '../../src-shared/contract'
import { openEventFile } from '../db/open'
import { createRouter } from '../router/router'
import { cliSession } from './cli-session'
import { onePositional, parse, RejectedError, UsageError, type Subcommand } from './usage'

export const initCommand: Subcommand = {
  name: 'init',
  summary: 'create a new event file',
  help: `Usage: race-office init FILE --name NAME --date YYYY-MM-DD --tz ZONE [--place PLACE] [--race "NAME:METRES[:FIRST-LAST]"]...

Creates a new event file. Refuses to overwrite an existing file.

Options:
  --name NAME       the event's name, e.g. "Pyongyang Marathon 2025"
  --date DATE       race day, YYYY-MM-DD
  --tz ZONE         the event's time zone, an IANA name such as Asia/Pyongyang
  --place PLACE     where it starts, e.g. "Kim Il Sung Stadium"
  --race SPEC       a race, repeatable: NAME:METRES, or NAME:METRES:FIRST-LAST with a bib range,
                    e.g. --race "Marathon:42195:1-2999" --race "10K:10000:5001-6999"

Example:
  race-office init pyongyang.raceoffice --name "Pyongyang Marathon" --date 2025-04-06 --tz Asia/Pyongyang --race "Marathon:42195:1-999"`,

  async run(args, io) {
    const { values, positionals } = parse(args, {
      name: { type: 'string' },
      date: { type: 'string' },
      tz: { type: 'string' },
      place: { type: 'string' },
      race: { type: 'string', multiple: true },
    })
    const target = resolve(onePositional(positionals, 'FILE (the event file to create)'))
    if (values.name === undefined) throw new UsageError('Missing --name.')
    if (values.date === undefined) throw new UsageError('Missing --date.')
    if (values.tz === undefined) throw new UsageError('Missing --tz.')
    const races = (values.race ?? []).map(parseRaceSpec)
    if (existsSync(target)) throw new RejectedError(`${target} already exists; choose another name or open it instead.`)

    // Built under a temporary name and renamed at the end: a refused init leaves no half-made file.
    const building = `${target}.creating`
    rmSync(building, { force: true })
    const file = await openEventFile(building, { newEvent: { timeZone: 'UTC' } })
    try {
      const router = createRouter({ db: file.db, sqlite: file.sqlite })
      const session = cliSession()
      const settings = await router.call(
        'event.update',
        { name: values.name, date: values.date, timeZone: values.tz, ...(values.place !== undefined && { place: values.place }) },
        session,
      )
      if (!settings.ok) throw rejected('the event', settings.error)
      for (const race of races) {
        const created = await router.call('races.create', race, session)
        if (!created.ok) throw rejected(`race ${race.name}`, created.error)
      }
      await file.close()
      renameSync(building, target)
      io.out(`Created ${target}: ${values.name}, ${values.date} (${values.tz}), ${races.length} race(s).`)
    } catch (error) {
      await file.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true })
      throw error
    }
  },
}

export function parseRaceSpec(spec: string): { name: string; distanceM: number; bibRanges?: { first: number; last: number }[] } {
  const match = /^(.+?):(\d+)(?::(\d+)-(\d+))?$/.exec(spec.trim())
  if (match === null) throw new UsageError(`--race ${JSON.stringify(spec)} is not NAME:METRES or NAME:METRES:FIRST-LAST.`)
  const [, name = '', metres = '', first, last] = match
  const race = { name: name.trim(), distanceM: Number(metres) }
  return first === undefined || last === undefined ? race : { ...race, bibRanges: [{ first: Number(first), last: Number(last) }] }
}

function rejected(what: string, error: CommandErrorValue): RejectedError {
  const issues = (error.details?.issues as { path: string; message: string }[] | undefined) ?? []
  const lines = issues.length > 0 ? issues.map((i) => `  ${i.path || 'input'}: ${i.message}`) : [`  ${error.message}`]
  return new RejectedError([`Could not set ${what} (${error.code}):`, ...lines].join('\n'))
}
