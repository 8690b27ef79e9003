import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

const gun = Date.UTC(2025, 3, 6, 3)

/** Eight men: five of 40-44, one 47, two 71 and 73; timed in that order. */
async function field() {
  const { router } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'UTC' }, organiser))
  unwrap(await router.call('races.create', { name: '5K', distanceM: 5000, bibRanges: [{ first: 1, last: 99 }], awardCategory: 1 }, organiser))
  const ages = [40, 41, 42, 43, 44, 47, 71, 73]
  for (const [i, age] of ages.entries())
    unwrap(await router.call('entrants.create', { raceId: 1, givenName: `R${i + 1}`, familyName: 'Kang', sex: 'M', age, bib: i + 1 }, organiser))
  unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
  for (const [i] of ages.entries())
    unwrap(await router.call('timing.typeTime', { device: 'tape', seq: i + 1, raceId: 1, timeMs: (1200 + i) * 1000, bib: i + 1 }, finishLine))
  const categories = async () => unwrap(await router.call('results.list', { raceId: 1 }, organiser)).rows.map((r) => `${r.category} ${r.categoryPlace}`)
  const awarded = async () => unwrap(await router.call('results.awards', {}, organiser)).races[0]?.categories.map((g) => `${g.category}: ${g.rows[0]?.bib}`)
  return { router, categories, awarded }
}

describe('age bands split or merged by the field', () => {
  it('merges bands of fewer than N into their smaller neighbour, places and awards following', async () => {
    const { router, categories, awarded } = await field()
    expect(await categories()).toEqual(['M40 1', 'M40 2', 'M40 3', 'M40 4', 'M40 5', 'M45 1', 'M70 1', 'M70 2'])
    unwrap(await router.call('races.update', { id: 1, bands: { adapt: 'merge', runners: 3 } }, organiser))
    expect(await categories()).toEqual(['M40 1', 'M40 2', 'M40 3', 'M40 4', 'M40 5', 'M45-74 1', 'M45-74 2', 'M45-74 3'])
    // The first three won overall: the band's award goes to the next.
    expect(await awarded()).toEqual(['M40: 4', 'M45-74: 6'])
  })

  it('splits a band of more than N, and goes back to the bands as set when told', async () => {
    const { router, categories } = await field()
    unwrap(await router.call('races.update', { id: 1, bands: { adapt: 'split', runners: 4 } }, organiser))
    expect(await categories()).toEqual(['M40-41 1', 'M40-41 2', 'M42-44 1', 'M42-44 2', 'M42-44 3', 'M45 1', 'M70 1', 'M70 2'])
    unwrap(await router.call('races.update', { id: 1, bands: null }, organiser))
    expect((await categories())[4]).toBe('M40 5')
  })
})
