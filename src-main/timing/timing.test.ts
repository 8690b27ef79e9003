import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

const gun = Date.UTC(2025, 3, 6, 0, 0, 0) // 09:00 in Seoul
const minute = 60_000

async function raceDay() {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
  unwrap(await router.call('races.create', { name: 'Half', distanceM: 21097, bibRanges: [{ first: 100, last: 199 }] }, organiser))
  for (const [bib, given] of [
    [1, 'Ana'],
    [2, 'Bo'],
    [3, 'Cy'],
    [4, 'Di'],
    [5, 'Ed'],
  ] as const) {
    unwrap(await router.call('entrants.create', { raceId: 1, givenName: given, familyName: 'Runner', sex: 'F', bib }, organiser))
  }
  unwrap(await router.call('entrants.create', { raceId: 2, givenName: 'Hal', familyName: 'Half', sex: 'M', bib: 100 }, organiser))
  unwrap(await router.call('clock.start', { raceId: 1, atMs: gun, device: 'finish-1' }, finishLine))
  let seq = 0
  const time = async (atMs: number, bib?: number) =>
    unwrap(await router.call('timing.capture', { device: 'timer', seq: ++seq, point: 'finish', atMs, ...(bib !== undefined && { bib }) }, finishLine))
  let bibSeq = 0
  const bib = async (n: number) =>
    unwrap(await router.call('timing.assignBib', { device: 'bibs', seq: ++bibSeq, bib: n, enteredAtMs: gun + 100 * minute + bibSeq }, finishLine))
  const order = async () =>
    unwrap(await router.call('timing.list', {}, organiser))
      .captures.filter((c) => c.state === 'active')
      .map((c) => c.bib)
  return { router, file, time, bib, order }
}

describe('capturing finish times', () => {
  it('stores one time per key press with its device, sequence and a time-ordered id, and answers a resend with the same capture', async () => {
    const { router, time } = await raceDay()
    const first = await time(gun + 40 * minute)
    expect(first.duplicate).toBe(false)
    expect(first.capture).toMatchObject({ device: 'timer', seq: 1, point: 'finish', atMs: gun + 40 * minute, bib: null, order: 1, state: 'active' })
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    const resend = unwrap(await router.call('timing.capture', { device: 'timer', seq: 1, point: 'finish', atMs: gun + 40 * minute }, finishLine))
    expect(resend).toMatchObject({ id: first.id, duplicate: true })
    const clash = await router.call('timing.capture', { device: 'timer', seq: 1, point: 'finish', atMs: gun + 41 * minute }, finishLine)
    expect(clash).toMatchObject({ ok: false, error: { code: 'CAPTURE_SEQ_TAKEN' } })
    expect(unwrap(await router.call('timing.list', {}, organiser)).total).toBe(1)
  })

  it('matches bibs typed in finish order to the next open time, in either order of arrival', async () => {
    const { time, bib, order } = await raceDay()
    await time(gun + 40 * minute)
    await time(gun + 41 * minute)
    const first = await bib(3)
    expect(first.capture).toMatchObject({ bib: 3, order: 1, elapsedMs: 40 * minute, runner: { name: 'Cy Runner', race: '10K' } })
    await bib(1)
    const early = await bib(2)
    expect(early.capture).toBeNull()
    const third = await time(gun + 42 * minute)
    expect(third.capture.bib).toBe(2)
    expect(await order()).toEqual([3, 1, 2])
  })

  it('takes a bib typed with its time at once, and merges two devices’ sequences around it', async () => {
    const { time, bib, order } = await raceDay()
    await time(gun + 40 * minute)
    await time(gun + 41 * minute, 5)
    await time(gun + 42 * minute)
    await bib(1)
    await bib(2)
    expect(await order()).toEqual([1, 5, 2])
  })

  it('gives a bib to one chosen time, where its bib was typed, and numbers a script’s bibs itself', async () => {
    const { router, time, bib, order } = await raceDay()
    const first = await time(gun + 40 * minute)
    const second = await time(gun + 41 * minute)
    await bib(1)
    const given = unwrap(await router.call('timing.assignBib', { captureId: first.id, bib: 4 }, finishLine))
    expect(given).toMatchObject({ id: first.id, duplicate: false, bib: 4, capture: { bib: 4, order: 1 } })
    expect(await order()).toEqual([4, null])
    expect(unwrap(await router.call('timing.assignBib', { captureId: second.id, bib: 5 }, finishLine)).capture).toMatchObject({ bib: 5, order: 2 })
    expect(await order()).toEqual([4, 5])
    expect(unwrap(await router.call('timing.history', { captureId: second.id }, organiser))).toMatchObject([
      { action: 'editBib', after: { bib: 5 }, reason: 'bib given to this time' },
    ])
    const scripted = unwrap(await router.call('timing.assignBib', { bib: 2 }, organiser))
    expect(scripted).toMatchObject({ duplicate: false, capture: null, warnings: ['notPickedUp'] })
    expect(await router.call('timing.assignBib', { bib: 2, device: 'x' }, organiser)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('warns, without refusing, of an unknown bib, a second finish, a race not started, a runner not picked up and a pace faster than the world record', async () => {
    const { time } = await raceDay()
    expect((await time(gun + 40 * minute, 77)).capture.warnings).toEqual(['unknownBib'])
    expect((await time(gun + 41 * minute, 1)).capture.warnings).toEqual(['notPickedUp'])
    expect((await time(gun + 42 * minute, 1)).capture.warnings).toEqual(['alreadyFinished', 'notPickedUp'])
    expect((await time(gun + 43 * minute, 100)).capture.warnings).toEqual(['raceNotStarted', 'notPickedUp'])
    expect((await time(gun + 20 * minute, 2)).capture.warnings).toEqual(['notPickedUp', 'fasterThanWorldRecord'])
  })

  it('refuses a point that is not set up, and takes a split once it is', async () => {
    const { router } = await raceDay()
    const capture = { device: 'split', seq: 1, point: '5K', atMs: gun + 20 * minute, bib: 1 }
    expect(await router.call('timing.capture', capture, finishLine)).toMatchObject({ ok: false, error: { code: 'POINT_UNKNOWN' } })
    unwrap(await router.call('timing.setPoints', { splits: [{ name: '5K', distanceM: 5000 }] }, organiser))
    expect(unwrap(await router.call('timing.capture', capture, finishLine)).capture).toMatchObject({ point: '5K', bib: 1, warnings: ['notPickedUp'] })
  })
})

describe('correcting the sequence', () => {
  async function threeFinishers() {
    const day = await raceDay()
    const times = [await day.time(gun + 40 * minute), await day.time(gun + 41 * minute), await day.time(gun + 42 * minute)]
    for (const n of [1, 2, 3]) await day.bib(n)
    return { ...day, ids: times.map((t) => t.id) }
  }

  it('takes a double press out (kept as deleted), and the bibs after it move up a time', async () => {
    const { router, order, ids } = await threeFinishers()
    unwrap(await router.call('timing.correct', { action: 'delete', captureId: ids[1] as string, reason: 'double press' }, finishLine))
    expect(await order()).toEqual([1, 2])
    const list = unwrap(await router.call('timing.list', {}, organiser))
    expect(list.captures.find((c) => c.id === ids[1])).toMatchObject({ state: 'deleted', stateReason: 'double press', order: null })
    expect(list.waiting.map((w) => w.bib)).toEqual([3])
    unwrap(await router.call('timing.correct', { action: 'restore', captureId: ids[1] as string, reason: 'it was a runner' }, finishLine))
    expect(await order()).toEqual([1, 2, 3])
    const history = unwrap(await router.call('timing.history', { captureId: ids[1] as string }, organiser))
    expect(history.map((h) => [h.action, h.before, h.after, h.reason])).toEqual([
      ['delete', { state: 'active', state_reason: null }, { state: 'deleted', state_reason: 'double press' }, 'double press'],
      ['restore', { state: 'deleted', state_reason: 'double press' }, { state: 'active', state_reason: null }, 'it was a runner'],
    ])
  })

  it('inserts a missed time between two others, and the bibs fall into place', async () => {
    const { router, order } = await threeFinishers()
    unwrap(
      await router.call(
        'timing.correct',
        { action: 'insert', device: 'timer', seq: 99, atMs: gun + 40.5 * minute, reason: 'missed press (video)' },
        finishLine,
      ),
    )
    expect(await order()).toEqual([1, 2, 3, null])
  })

  it('marks a capture not a runner, and it takes no bib', async () => {
    const { router, order, ids } = await threeFinishers()
    unwrap(await router.call('timing.correct', { action: 'notRunner', captureId: ids[0] as string, reason: 'lead bike' }, finishLine))
    expect(await order()).toEqual([1, 2])
    expect(await router.call('timing.correct', { action: 'notRunner', captureId: ids[0] as string, reason: 'again' }, finishLine)).toMatchObject({
      ok: false,
      error: { code: 'CAPTURE_STATE' },
    })
  })

  it('edits the bib of a time where it was typed, and taking a typed bib off moves the later ones up', async () => {
    const { router, order, ids } = await threeFinishers()
    unwrap(await router.call('timing.correct', { action: 'editBib', captureId: ids[1] as string, bib: 4, reason: 'misread 2 for 4' }, finishLine))
    expect(await order()).toEqual([1, 4, 3])
    unwrap(
      await router.call('timing.correct', { action: 'editBib', captureId: ids[0] as string, bib: null, reason: 'typed a bib that did not finish' }, finishLine),
    )
    expect(await order()).toEqual([4, 3, null])
  })

  it('shifts bibs down a time (a gap before them) and up again', async () => {
    const { router, order, ids } = await threeFinishers()
    unwrap(
      await router.call(
        'timing.correct',
        { action: 'shift', captureId: ids[1] as string, direction: 'down', device: 'bibs', seq: 50, reason: 'a bib was missed' },
        finishLine,
      ),
    )
    expect(await order()).toEqual([1, null, 2])
    const list = unwrap(await router.call('timing.list', {}, organiser))
    expect(list.waiting.map((w) => w.bib)).toEqual([3])
    unwrap(
      await router.call(
        'timing.correct',
        { action: 'shift', captureId: ids[2] as string, direction: 'up', device: 'bibs', seq: 51, reason: 'no, it was not' },
        finishLine,
      ),
    )
    expect(await order()).toEqual([1, 2, 3])
    expect(
      await router.call('timing.correct', { action: 'shift', captureId: ids[0] as string, direction: 'up', device: 'bibs', seq: 52, reason: 'x' }, finishLine),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_TO_SHIFT' },
    })
  })

  it('never lets a desk role or a viewer capture', async () => {
    const { router } = await raceDay()
    const capture = { device: 'x', seq: 1, point: 'finish', atMs: gun }
    expect(await router.call('timing.capture', capture, { role: 'desk', actor: 'a', desk: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    })
    expect(await router.call('timing.capture', capture, { role: 'viewer', actor: 'a', desk: 'b' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    })
  })
})

describe('a finish-line device', () => {
  it('captures, corrects and starts clocks, but sets nothing up and imports nothing', async () => {
    const { router, time } = await raceDay()
    const { id } = await time(gun + 40 * minute, 1)
    expect(await router.call('timing.correct', { action: 'delete', captureId: id, reason: 'double press' }, finishLine)).toMatchObject({ ok: true })
    expect(await router.call('timing.setPoints', { splits: [] }, finishLine)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect(await router.call('reads.import', { id: 'x' }, finishLine)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect(await router.call('races.update', { id: 1, name: 'Renamed' }, finishLine)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect(await router.call('entrants.delete', { id: 'x' }, finishLine)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
  })
})

describe('the race clock', () => {
  it('starts once; a second start or a typed gun is a correction that needs a reason, and the history is kept', async () => {
    const { router } = await raceDay()
    expect(await router.call('clock.start', { raceId: 1, atMs: gun + 5000, device: 'finish-1' }, finishLine)).toMatchObject({
      ok: false,
      error: { code: 'CLOCK_ALREADY_STARTED' },
    })
    const corrected = unwrap(await router.call('clock.set', { raceId: 1, atMs: gun - 2000, reason: 'gun was 2 s before the key' }, finishLine))
    expect(corrected).toMatchObject({ race: '10K', gunAtMs: gun - 2000 })
    expect(corrected.history.map((h) => [h.source, h.gunAtMs, h.reason])).toEqual([
      ['typed', gun - 2000, 'gun was 2 s before the key'],
      ['key', gun, null],
    ])
  })

  it('gives a wave its own gun, and its runners’ times count from it', async () => {
    const { router, time } = await raceDay()
    unwrap(await router.call('races.update', { id: 2, waves: [{ name: 'A' }, { name: 'B' }] }, organiser))
    const clocks = unwrap(await router.call('clock.list', {}, organiser))
    const waveB = clocks.find((c) => c.race === 'Half' && c.wave === 'B')
    expect(waveB).toMatchObject({ gunAtMs: null })
    const half = unwrap(await router.call('entrants.list', { raceId: 2, limit: 5 }, organiser)).items[0]
    unwrap(await router.call('entrants.update', { id: half?.id as string, waveId: waveB?.waveId as number }, organiser))
    unwrap(await router.call('clock.start', { raceId: 2, waveId: waveB?.waveId as number, atMs: gun + 10 * minute, device: 'start' }, finishLine))
    expect((await time(gun + 90 * minute, 100)).capture).toMatchObject({ elapsedMs: 80 * minute, runner: { wave: 'B' } })
  })

  it('takes the gun from the first start-mat read when asked', async () => {
    const { router, file } = await raceDay()
    file.sqlite
      .prepare("insert into chip_read (import_id, chip, bib, point, at_ms, line) values ('t', null, 100, 'start', ?, 2), ('t', null, 100, 'start', ?, 3)")
      .run(gun + 3000, gun + 3400)
    expect(unwrap(await router.call('clock.set', { raceId: 2, fromReads: true }, finishLine))).toMatchObject({
      gunAtMs: gun + 3000,
      history: [{ source: 'reads' }],
    })
    expect(await router.call('clock.set', { raceId: 1, fromReads: true, reason: 'x' }, finishLine)).toMatchObject({
      ok: false,
      error: { code: 'CLOCK_NO_READS' },
    })
  })
})

describe('runners with times', () => {
  it('cannot be deleted: the organiser is told to mark them withdrawn', async () => {
    const { router, time } = await raceDay()
    await time(gun + 40 * minute, 1)
    const ana = unwrap(await router.call('entrants.search', { query: 'Ana' }, organiser)).items[0]
    expect(await router.call('entrants.delete', { id: ana?.id as string }, organiser)).toMatchObject({ ok: false, error: { code: 'ENTRANT_TIMED' } })
  })
})
