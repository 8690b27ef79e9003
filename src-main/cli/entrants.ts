import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Entrant } from '../../src-shared/contract'
import { filedNameText } from '../../src-shared/names/person-name'
import { withEventFile } from './event-file'
import { participantColumns } from '../entrants/participants'
import { onePositional, parse, RejectedError, UsageError, type Subcommand } from './usage'

export const entrantsCommand: Subcommand = {
  name: 'entrants',
  summary: 'list the entrants of an event',
  help: `Usage: race-office entrants FILE [--race NAME] [--json]
       race-office entrants FILE --format participants [--race NAME] [--out FILE.csv]

Lists every entrant, by family name. With --json, prints one JSON array of objects with
id, ref, givenName, familyName, secondName, sex, birthDate, age, nationality, club, race,
category, bib, status and the rest of each entrant's details.
With --format participants, writes the entrants still entered as a timing system's participant
import (CSV, by bib): ${participantColumns.join(', ')}.

Options:
  --race NAME      only this race's entrants
  --json           machine-readable output
  --format participants  the timing system's participant CSV (to stdout, or --out)
  --out FILE       where to write it`,

  async run(args, io) {
    const { values, positionals } = parse(args, { race: { type: 'string' }, json: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' } })
    if (values.format !== undefined && values.format !== 'participants') throw new UsageError(`--format ${values.format}: the one format is participants.`)
    const file = resolve(onePositional(positionals, 'FILE (the event file)'))
    await withEventFile(file, async (office, session) => {
      let raceId: number | undefined
      if (values.race !== undefined) {
        const races = await office.router.call('races.list', {}, session)
        raceId = races.ok ? races.value.find((r) => r.name.toLowerCase() === values.race?.toLowerCase())?.id : undefined
        if (raceId === undefined) throw new RejectedError(`There is no race called ${values.race}.`)
      }
      if (values.format === 'participants') {
        const exported = await office.router.call('entrants.export', { format: 'participants', ...(raceId !== undefined && { raceId }) }, session)
        if (!exported.ok) throw new RejectedError(exported.error.message)
        const text = Buffer.from(exported.value.base64, 'base64').toString('utf8')
        if (values.out === undefined) return io.out(text.replace(/\r\n$/, ''))
        writeFileSync(resolve(values.out), text)
        return io.err(`Participants → ${resolve(values.out)}`)
      }
      const entrants: Entrant[] = []
      for (let offset = 0; ; offset += 1000) {
        const page = await office.router.call('entrants.list', { offset, limit: 1000, ...(raceId !== undefined && { raceId }) }, session)
        if (!page.ok) throw new RejectedError(page.error.message)
        entrants.push(...page.value.items)
        if (entrants.length >= page.value.total || page.value.items.length === 0) break
      }
      if (values.json === true) {
        io.out(JSON.stringify(entrants))
        return
      }
      for (const e of entrants) {
        io.out(
          [
            String(e.bib ?? '').padStart(6),
            filedNameText(e.givenName, e.familyName).padEnd(32),
            e.sex,
            (e.category ?? '').padEnd(6),
            e.race.padEnd(16),
            e.status,
          ].join('  '),
        )
      }
      io.err(`${entrants.length} entrant(s).`)
    })
  },
}
