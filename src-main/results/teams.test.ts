import { describe, expect, it } from 'vitest'
import type { TeamRules } from '../../src-shared/contract/result-rules'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

// Before the test office's clock (06:00): every finish is in its past.
const gun = Date.UTC(2025, 3, 6, 3)
type Runner = { bib: number; sex: 'F' | 'M'; club?: string; seconds: number }

async function race(runners: Runner[], teams: TeamRules) {
  const { router } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'UTC' }, organiser))
  unwrap(await router.call('races.create', { name: '8K', distanceM: 8000, bibRanges: [{ first: 1, last: 99 }], teams }, organiser))
  for (const r of runners)
    unwrap(
      await router.call(
        'entrants.create',
        { raceId: 1, givenName: `R${r.bib}`, familyName: 'Yoon', sex: r.sex, bib: r.bib, ...(r.club && { club: r.club }) },
        organiser,
      ),
    )
  unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
  for (const r of runners)
    unwrap(await router.call('timing.typeTime', { device: 'tape', seq: r.bib, raceId: 1, timeMs: r.seconds * 1000, bib: r.bib }, finishLine))
  const teamsOf = async () => unwrap(await router.call('results.teams', {}, organiser)).races[0]?.teams ?? []
  return { router, teamsOf }
}

const open = (score: TeamRules['score'], size: number, places: TeamRules['places'] = 'team'): TeamRules => ({
  score,
  size,
  sex: 'open',
  mixedMin: 1,
  places,
  from: 'club',
})

describe('team scores', () => {
  // Finish order: A, B, x (no club), A, C, B, A, C, B(4th), C — places among team runners skip x.
  const field: Runner[] = [
    { bib: 1, sex: 'M', club: 'Alpha', seconds: 1500 },
    { bib: 2, sex: 'M', club: 'Bravo', seconds: 1510 },
    { bib: 3, sex: 'M', seconds: 1520 },
    { bib: 4, sex: 'F', club: 'alpha ', seconds: 1530 },
    { bib: 5, sex: 'M', club: 'Charlie', seconds: 1540 },
    { bib: 6, sex: 'F', club: 'Bravo', seconds: 1550 },
    { bib: 7, sex: 'M', club: 'Alpha', seconds: 1560 },
    { bib: 8, sex: 'F', club: 'Charlie', seconds: 1570 },
    { bib: 9, sex: 'M', club: 'Bravo', seconds: 1580 },
    { bib: 10, sex: 'F', club: 'Charlie', seconds: 1590 },
    { bib: 11, sex: 'F', club: 'Delta', seconds: 1600 },
  ]

  it('sums the places of the first three among team runners only, lowest first, incomplete teams last', async () => {
    const { teamsOf } = await race(field, open('places', 3))
    expect((await teamsOf()).map((t) => [t.place, t.team, t.score, t.complete, t.scorers.map((s) => s.bib)])).toEqual([
      [1, 'Alpha', 1 + 3 + 6, true, [1, 4, 7]],
      [2, 'Bravo', 2 + 5 + 8, true, [2, 6, 9]],
      [3, 'Charlie', 4 + 7 + 9, true, [5, 8, 10]],
      [null, 'Delta', 10, false, [11]],
    ])
  })

  it('sums overall places when the organiser says so, and times by the sum of times', async () => {
    const overall = await race(field, open('places', 2, 'overall'))
    expect((await overall.teamsOf()).slice(0, 3).map((t) => [t.team, t.score])).toEqual([
      ['Alpha', 1 + 4],
      ['Bravo', 2 + 6],
      ['Charlie', 5 + 8],
    ])
    const times = await race(field, open('times', 2))
    expect((await times.teamsOf())[0]).toMatchObject({ team: 'Alpha', score: 3_030_000, scorers: [{ timeMs: 1_500_000 }, { timeMs: 1_530_000 }] })
  })

  it('breaks a tie by the last scorer’s place, and scores women’s and men’s teams apart', async () => {
    // Alpha 1 + 4 = 5 and Bravo 2 + 3 = 5: Bravo's last scorer (3rd) beat Alpha's (4th).
    const tie: Runner[] = [
      { bib: 1, sex: 'M', club: 'Alpha', seconds: 1500 },
      { bib: 2, sex: 'M', club: 'Bravo', seconds: 1510 },
      { bib: 3, sex: 'M', club: 'Bravo', seconds: 1520 },
      { bib: 4, sex: 'M', club: 'Alpha', seconds: 1530 },
    ]
    const { teamsOf } = await race(tie, open('places', 2))
    expect((await teamsOf()).map((t) => [t.place, t.team, t.score])).toEqual([
      [1, 'Bravo', 5],
      [2, 'Alpha', 5],
    ])
    const bySex = await race(field, { score: 'places', size: 2, sex: 'bySex', mixedMin: 1, places: 'team', from: 'club' })
    expect((await bySex.teamsOf()).map((t) => [t.sex, t.place, t.team, t.score])).toEqual([
      ['F', 1, 'Charlie', 3 + 4],
      ['F', null, 'Alpha', 1],
      ['F', null, 'Bravo', 2],
      ['F', null, 'Delta', 5],
      ['M', 1, 'Alpha', 1 + 4],
      ['M', 2, 'Bravo', 2 + 5],
      ['M', null, 'Charlie', 3],
    ])
  })

  it('takes at least the minimum of each sex in a mixed team, and says a team without them is incomplete', async () => {
    const { teamsOf } = await race(field, { score: 'places', size: 3, sex: 'mixed', mixedMin: 1, places: 'team', from: 'club' })
    const teams = await teamsOf()
    // Charlie: man 5 (4th), women 8 (7th) and 10 (9th).
    expect(teams.find((t) => t.team === 'Charlie')).toMatchObject({ complete: true, score: 4 + 7 + 9 })
    const all = await race(
      field.map((r) => ({ ...r, sex: 'M' as const })),
      { score: 'places', size: 3, sex: 'mixed', mixedMin: 1, places: 'team', from: 'club' },
    )
    expect((await all.teamsOf()).every((t) => !t.complete && t.place === null)).toBe(true)
  })

  it('awards the top N complete teams of each sex, and shows the leading teams on the board', async () => {
    const { router } = await race(field, { score: 'places', size: 2, sex: 'bySex', mixedMin: 1, places: 'team', from: 'club' })
    unwrap(await router.call('races.update', { id: 1, awardTeams: 1 }, organiser))
    const awards = unwrap(await router.call('results.awards', {}, organiser)).races[0]
    expect(awards?.teams.map((g) => [g.sex, g.teams.map((t) => [t.place, t.team])])).toEqual([
      // Only Charlie has two women: the other women's teams are incomplete.
      ['F', [[1, 'Charlie']]],
      ['M', [[1, 'Alpha']]],
    ])
    const board = unwrap(await router.call('results.board', { leaders: 2 }, organiser)).leaders[0]
    expect(board?.teamScore).toBe('places')
    expect(board?.teams.map((t) => [t.sex, t.place, t.team])).toEqual([
      ['F', 1, 'Charlie'],
      ['M', 1, 'Alpha'],
      ['M', 2, 'Bravo'],
    ])
  })
})
