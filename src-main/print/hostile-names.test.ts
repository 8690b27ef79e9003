import { describe, expect, it } from 'vitest'
import { type PrintRequestInput } from '../../src-shared/contract/prints'
import { pdfPageCount, pdfText, printToFile } from '../../tests/support/pdf'
import { organiser, tempRouter } from '../../tests/support/temp-event'

// Names are printed as text, whatever they hold: PDF string syntax, markup, formulas and SQL
// neither break the document nor vanish from it.
const hostileNames = [
  ['<b>Ana</b>', 'Kim'],
  ['Bo', "'); DROP TABLE entrant;--"],
  ['Cy) Tj ET (', 'Park'],
  ['%PDF-1.4', 'Lee'],
  ['=1+1', '@SUM(A1)'],
  ['\\(Di\\)', 'Choi'],
] as const

const gun = Date.UTC(2025, 3, 6, 0)

describe('documents with hostile names', () => {
  it.each(['sheets', 'lists', 'labels', 'results', 'awards', 'certificates'] as const)('%s print every name literally and stay valid PDFs', async (kind) => {
    const { file, router } = await tempRouter()
    expect((await router.call('event.update', { name: '<script>alert(1)</script> 10K' }, organiser)).ok).toBe(true)
    await router.call('races.create', { name: '10K', distanceM: 10_000, bibRanges: [{ first: 1, last: 99 }] }, organiser)
    for (const [index, [givenName, familyName]] of hostileNames.entries()) {
      const created = await router.call('entrants.create', { raceId: 1, givenName, familyName, sex: 'F', age: 30 + index, bib: index + 1 }, organiser)
      expect(created.ok, JSON.stringify(created)).toBe(true)
    }
    // Everyone finishes, so the results, the award list and the certificates name them all.
    await router.call('clock.start', { raceId: 1, atMs: gun, device: 'starter' }, organiser)
    for (const [index] of hostileNames.entries()) {
      await router.call('timing.capture', { device: 'timer', seq: index + 1, point: 'finish', atMs: gun + 2_400_000 + index * 1000, bib: index + 1 }, organiser)
    }
    const { path } = await printToFile(file, { kind } satisfies PrintRequestInput)
    expect(pdfPageCount(path)).toBeGreaterThan(0)
    const text = pdfText(path).replace(/\s+/g, ' ')
    for (const [givenName] of hostileNames) expect(text, givenName).toContain(givenName)
    if (kind === 'lists' || kind === 'results') {
      expect(text).toContain('<script>alert(1)</script> 10K')
      for (const [, familyName] of hostileNames) expect(text, familyName).toContain(familyName)
    }
    expect(file.sqlite.prepare('select count(*) from entrant').pluck().get()).toBe(hostileNames.length)
  })
})
