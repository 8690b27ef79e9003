import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

describe('podiums while the race is on', () => {
  it('show the winners as they finish, provisional until the race’s problems are all checked', async () => {
    const { router } = await tempRouter()
    unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'UTC' }, organiser))
    unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
    unwrap(await router.call('races.create', { name: '5K', distanceM: 5000, bibRanges: [{ first: 100, last: 199 }] }, organiser))
    for (const bib of [1, 2, 100])
      unwrap(await router.call('entrants.create', { raceId: bib < 100 ? 1 : 2, givenName: `R${bib}`, familyName: 'Han', sex: 'F', bib }, organiser))
    // Before the test office's clock (06:00): every time is in its past.
    const gun = Date.UTC(2025, 3, 6, 3)
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
    unwrap(await router.call('clock.set', { raceId: 2, atMs: gun }, finishLine))
    const podium = async () =>
      unwrap(await router.call('results.awards', {}, organiser)).races.map((r) => [r.race.name, r.provisional, r.overall[0]?.rows.map((w) => w.bib)])
    unwrap(await router.call('timing.typeTime', { device: 'tape', seq: 1, raceId: 1, timeMs: 2_000_000, bib: 2 }, finishLine))
    unwrap(await router.call('timing.typeTime', { device: 'tape', seq: 2, raceId: 2, timeMs: 1_500_000, bib: 100 }, finishLine))
    expect(await podium()).toEqual([
      ['10K', false, [2]],
      ['5K', false, [100]],
    ])
    // A bib nobody wears may be any race's runner: every podium is provisional until it is checked.
    unwrap(await router.call('timing.typeTime', { device: 'tape', seq: 3, raceId: 1, timeMs: 2_100_000, bib: 55 }, finishLine))
    unwrap(await router.call('timing.typeTime', { device: 'tape', seq: 4, raceId: 1, timeMs: 2_200_000, bib: 1 }, finishLine))
    const problems = unwrap(await router.call('results.problems', {}, organiser)).problems
    expect(problems.map((p) => [p.kind, p.race])).toEqual([['unknownBib', null]])
    expect((await podium()).map(([race, provisional]) => [race, provisional])).toEqual([
      ['10K', true],
      ['5K', true],
    ])
    const board = unwrap(await router.call('results.board', {}, organiser))
    expect(board.leaders.map((l) => [l.race, l.provisional])).toEqual([
      ['10K', true],
      ['5K', true],
    ])
    unwrap(await router.call('results.checkProblem', { key: problems[0]?.key as string, note: 'a pacer' }, organiser))
    expect(await podium()).toEqual([
      ['10K', false, [2, 1]],
      ['5K', false, [100]],
    ])
  })
})
