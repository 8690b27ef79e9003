import { describe, expect, it } from 'vitest'
import { commandNames, commands, type ChangeEvent, type CommandName, type Role, type Session } from '../../src-shared/contract'
import { fieldsHiddenFrom, personalFields } from '../../src-shared/contract/personal-data'
import { desk, finishLine, organiser, tempRouter, viewer } from '../../tests/support/temp-event'
import { privateDetails, validInputFor } from '../../tests/support/valid-inputs'
import { unwrap } from '../../tests/support/results'
import { PrintJobs } from '../print/jobs'

// Copies per office: a command's valid input may lock the organiser's screen (desk mode hangs on the session).
const sessionOf = (role: Role): Session => ({ ...{ organiser, desk, finish: finishLine, viewer }[role] })
const note = 'Asthma: inhaler in the bag'
/** Every private value the office holds for its runners, as it would appear in an answer's text. */
const secrets = { ...privateDetails, notes: note }

/** Reaches another office over the network: the HTTP host's tests run it against one that listens. */
const needsAListeningOffice = new Set<CommandName>(['sync.connect'])

/** An office with the command's own valid input ready, and a runner whose contacts, birth date and notes are everywhere: checked in, timed, a finisher. */
async function officeFor(command: CommandName) {
  const office = await tempRouter({ backups: true, prints: new PrintJobs({ openFile: async () => {} }) })
  const boss = sessionOf('organiser')
  const call = (name: CommandName, input: unknown) => office.router.dispatch(name, input, boss)
  const input = await validInputFor({ call, sqlite: office.file.sqlite, backups: office.backups, officeUrl: null, network: office.network }, command)
  // A race of its own and another organiser's screen: the command's input stays valid (its race unstarted, its screen maybe locked).
  const seeder = sessionOf('organiser')
  const seed = (name: CommandName, input: unknown) => office.router.dispatch(name, input, seeder)
  const race = unwrap(await office.router.call('races.create', { name: '10K', distanceM: 10_000, bibRanges: [{ first: 5000, last: 5099 }] }, seeder))
  const runner = { raceId: race.id, givenName: 'Ji-woo', familyName: 'Kim', sex: 'F', bib: 5000, ...privateDetails } as const
  const { id } = unwrap(await office.router.call('entrants.create', runner, seeder))
  await seed('checkin.correct', { entrantId: id, notes: note })
  await seed('checkin.checkIn', { entrantId: id })
  await seed('clock.start', { raceId: race.id, atMs: Date.UTC(2025, 3, 6, 0), device: 'starter' })
  await seed('timing.capture', { device: 'timer', seq: 1, point: 'finish', atMs: Date.UTC(2025, 3, 6, 3), bib: 5000 })
  return { ...office, input, boss }
}

/** Where in an answer a field the role may not see was found (as a key with a value, or as text anywhere). */
function leaks(answer: unknown, hidden: ReadonlySet<string>): string[] {
  const found: string[] = []
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`))
    else if (value !== null && typeof value === 'object')
      for (const [key, field] of Object.entries(value)) {
        if (hidden.has(key) && field !== null && field !== undefined) found.push(`${path}.${key}`)
        walk(field, `${path}.${key}`)
      }
  }
  walk(answer, 'answer')
  const text = JSON.stringify(answer) ?? ''
  for (const [field, secret] of Object.entries(secrets)) if (hidden.has(field) && text.includes(secret)) found.push(`the ${field} as text`)
  return found
}

describe("what each role sees of a runner's personal data", () => {
  it.each(commandNames)('%s answers every role it serves without a field that role may not see', async (command) => {
    const spec = commands[command]
    let answered = 0
    for (const role of spec.roles) {
      // A fresh office per role: a write that succeeded for one role would be refused for the next.
      const office = await officeFor(command)
      const events: ChangeEvent[] = []
      office.router.onChange((change) => events.push(change))
      const result = await office.router.dispatch(command, office.input, role === 'organiser' ? office.boss : sessionOf(role))
      if (result.ok) answered += 1
      expect(leaks(result, fieldsHiddenFrom(spec, role)), `${command} as ${role}`).toEqual([])
      expect(leaks(events, new Set(personalFields)), `${command}'s change event`).toEqual([])
    }
    if (!needsAListeningOffice.has(command)) expect(answered, `${command} refused every role it serves, so nothing was checked`).toBeGreaterThan(0)
  })

  it('gives a check-in desk the contacts on the card of the runner at hand, and not in lists or search results', async () => {
    const office = await officeFor('checkin.status')
    const card = unwrap(await office.router.dispatch('checkin.status', office.input, desk)) as { entrant: Record<string, unknown> }
    expect(card.entrant).toMatchObject(privateDetails)
    const page = unwrap(await office.router.call('entrants.list', { limit: 10 }, desk))
    expect(page.items.length).toBeGreaterThan(0)
    for (const item of page.items) expect(item).not.toHaveProperty('email')
    const hits = unwrap(await office.router.call('entrants.search', { query: 'ji-woo' }, desk))
    expect(hits.items[0]).toMatchObject({ givenName: 'Ji-woo', birthYear: 1987 })
    expect(hits.items[0]).not.toHaveProperty('birthDate')
  })

  it('gives the organiser everything, and a results screen a runner without contacts, birth date or notes', async () => {
    const office = await officeFor('entrants.get')
    const input = office.input as { id: string }
    expect(unwrap(await office.router.call('entrants.get', input, organiser))).toMatchObject(privateDetails)
    const seen = unwrap(await office.router.call('entrants.get', input, viewer))
    expect(seen).toMatchObject({ givenName: 'Min-jun', familyName: 'Kim' })
    for (const field of personalFields) expect(seen).not.toHaveProperty(field)
  })
})
