import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'
import { nearMissBibs } from './near-miss'

describe('the bibs a typed bib may have meant', () => {
  it('offers a neighbouring key, two digits swapped, a digit missing or doubled, and any digit for *', () => {
    const from215 = nearMissBibs('215')
    expect(from215.get(216)).toBe('neighbourKey')
    expect(from215.get(212)).toBe('neighbourKey')
    expect(from215.get(125)).toBe('swapped')
    expect(from215.get(2150)).toBe('missingDigit')
    expect(from215.has(295)).toBe(false)
    expect(nearMissBibs('2155').get(215)).toBe('doubledDigit')
    expect(nearMissBibs('25').get(215)).toBe('missingDigit')
    expect([...nearMissBibs('2*5').keys()]).toEqual([205, 215, 225, 235, 245, 255, 265, 275, 285, 295])
    expect([...nearMissBibs('*').keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(nearMissBibs('****').size).toBe(0)
  })
})

describe('near-miss bibs at the finish', () => {
  // 300 runners, bibs 100–399, each predicted to finish 6 s after the one before (bib 100 at 40 min).
  const gun = Date.UTC(2025, 3, 6)
  const predicted = (bib: number) => 2_400_000 + (bib - 100) * 6000
  async function field() {
    const { router } = await tempRouter()
    unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'UTC' }, organiser))
    unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 100, last: 399 }] }, organiser))
    unwrap(await router.call('races.create', { name: '5K', distanceM: 5000, bibRanges: [{ first: 500, last: 599 }] }, organiser))
    for (let bib = 100; bib <= 399; bib++)
      unwrap(
        await router.call(
          'entrants.create',
          { raceId: 1, givenName: `Runner${bib}`, familyName: 'Kim', sex: 'F', bib, predictedTimeMs: predicted(bib) },
          organiser,
        ),
      )
    unwrap(await router.call('entrants.create', { raceId: 2, givenName: 'Late', familyName: 'Starter', sex: 'M', bib: 515 }, organiser))
    unwrap(await router.call('clock.start', { raceId: 1, atMs: gun, device: 'f' }, finishLine))
    // The first runners are in: 100–210 crossed in their predicted order.
    for (let bib = 100; bib <= 210; bib++)
      unwrap(await router.call('timing.capture', { device: 't', seq: bib, point: 'finish', atMs: gun + predicted(bib), bib }, finishLine))
    return router
  }
  const candidates = async (router: Awaited<ReturnType<typeof field>>, typed: string, atMs: number) =>
    unwrap(await router.call('timing.nearMiss', { typed, atMs }, finishLine)).candidates

  it('finds each typo’s intended bib among the first three, the runner on course and expected about now first', async () => {
    const router = await field()
    // What the official typed, and the runner who crossed (at their predicted time).
    const typos: [string, number][] = [
      ['2155', 215], // 5 pressed twice: nobody wears 2155
      ['21', 215], // a digit missed
      ['2*5', 215], // the middle digit could not be read
      ['415', 215], // 4 for its neighbour 2: nobody wears 415
      ['206', 226], // 0 for 2 (206 has finished)
      ['251', 215], // two digits swapped (251 is on course but expected later)
      ['33*', 333],
      ['3333', 333],
    ]
    const found: Record<string, number[]> = {}
    for (const [typed, intended] of typos) {
      const list = await candidates(router, typed, gun + predicted(intended))
      found[typed] = list.slice(0, 3).map((c) => c.bib)
      expect(found[typed], `typed ${typed} for ${intended}: ${JSON.stringify(list.slice(0, 5))}`).toContain(intended)
    }
    expect(found['2155']?.[0]).toBe(215)
    expect(found['2*5']?.[0]).toBe(215)
  })

  it('says why each candidate is one, and puts a runner through here already or not started behind those on course', async () => {
    const router = await field()
    const list = await candidates(router, '515', gun + predicted(215))
    expect(list[0]).toMatchObject({
      bib: 215,
      reason: 'neighbourKey',
      state: 'onCourse',
      race: '10K',
      name: 'Runner215 Kim',
      expectedAtMs: gun + predicted(215),
    })
    // 515 itself wears a race not started yet, so it is not offered as typed.
    expect(list.find((c) => c.bib === 515)).toBeUndefined()
    // 200 and 210 have finished: the eight on course come first, nearest to when they were expected.
    const behind = await candidates(router, '2*0', gun + predicted(215))
    expect(behind.map((c) => c.bib)).toEqual([220, 230, 240, 250, 260, 270, 280, 290])
    const finished = await candidates(router, '1*9', gun + predicted(215))
    expect(finished.map((c) => c.state)).toEqual(Array(8).fill('alreadyHere'))
  })

  it('offers the same candidates on the problems list for a finish time whose bib nobody wears', async () => {
    const router = await field()
    unwrap(await router.call('timing.capture', { device: 't', seq: 999, point: 'finish', atMs: gun + predicted(215), bib: 2155 }, finishLine))
    const { problems } = unwrap(await router.call('results.problems', {}, organiser))
    const unknown = problems.find((p) => p.kind === 'unknownBib')
    expect(unknown).toMatchObject({ bib: 2155, candidates: [{ bib: 215, name: 'Runner215 Kim', race: '10K' }] })
    expect(problems.filter((p) => p.kind !== 'unknownBib').every((p) => p.candidates.length === 0)).toBe(true)
  })

  it('answers nothing for a typo no runner is near, and refuses what is not digits and *', async () => {
    const router = await field()
    expect(await candidates(router, '9999999', gun)).toEqual([])
    expect(await router.call('timing.nearMiss', { typed: '21a' }, finishLine)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
