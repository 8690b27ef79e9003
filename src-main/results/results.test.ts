import { describe, expect, it } from 'vitest'
import type { ResultRow } from '../../src-shared/contract/results'
import { finishLine, organiser, tempRouter, viewer } from '../../tests/support/temp-event'
import { ResultsEngine } from './engine'
import { listResults } from './service'
import { roundUp } from './standing'
import { factsChangedBy } from '../commands/registry'
import { unwrap } from '../../tests/support/results'

const gun = Date.UTC(2025, 3, 6, 0, 0, 0) // 09:00 in Seoul, race day 2025-04-06
const second = 1000
const minute = 60 * second

/** 09:MM:SS.mmm in Seoul, as a chip file writes the time of day. */
function clock(ms: number): string {
  const t = new Date(ms + 9 * 3600_000)
  return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}:${String(t.getUTCSeconds()).padStart(2, '0')}.${String(t.getUTCMilliseconds()).padStart(3, '0')}`
}

interface Entrant {
  bib: number
  sex?: 'F' | 'M' | 'X'
  birthDate?: string
  age?: number
  wave?: string
}

async function raceDay(entrants: Entrant[], race: Record<string, unknown> = {}) {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  const created = unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 999 }], ...race }, organiser))
  const ids = new Map<number, string>()
  for (const e of entrants) {
    const waveId = e.wave === undefined ? undefined : created.waves.find((w) => w.name === e.wave)?.id
    const entrant = unwrap(
      await router.call(
        'entrants.create',
        {
          raceId: created.id,
          givenName: `Runner`,
          familyName: `No${e.bib}`,
          sex: e.sex ?? 'F',
          bib: e.bib,
          ...(e.birthDate && { birthDate: e.birthDate }),
          ...(e.age !== undefined && { age: e.age }),
          ...(waveId !== undefined && { waveId }),
        },
        organiser,
      ),
    )
    ids.set(e.bib, entrant.id)
  }
  let seq = 0
  const time = async (atMs: number, bib?: number, device = 'timer') =>
    unwrap(await router.call('timing.capture', { device, seq: ++seq, point: 'finish', atMs, ...(bib !== undefined && { bib }) }, finishLine))
  let typed = 0
  const bib = async (n: number) =>
    unwrap(await router.call('timing.assignBib', { device: 'bibs', seq: ++typed, bib: n, enteredAtMs: gun + 200 * minute + typed }, finishLine))
  const upload = async (text: string) =>
    unwrap(await router.call('imports.upload', { fileName: 'reads.csv', chunk: Buffer.from(text).toString('base64') }, organiser)).id
  const reads = async (lines: [bib: number, atMs: number, point: string][]) =>
    unwrap(
      await router.call('reads.import', { id: await upload(`bib,time,point\n${lines.map(([b, at, p]) => `${b},${clock(at)},${p}`).join('\n')}\n`) }, organiser),
    )
  const results = async (input: Record<string, unknown> = {}) => unwrap(await router.call('results.list', { raceId: created.id, ...input }, organiser))
  const rowOf = async (n: number): Promise<ResultRow> => (await results()).rows.find((r) => r.bib === n) as ResultRow
  const places = async () => (await results()).rows.filter((r) => r.place !== null).map((r) => [r.bib, r.place])
  unwrap(await router.call('clock.start', { raceId: created.id, atMs: gun, device: 'finish-1' }, finishLine))
  return { router, file, race: created, ids, time, bib, reads, results, rowOf, places }
}

describe('result times', () => {
  it('rounds up to the next whole second as road races do, or to tenths and hundredths where the race says', async () => {
    expect(roundUp(83 * minute + 45 * second + 1, 's')).toBe(83 * minute + 46 * second)
    expect(roundUp(83 * minute + 45 * second, 's')).toBe(83 * minute + 45 * second)
    expect(roundUp(12_001, 'ds')).toBe(12_100)
    expect(roundUp(12_001, 'cs')).toBe(12_010)
    const day = await raceDay([{ bib: 1 }])
    await day.time(gun + 1 * 3600_000 + 23 * minute + 45 * second + 1, 1)
    expect(await day.rowOf(1)).toMatchObject({ status: 'finished', gunTimeMs: 5026 * second, netTimeMs: 5026 * second, place: 1 })
    unwrap(await day.router.call('races.update', { id: day.race.id, precision: 'ds' }, organiser))
    expect((await day.rowOf(1)).gunTimeMs).toBe(5025 * second + 100)
  })

  it('ranks on gun time or on net time as the race is set, with net time from the runner’s own start read', async () => {
    const day = await raceDay([{ bib: 1 }, { bib: 2 }])
    // Bib 1 crossed the start line 2 minutes after the gun and finished 1 minute after bib 2.
    await day.reads([
      [1, gun + 2 * minute, 'start'],
      [2, gun + 5 * second, 'start'],
    ])
    await day.time(gun + 40 * minute, 2)
    await day.time(gun + 41 * minute, 1)
    expect(await day.places()).toEqual([
      [2, 1],
      [1, 2],
    ])
    expect(await day.rowOf(1)).toMatchObject({ gunTimeMs: 41 * minute, netTimeMs: 39 * minute })
    unwrap(await day.router.call('races.update', { id: day.race.id, ranking: 'net' }, organiser))
    expect(await day.places()).toEqual([
      [1, 1],
      [2, 2],
    ])
    expect((await day.results()).race.rules.ranking).toBe('net')
  })

  it('takes net time from the wave’s gun when a runner has no start read, and gun time from their own wave', async () => {
    const day = await raceDay(
      [
        { bib: 1, wave: 'A' },
        { bib: 2, wave: 'B' },
      ],
      { waves: [{ name: 'A' }, { name: 'B' }] },
    )
    const waves = day.race.waves
    unwrap(await day.router.call('clock.start', { raceId: day.race.id, waveId: waves[0]!.id, atMs: gun, device: 'finish-1' }, finishLine))
    unwrap(await day.router.call('clock.start', { raceId: day.race.id, waveId: waves[1]!.id, atMs: gun + 10 * minute, device: 'finish-1' }, finishLine))
    await day.time(gun + 45 * minute, 1)
    await day.time(gun + 50 * minute, 2)
    expect(await day.rowOf(2)).toMatchObject({ wave: 'B', gunTimeMs: 40 * minute, netTimeMs: 40 * minute, place: 1, startAtMs: null })
    expect(await day.rowOf(1)).toMatchObject({ wave: 'A', gunTimeMs: 45 * minute, place: 2 })
  })

  it('prefers a chip finish read to a finish-line capture, and falls back to the capture when the chip was not read', async () => {
    const day = await raceDay([{ bib: 1 }, { bib: 2 }])
    await day.reads([[1, gun + 40 * minute + 300, 'finish']])
    await day.time(gun + 40 * minute + 900, 1)
    await day.time(gun + 42 * minute, 2)
    expect(await day.rowOf(1)).toMatchObject({ finishSource: 'chip', finishAtMs: gun + 40 * minute + 300, gunTimeMs: 40 * minute + second })
    expect(await day.rowOf(2)).toMatchObject({ finishSource: 'capture', gunTimeMs: 42 * minute })
  })
})

describe('places', () => {
  it('keeps the finish order within a rounded second where it is known, and shares a place only where nothing tells', async () => {
    const day = await raceDay([{ bib: 1 }, { bib: 2 }, { bib: 3 }, { bib: 4 }, { bib: 5 }, { bib: 6 }])
    // 1 and 2: the same second, bib 2 first by 400 ms.
    await day.time(gun + 30 * minute + 500, 1)
    await day.time(gun + 30 * minute + 100, 2)
    // 3 and 4: the same millisecond on one timer: its sequence tells.
    await day.time(gun + 31 * minute + 200, 4)
    await day.time(gun + 31 * minute + 200, 3)
    // 5 and 6: two chip reads at the same millisecond: nothing tells.
    await day.reads([
      [5, gun + 32 * minute, 'finish'],
      [6, gun + 32 * minute, 'finish'],
    ])
    expect(await day.places()).toEqual([
      [2, 1],
      [1, 2],
      [4, 3],
      [3, 4],
      [5, 5],
      [6, 5],
    ])
    expect((await day.rowOf(1)).gunTimeMs).toBe((await day.rowOf(2)).gunTimeMs)
  })

  it('places by sex and by category, with categories from the age on race day (a birthday on race day counts)', async () => {
    const day = await raceDay([
      { bib: 1, sex: 'M', birthDate: '1985-04-06' }, // 40 on race day
      { bib: 2, sex: 'M', birthDate: '1985-04-07' }, // 39 until tomorrow
      { bib: 3, sex: 'F', age: 41 },
      { bib: 4, sex: 'M', age: 44 },
    ])
    for (const [n, bib] of [
      [1, 2],
      [2, 3],
      [3, 1],
      [4, 4],
    ] as const)
      await day.time(gun + (30 + n) * minute, bib)
    const rows = (await day.results()).rows
    expect(rows.map((r) => [r.bib, r.place, r.sexPlace, r.category, r.categoryPlace])).toEqual([
      [2, 1, 1, 'M35', 1],
      [3, 2, 1, 'W40', 1],
      [1, 3, 2, 'M40', 1],
      [4, 4, 3, 'M40', 2],
    ])
    expect((await day.results({ sex: 'M', category: 'M40' })).rows.map((r) => r.bib)).toEqual([1, 4])
  })

  it('lists DNS, DNF, DQ (with the reason) and runners not yet finished apart from the places, and keeps every decision', async () => {
    const day = await raceDay([{ bib: 1 }, { bib: 2 }, { bib: 3 }, { bib: 4 }, { bib: 5 }])
    await day.time(gun + 30 * minute, 1)
    await day.time(gun + 31 * minute, 2)
    await day.reads([[5, gun + 10 * second, 'start']])
    const decide = async (bib: number, status: 'DNS' | 'DNF' | 'DQ' | null, reason: string) =>
      unwrap(await day.router.call('results.override', { entrantId: day.ids.get(bib) as string, status, reason }, organiser))
    await decide(1, 'DQ', 'TR 6.3.2: cut the course at 7K')
    await decide(3, 'DNS', 'Did not start')
    await decide(4, 'DNF', 'Stopped at 6K')
    const rows = (await day.results()).rows
    expect(rows.map((r) => [r.bib, r.status, r.place, r.statusReason])).toEqual([
      [2, 'finished', 1, null],
      [5, 'onCourse', null, null],
      [3, 'DNS', null, 'Did not start'],
      [4, 'DNF', null, 'Stopped at 6K'],
      [1, 'DQ', null, 'TR 6.3.2: cut the course at 7K'],
    ])
    await decide(1, null, 'Appeal upheld: the marshal sent him the wrong way')
    expect(await day.places()).toEqual([
      [1, 1],
      [2, 2],
    ])
    const history = unwrap(await day.router.call('results.history', { entrantId: day.ids.get(1) as string }, organiser))
    expect(history.map((h) => h.status)).toEqual([null, 'DQ'])
    expect(await day.router.call('results.override', { entrantId: day.ids.get(2) as string, status: 'DQ', reason: 'x' }, viewer)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    })
  })

  it('gives split times and positions at each timing point on the race’s basis', async () => {
    const day = await raceDay([{ bib: 1 }, { bib: 2 }])
    unwrap(await day.router.call('timing.setPoints', { splits: [{ name: '5K', distanceM: 5000 }] }, organiser))
    await day.reads([
      [1, gun + 21 * minute, '5K'],
      [2, gun + 20 * minute, '5K'],
    ])
    await day.time(gun + 40 * minute, 1)
    await day.time(gun + 41 * minute, 2)
    expect((await day.rowOf(1)).splits).toEqual([{ point: '5K', distanceM: 5000, gunTimeMs: 21 * minute, netTimeMs: 21 * minute, position: 2 }])
    expect((await day.rowOf(2)).splits[0]).toMatchObject({ position: 1 })
  })
})

describe('keeping results current', () => {
  it('moves runners capture by capture exactly as a fresh reading of the file would place them', async () => {
    const day = await raceDay(Array.from({ length: 40 }, (_, i) => ({ bib: i + 1, sex: i % 3 === 0 ? 'M' : 'F', age: 20 + i })))
    await day.results()
    // Times, bibs typed in finish order (some ahead of their times, some behind), bibs with their
    // time, a time inserted before earlier ones: each step checked against a fresh engine.
    let random = 7
    const next = (n: number): number => ((random = (Math.imul(random, 1664525) + 1013904223) >>> 0) >>> 16) % n
    const fresh = new ResultsEngine(day.file.sqlite, factsChangedBy)
    const order = (rows: ResultRow[]) => rows.map((r) => [r.bib, r.status, r.gunTimeMs, r.place, r.sexPlace, r.categoryPlace])
    const bibs = Array.from({ length: 40 }, (_, i) => i + 1)
    for (let step = 0; step < 60; step++) {
      const choice = next(4)
      if (choice === 0 || choice === 1) await day.time(gun + (30 + next(40)) * minute + next(1000))
      else if (choice === 2 && bibs.length > 0) await day.bib(bibs.splice(next(bibs.length), 1)[0] as number)
      else if (bibs.length > 0) await day.time(gun + (30 + next(40)) * minute, bibs.splice(next(bibs.length), 1)[0])
      const live = (await day.results({ limit: 100 })).rows
      fresh.reset()
      expect(order(live)).toEqual(order(listResults(fresh, { raceId: day.race.id, offset: 0, limit: 100, sort: 'place' }).rows))
    }
    expect((await day.results()).race.counts.finished).toBeGreaterThan(20)
  })
})

describe('problems before publishing', () => {
  it('lists times without a bib, bibs without a time, unknown bibs, duplicate finishes, start reads without a finish, impossible times and a device whose clock was never measured, until an official has checked them', async () => {
    const day = await raceDay([{ bib: 1 }, { bib: 2 }, { bib: 3 }, { bib: 4 }])
    await day.time(gun + 30 * minute, 1)
    await day.time(gun + 31 * minute, 1)
    await day.time(gun + 32 * minute)
    await day.bib(2)
    await day.bib(4)
    await day.time(gun + 33 * minute, 77)
    await day.time(gun + 5 * minute, 3)
    await day.reads([[4, gun + 3 * second, 'start']])
    const { problems, open } = unwrap(await day.router.call('results.problems', {}, organiser))
    expect(problems.map((p) => [p.kind, p.bib]).sort()).toEqual(
      [
        ['bibWithoutTime', 4],
        ['clockUnknown', null],
        ['duplicateFinish', 1],
        ['impossibleTime', 3],
        ['startWithoutFinish', 4],
        ['unknownBib', 77],
      ].sort(),
    )
    expect(problems.find((p) => p.kind === 'clockUnknown')).toMatchObject({ device: 'timer', count: 5 })
    expect(open).toBe(6)
    const duplicate = problems.find((p) => p.kind === 'duplicateFinish')!
    expect(duplicate.timesMs).toEqual([30 * minute, 31 * minute])
    const checked = unwrap(await day.router.call('results.checkProblem', { key: duplicate.key, note: 'Second press was the runner behind' }, organiser))
    expect(checked.checked).toMatchObject({ note: 'Second press was the runner behind', actor: 'Test Organiser' })
    expect(unwrap(await day.router.call('results.problems', {}, organiser)).open).toBe(5)
    expect((await day.results()).openProblems).toBe(5)
    expect(await day.router.call('results.checkProblem', { key: 'time:nothing', note: 'x' }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('a problem’s times', () => {
  it('are rounded up as the results show them, so Problems and Results never disagree on a time', async () => {
    const day = await raceDay([{ bib: 1 }])
    await day.time(gun + 30 * minute + 400, 1)
    await day.time(gun + 31 * minute + 1, 1)
    const duplicate = unwrap(await day.router.call('results.problems', {}, organiser)).problems.find((p) => p.kind === 'duplicateFinish')
    expect(duplicate?.timesMs).toEqual([30 * minute + second, 31 * minute + second])
    expect((await day.rowOf(1)).gunTimeMs).toBe(duplicate?.timesMs[0])
  })
})

describe('the finish-line board', () => {
  it('counts on course only the runners of races whose gun has fired (or who crossed the start mat)', async () => {
    const day = await raceDay([{ bib: 1 }, { bib: 2 }, { bib: 3 }])
    const half = unwrap(await day.router.call('races.create', { name: 'Half', distanceM: 21097, bibRanges: [{ first: 1000, last: 1999 }] }, organiser))
    for (const bib of [1001, 1002, 1003, 1004])
      unwrap(await day.router.call('entrants.create', { raceId: half.id, givenName: 'Later', familyName: `No${bib}`, sex: 'M', bib }, organiser))
    await day.time(gun + 40 * minute, 1)
    expect(unwrap(await day.router.call('results.board', {}, organiser))).toMatchObject({ finishers: 1, onCourse: 2 })
    await day.reads([[1001, gun + 2 * second, 'start']])
    expect(unwrap(await day.router.call('results.board', {}, organiser)).onCourse).toBe(3)
  })
})

describe('awards', () => {
  async function podium(excludeOverall: boolean) {
    const day = await raceDay(
      [
        { bib: 1, sex: 'M', age: 42 },
        { bib: 2, sex: 'M', age: 43 },
        { bib: 3, sex: 'M', age: 44 },
        { bib: 4, sex: 'M', age: 41 },
        { bib: 5, sex: 'F', age: 45 },
      ],
      { awardOverall: 2, awardCategory: 1, awardExcludeOverall: excludeOverall },
    )
    for (const bib of [1, 2, 3, 4, 5]) await day.time(gun + (30 + bib) * minute, bib)
    const { races } = unwrap(await day.router.call('results.awards', { raceId: day.race.id }, viewer))
    const award = races[0]!
    return {
      overall: award.overall.map((g) => [g.sex, g.rows.map((r) => r.bib)]),
      categories: award.categories.map((g) => [g.category, g.rows.map((r) => r.bib)]),
    }
  }

  it('gives the top N of each sex overall and the next runners their category awards when overall winners are taken out', async () => {
    expect(await podium(true)).toEqual({
      overall: [
        ['F', [5]],
        ['M', [1, 2]],
      ],
      categories: [['M40', [3]]],
    })
  })

  it('awards overall winners in their category too when the organiser says so', async () => {
    expect(await podium(false)).toEqual({
      overall: [
        ['F', [5]],
        ['M', [1, 2]],
      ],
      categories: [
        ['M40', [1]],
        ['W45', [5]],
      ],
    })
  })
})
