import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { type PrintRequestInput } from '../src-shared/contract/prints'
import { pdfText, printToFile } from './support/pdf'
import { organiser, tempRouter } from './support/temp-event'

// One Korean runner and one Western runner, through every output that shows, prints or exports a
// name: each comes out as its owner writes it (김민준, Mary Smith), never as "민준 김".
const korean = { givenName: '민준', familyName: '김', written: '김민준', filed: '김민준', wrong: '민준 김' }
const western = { givenName: 'Mary', familyName: 'Smith', written: 'Mary Smith', filed: 'Smith, Mary', wrong: 'Smith Mary' }
const gun = Date.UTC(2025, 3, 6, 0)

async function raceWithBoth() {
  const { file, router } = await tempRouter()
  await router.call('races.create', { name: '10K', distanceM: 10_000, bibRanges: [{ first: 1, last: 99 }] }, organiser)
  const ids: string[] = []
  for (const [index, runner] of [korean, western].entries()) {
    const created = await router.call(
      'entrants.create',
      { raceId: 1, givenName: runner.givenName, familyName: runner.familyName, sex: 'F', age: 30, bib: index + 1 },
      organiser,
    )
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    ids.push(created.value.id)
  }
  await router.call('clock.start', { raceId: 1, atMs: gun, device: 'starter' }, organiser)
  // Two finish times each: both finish, and each has a duplicate-finish problem that names them.
  let seq = 0
  for (const bib of [1, 2, 1, 2])
    await router.call('timing.capture', { device: 'timer', seq: ++seq, point: 'finish', atMs: gun + 2_400_000 + seq * 1000, bib }, organiser)
  return { file, router, ids }
}

function expectWritten(text: string, form: 'written' | 'filed' = 'written'): void {
  const flat = text.replace(/\s+/g, ' ')
  for (const runner of [korean, western]) {
    expect(flat, runner[form]).toContain(runner[form])
    expect(flat, runner.wrong).not.toContain(runner.wrong)
  }
}

describe("a person's name in every output", () => {
  it.each([
    ['sheets', 'written'],
    ['lists', 'filed'],
    ['labels', 'written'],
    ['results', 'written'],
    ['awards', 'written'],
    ['certificates', 'written'],
  ] as const)('is printed in its owner’s order on %s', async (kind, form) => {
    const { file } = await raceWithBoth()
    const { path } = await printToFile(file, { kind } satisfies PrintRequestInput)
    expectWritten(pdfText(path), form)
  })

  it('is shown in its owner’s order by the audit trail, the problems list, the finish line and the bib plan', async () => {
    const { router } = await raceWithBoth()
    const audit = await router.call('audit.list', { limit: 50 }, organiser)
    const problems = await router.call('results.problems', {}, organiser)
    const captures = await router.call('timing.list', { point: 'finish' }, organiser)
    const plan = await router.call('bibs.plan', { raceId: 1, rule: 'alphabetical' }, organiser)
    for (const answer of [audit, problems, captures, plan]) {
      expect(answer.ok, JSON.stringify(answer)).toBe(true)
      expectWritten(JSON.stringify(answer))
    }
  })

  it('is exported in its owner’s order on the results site', async () => {
    const { router } = await raceWithBoth()
    const site = await router.call('results.export', { format: 'html' }, organiser)
    if (!site.ok) throw new Error(JSON.stringify(site.error))
    const files = unzipSync(Buffer.from(site.value.base64, 'base64'))
    expectWritten(
      Object.values(files)
        .map((bytes) => strFromU8(bytes))
        .join('\n'),
    )
  })

  it('is written in its owner’s order in what a refusal says', async () => {
    const { router, ids } = await raceWithBoth()
    const messages: string[] = []
    for (const entrantId of ids) {
      await router.call('checkin.checkIn', { entrantId }, organiser)
      const refused = await router.call('entrants.delete', { id: entrantId }, organiser)
      if (!refused.ok) messages.push(refused.error.message)
    }
    expectWritten(messages.join('\n'))
  })
})
