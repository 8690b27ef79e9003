import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Exchange } from '../../src-shared/timing/clock-offset'
import { runCliProcess } from '../../tests/support/cli'
import { finishLine, organiser, tempDir } from '../../tests/support/temp-event'
import { openEventFile } from '../db/open'
import { createRouter, type Router } from '../router/router'
import { keepOwnMeasurement } from './device-clocks'
import { unwrap } from '../../tests/support/results'

const second = 1000
const minute = 60 * second
const gun = Date.UTC(2025, 3, 6, 0, 0, 0) // 09:00 in Seoul

/** An office whose clock the test moves (the truth every device is measured against), and a file on disk. */
async function office() {
  const path = join(tempDir(), 'office.raceoffice')
  const file = await openEventFile(path, { now: () => gun })
  const clock = { now: gun - 10 * minute }
  const router = createRouter({ db: file.db, sqlite: file.sqlite, now: () => clock.now, logError: () => {} })
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
  for (const bib of [1, 2, 3, 4, 5, 6])
    unwrap(await router.call('entrants.create', { raceId: 1, givenName: `Runner${bib}`, familyName: 'Kim', sex: 'F', bib }, organiser))
  return { router, clock, path, close: () => file.close() }
}

/**
 * A device whose clock is `skewMs` ahead of the office's (it may change: drift, a hand-set clock),
 * on a network that delays each message `delayMs` one way and `backMs` the other.
 */
function device(router: Router, clock: { now: number }, id: string, skew: { ms: number }) {
  let seq = 0
  const at = (officeMs: number): number => officeMs + skew.ms
  return {
    id,
    at,
    /** Eight exchanges as a page makes them, the office's time moving with the messages. */
    async measure(segment = 0, delayMs = 12, backMs = 9) {
      const exchanges: Exchange[] = []
      for (let i = 0; i < 8; i++) {
        const sentAtMs = at(clock.now)
        clock.now += delayMs + (i % 3)
        const answer = unwrap(await router.call('clock.exchange', { device: id, sentAtMs }, finishLine))
        clock.now += backMs
        exchanges.push({ sentAtMs, receivedAtMs: answer.receivedAtMs, repliedAtMs: answer.repliedAtMs, returnedAtMs: at(clock.now) })
      }
      return unwrap(await router.call('clock.measure', { device: id, segment, exchanges }, finishLine))
    },
    /** A key press at an instant of the office's clock, stamped by this device's clock. */
    async press(officeMs: number, bib?: number, segment = 0) {
      return unwrap(
        await router.call(
          'timing.capture',
          { device: id, seq: ++seq, point: 'finish', atMs: at(officeMs), clockSegment: segment, ...(bib !== undefined && { bib }) },
          finishLine,
        ),
      )
    },
  }
}

const atMsOf = async (router: Router) => unwrap(await router.call('timing.list', {}, organiser)).captures.map((c) => c.atMs)

describe('one clock for every device', () => {
  it('merges a tablet 30 s fast and one 5 s slow at one point on the office’s time, so every bib typed in order gets its own runner’s time', async () => {
    const { router, clock } = await office()
    clock.now = gun
    unwrap(await router.call('clock.start', { raceId: 1, device: 'office' }, finishLine))
    const fast = device(router, clock, 'tablet-fast', { ms: 30 * second })
    const slow = device(router, clock, 'tablet-slow', { ms: -5 * second })
    expect(await fast.measure()).toMatchObject({ device: 'tablet-fast', offsetMs: expect.closeTo(-30 * second, -1) })
    expect((await slow.measure()).offsetMs).toBeCloseTo(5 * second, -1)
    // Runners cross two seconds apart; the tablets take turns. On their own clocks the fast one's
    // presses would all come 35 s after the slow one's.
    const crossings = [1, 2, 3, 4, 5, 6].map((n) => gun + 40 * minute + n * 2 * second)
    clock.now = gun + 41 * minute
    for (const [i, at] of crossings.entries()) await (i % 2 === 0 ? fast : slow).press(at)
    for (const bib of [4, 2, 6, 1, 5, 3]) unwrap(await router.call('timing.assignBib', { device: 'bibs', seq: bib, bib }, finishLine))
    const list = unwrap(await router.call('timing.list', {}, organiser))
    expect(list.captures.map((c) => c.bib)).toEqual([4, 2, 6, 1, 5, 3])
    for (const [i, c] of list.captures.entries()) {
      expect(Math.abs((c.atMs as number) - (crossings[i] as number))).toBeLessThanOrEqual(6)
      expect(c.deviceAtMs).toBe((crossings[i] as number) + (i % 2 === 0 ? 30 : -5) * second)
    }
    const results = unwrap(await router.call('results.list', { raceId: 1 }, organiser))
    // The first finisher's gun time, from the office's gun: as on a watch, not 30 s long.
    expect(Math.abs((results.rows.find((r) => r.bib === 4)?.gunTimeMs as number) - (40 * minute + 2 * second))).toBeLessThanOrEqual(second)
  })

  it('gives gun times from a gun started on one device and finishes timed on another, whatever their clocks', async () => {
    const { router, clock } = await office()
    const starter = device(router, clock, 'starter', { ms: -12 * second })
    const finisher = device(router, clock, 'finisher', { ms: 47 * second })
    await starter.measure()
    await finisher.measure()
    clock.now = gun + 100
    const started = unwrap(await router.call('clock.start', { raceId: 1, atMs: starter.at(gun), device: 'starter' }, finishLine))
    expect(Math.abs((started.gunAtMs as number) - gun)).toBeLessThanOrEqual(6)
    expect(started.history[0]).toMatchObject({ deviceAtMs: gun - 12 * second, offsetMs: expect.closeTo(12 * second, -1) })
    clock.now = gun + 31 * minute
    await finisher.press(gun + 30 * minute, 1)
    const row = unwrap(await router.call('results.list', { raceId: 1 }, organiser)).rows.find((r) => r.bib === 1)
    expect(Math.abs((row?.gunTimeMs as number) - 30 * minute)).toBeLessThanOrEqual(1000)
    expect(row?.status).toBe('finished')
  })

  it('corrects a clock set by hand in the middle of a race from the new anchor’s own measurement', async () => {
    const { router, clock } = await office()
    unwrap(await router.call('clock.start', { raceId: 1, device: 'office' }, finishLine))
    const skew = { ms: 3 * second }
    const tablet = device(router, clock, 'tablet', skew)
    await tablet.measure(0)
    clock.now = gun + 30 * minute
    await tablet.press(gun + 29 * minute, 1, 0)
    // Someone sets the tablet's clock a minute back: the page sees its clocks disagree and anchors anew.
    skew.ms = 3 * second - minute
    await tablet.press(gun + 31 * minute, 2, 1)
    await tablet.measure(1)
    await tablet.press(gun + 32 * minute, 3, 1)
    const times = await atMsOf(router)
    expect(times.map((t, i) => Math.abs((t as number) - [29, 31, 32][i]! * minute - gun)).every((d) => d <= 6)).toBe(true)
  })

  it('corrects captures made offline across the drift between the measurements before and after', async () => {
    const { router, clock } = await office()
    unwrap(await router.call('clock.start', { raceId: 1, device: 'office' }, finishLine))
    const skew = { ms: 30 * second }
    const tablet = device(router, clock, 'tablet', skew)
    await tablet.measure()
    const start = clock.now
    // Offline for an hour: the tablet's clock gains 1.2 s. Its presses reach the office after.
    const crossings = [10, 20, 30, 40, 50].map((m) => start + m * minute)
    const stamped = crossings.map((at) => at + 30 * second + Math.round((1200 * (at - start)) / (60 * minute)))
    clock.now = start + 60 * minute
    skew.ms = 30 * second + 1200
    for (const [i, at] of stamped.entries())
      unwrap(await router.call('timing.capture', { device: 'tablet', seq: 100 + i, point: 'finish', atMs: at }, finishLine))
    // Sent with the last offset known: up to 1 s off until the office measures again…
    expect(Math.abs(((await atMsOf(router))[4] as number) - (crossings[4] as number))).toBeGreaterThan(900)
    const measured = await tablet.measure()
    expect(measured.recorrected).toBe(5)
    const times = await atMsOf(router)
    for (const [i, at] of crossings.entries()) expect(Math.abs((times[i] as number) - at)).toBeLessThanOrEqual(8)
    // …and the results engine picked the new instants up.
    const results = unwrap(await router.call('results.list', { raceId: 1 }, organiser))
    expect(results.rows.length).toBeGreaterThan(0)
  })

  it('flags a capture from the future and one before the first gun, and a device never measured', async () => {
    const { router, clock } = await office()
    clock.now = gun
    unwrap(await router.call('clock.start', { raceId: 1, device: 'office' }, finishLine))
    clock.now = gun + 20 * minute
    unwrap(await router.call('timing.capture', { device: 'wild', seq: 1, point: 'finish', atMs: gun + 80 * minute, bib: 1 }, finishLine))
    unwrap(await router.call('timing.capture', { device: 'wild', seq: 2, point: 'finish', atMs: gun - 5 * minute, bib: 2 }, finishLine))
    const { problems } = unwrap(await router.call('results.problems', {}, organiser))
    const kinds = problems.map((p) => [p.kind, p.bib, p.device])
    expect(kinds).toContainEqual(['futureTime', 1, 'wild'])
    expect(kinds).toContainEqual(['beforeFirstGun', 2, 'wild'])
    expect(problems.find((p) => p.kind === 'clockUnknown')).toMatchObject({ device: 'wild', count: 2 })
    expect(problems.find((p) => p.kind === 'futureTime')?.timesMs).toEqual([60 * minute])
  })

  it('refuses exchanges that are not this office’s recent answers', async () => {
    const { router, clock } = await office()
    const answer = unwrap(await router.call('clock.exchange', { device: 'x', sentAtMs: clock.now }, finishLine))
    clock.now += 5 * minute
    const stale = await router.call(
      'clock.measure',
      {
        device: 'x',
        exchanges: [{ sentAtMs: answer.sentAtMs, receivedAtMs: answer.receivedAtMs, repliedAtMs: answer.repliedAtMs, returnedAtMs: answer.sentAtMs + 10 }],
      },
      finishLine,
    )
    expect(stale).toMatchObject({ ok: false, error: { code: 'CLOCK_EXCHANGE_INVALID' } })
    const backwards = await router.call(
      'clock.measure',
      { device: 'x', exchanges: [{ sentAtMs: 100, receivedAtMs: clock.now, repliedAtMs: clock.now, returnedAtMs: 50 }] },
      finishLine,
    )
    expect(backwards).toMatchObject({ ok: false, error: { code: 'CLOCK_EXCHANGE_INVALID' } })
    expect(unwrap(await router.call('clock.devices', {}, organiser))).toEqual([])
  })

  it('brings a laptop’s package measured against the office in corrected, and one never measured flagged until the organiser enters its offset', async () => {
    const main = await office()
    unwrap(await main.router.call('clock.start', { raceId: 1, device: 'office' }, finishLine))
    // The laptop's own copy, its clock 20 s slow; it records a finish on its own clock.
    const laptopClock = { now: main.clock.now - 20 * second }
    const laptopFile = await openEventFile(join(tempDir(), 'laptop.raceoffice'), { now: () => gun })
    const laptop = createRouter({ db: laptopFile.db, sqlite: laptopFile.sqlite, now: () => laptopClock.now, logError: () => {} })
    unwrap(await laptop.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
    unwrap(await laptop.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
    unwrap(await laptop.call('timing.capture', { device: 'office', seq: 1, point: 'finish', atMs: gun + 35 * minute - 20 * second, bib: 3 }, finishLine))
    const unmeasured = unwrap(await laptop.call('sync.export', {}, finishLine))
    expect(unmeasured.clockMeasurements).toEqual([])

    // From a USB stick, never measured: taken as it came, and a problem to check.
    const report = unwrap(await main.router.call('sync.import', { package: unmeasured }, organiser))
    expect(report).toMatchObject({ clockMeasured: false, captures: { added: 1 } })
    const flagged = unwrap(await main.router.call('timing.list', {}, organiser)).captures[0]
    expect(flagged).toMatchObject({ clock: unmeasured.clockId, offsetMs: null, atMs: gun + 35 * minute - 20 * second })
    expect(unwrap(await main.router.call('results.problems', {}, organiser)).problems.map((p) => p.kind)).toContain('clockUnknown')
    // The organiser reads 20 s from a photo of both clocks: the time is corrected, audited.
    unwrap(
      await main.router.call('clock.setOffset', { device: unmeasured.clockId as string, offsetMs: 20 * second, reason: 'photo of both clocks' }, organiser),
    )
    expect((await atMsOf(main.router))[0]).toBe(gun + 35 * minute)
    expect(unwrap(await main.router.call('results.problems', {}, organiser)).problems.map((p) => p.kind)).not.toContain('clockUnknown')
    const audit = unwrap(await main.router.call('audit.list', { limit: 5 }, organiser))
    expect(audit.items.some((r) => r.command === 'clock.setOffset')).toBe(true)

    // Live sync measures the laptop's clock against the office and the package carries the exchanges.
    const exchanges: Exchange[] = []
    for (let i = 0; i < 4; i++) {
      const sentAtMs = laptopClock.now
      main.clock.now += 7
      laptopClock.now += 7
      const answer = unwrap(await main.router.call('clock.exchange', { device: 'finish-laptop', sentAtMs }, finishLine))
      main.clock.now += 7
      laptopClock.now += 7
      exchanges.push({ ...answer, returnedAtMs: laptopClock.now })
    }
    await keepOwnMeasurement(laptopFile.db, exchanges, laptopClock.now)
    unwrap(await laptop.call('timing.capture', { device: 'office', seq: 2, point: 'finish', atMs: gun + 36 * minute - 20 * second, bib: 4 }, finishLine))
    const measured = unwrap(await laptop.call('sync.export', {}, finishLine))
    expect(measured.clockMeasurements).toHaveLength(1)
    const second_ = unwrap(await main.router.call('sync.import', { package: measured }, organiser))
    expect(second_).toMatchObject({ clockMeasured: true, clockMeasurements: { added: 1 }, captures: { added: 1, unchanged: 1 } })
    const list = unwrap(await main.router.call('timing.list', {}, organiser)).captures
    expect(list.map((c) => c.atMs)).toEqual([gun + 35 * minute, gun + 36 * minute])
    expect(unwrap(await main.router.call('sync.import', { package: measured }, organiser)).clockMeasurements).toEqual({ added: 0, unchanged: 1 })
    await laptopFile.close()
  })

  it('lists every recording device with its offset, uncertainty, when it was measured and its history, on the command line too', async () => {
    const { router, clock, path, close } = await office()
    const tablet = device(router, clock, 'tablet', { ms: 31_200 })
    await tablet.measure()
    clock.now += minute
    await tablet.measure(0, 300, 300)
    await tablet.press(clock.now - second, 1)
    const [listed] = unwrap(await router.call('clock.devices', {}, organiser))
    expect(listed).toMatchObject({ device: 'tablet', desk: 'finish-1', state: 'uncertain', captures: 1 })
    expect(listed?.history).toHaveLength(2)
    expect(Math.abs((listed?.history[1]?.offsetMs as number) + 31_200)).toBeLessThanOrEqual(3)
    await close()
    const devices = await runCliProcess(['devices', path, '--json'])
    expect(devices.code).toBe(0)
    const [cli] = JSON.parse(devices.stdout) as { device: string; offsetMs: number; uncertaintyMs: number; measuredAtMs: number; history: unknown[] }[]
    expect(cli).toMatchObject({ device: 'tablet', uncertaintyMs: expect.any(Number), measuredAtMs: expect.any(Number) })
    expect(cli?.history).toHaveLength(2)
    const captures = await runCliProcess(['captures', path, '--json'])
    const [capture] = JSON.parse(captures.stdout) as { atMs: number; deviceAtMs: number; offsetMs: number; offsetUncertaintyMs: number }[]
    expect(capture?.deviceAtMs).toBe((capture?.atMs as number) - (capture?.offsetMs as number))
    expect(Math.abs((capture?.offsetMs as number) + 31_200)).toBeLessThanOrEqual(300)
    expect(capture?.offsetUncertaintyMs).toBeGreaterThan(250)
  })
})
