import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess, serveProcess } from '../../tests/support/cli'
import { postCommand } from '../../tests/support/http-client'
import { finishLine, organiser, tempDir, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

const gun = Date.UTC(2025, 3, 6, 0)
const minute = 60_000

/** The office's file and a finish laptop's copy of the same event. */
async function twoCopies() {
  const copies = []
  for (let i = 0; i < 2; i++) {
    const { router } = await tempRouter()
    unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
    unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
    copies.push(router)
  }
  const [office, laptop] = copies as [(typeof copies)[0], (typeof copies)[0]]
  return { office, laptop }
}

describe('moving a finish laptop’s work into the office file', () => {
  it('brings captures, corrections and the gun across, and importing the same package twice changes nothing', async () => {
    const { office, laptop } = await twoCopies()
    unwrap(await laptop.call('clock.start', { raceId: 1, atMs: gun, device: 'laptop' }, finishLine))
    const ids = []
    for (let seq = 1; seq <= 3; seq++)
      ids.push(
        unwrap(await laptop.call('timing.capture', { device: 'laptop', seq, point: 'finish', atMs: gun + (40 + seq) * minute, bib: seq }, finishLine)).id,
      )
    unwrap(await laptop.call('timing.correct', { action: 'delete', captureId: ids[1] as string, reason: 'double press' }, finishLine))
    unwrap(await laptop.call('timing.correct', { action: 'editBib', captureId: ids[2] as string, bib: 9, reason: 'misread' }, finishLine))
    const pkg = unwrap(await laptop.call('sync.export', {}, finishLine))

    const first = unwrap(await office.call('sync.import', { package: pkg }, organiser))
    const unmeasured = { clockMeasurements: { added: 0, unchanged: 0 }, clockMeasured: false }
    expect(first).toEqual({
      captures: { added: 3, unchanged: 0 },
      changes: { added: 2, unchanged: 0 },
      clocks: { added: 1, unchanged: 0 },
      ...unmeasured,
      conflicts: [],
    })
    const second = unwrap(await office.call('sync.import', { package: pkg }, organiser))
    expect(second).toEqual({
      captures: { added: 0, unchanged: 3 },
      changes: { added: 0, unchanged: 2 },
      clocks: { added: 0, unchanged: 1 },
      ...unmeasured,
      conflicts: [],
    })

    const list = unwrap(await office.call('timing.list', {}, organiser))
    expect(list.captures.map((c) => [c.bib, c.state])).toEqual([
      [1, 'active'],
      [2, 'deleted'],
      [9, 'active'],
    ])
    // The office keeps its own ids: the capture is found by what it is, not by the laptop's id.
    const third = list.captures[2]?.id as string
    expect(ids).not.toContain(third)
    expect(unwrap(await office.call('timing.history', { captureId: third }, organiser))).toMatchObject([
      { action: 'editBib', before: { bib: 3 }, after: { bib: 9 } },
    ])
    expect(unwrap(await office.call('clock.list', {}, organiser))[0]).toMatchObject({ gunAtMs: gun })
  })

  it('reports a correction the office changed differently instead of forcing it', async () => {
    const { office, laptop } = await twoCopies()
    const id = unwrap(await laptop.call('timing.capture', { device: 'laptop', seq: 1, point: 'finish', atMs: gun + 40 * minute, bib: 3 }, finishLine)).id
    unwrap(await office.call('sync.import', { package: unwrap(await laptop.call('sync.export', {}, finishLine)) }, organiser))
    const inOffice = unwrap(await office.call('timing.list', {}, organiser)).captures[0]?.id as string
    unwrap(await office.call('timing.correct', { action: 'editBib', captureId: inOffice, bib: 4, reason: 'office saw 4 on the photo' }, organiser))
    unwrap(await laptop.call('timing.correct', { action: 'editBib', captureId: id, bib: 8, reason: 'laptop typed 8' }, finishLine))
    const report = unwrap(await office.call('sync.import', { package: unwrap(await laptop.call('sync.export', {}, finishLine)) }, organiser))
    expect(report.changes).toEqual({ added: 0, unchanged: 0 })
    expect(report.conflicts).toEqual([{ kind: 'change', id: expect.any(String), message: expect.stringContaining('laptop typed 8') }])
    expect(unwrap(await office.call('timing.list', {}, organiser)).captures[0]?.bib).toBe(4)
  })

  it('refuses a package from another event, and reports a gun for a race the office does not have', async () => {
    const { office, laptop } = await twoCopies()
    unwrap(await laptop.call('races.create', { name: 'Fun Run', distanceM: 3000 }, organiser))
    unwrap(await laptop.call('clock.start', { raceId: 2, atMs: gun, device: 'laptop' }, finishLine))
    const pkg = unwrap(await laptop.call('sync.export', {}, finishLine))
    expect(unwrap(await office.call('sync.import', { package: pkg }, organiser)).conflicts).toEqual([
      { kind: 'clock', id: expect.any(String), message: expect.stringContaining('Fun Run') },
    ])
    const other = await office.call('sync.import', { package: { ...pkg, event: { name: 'Last year', date: '2024-04-07' } } }, organiser)
    expect(other).toMatchObject({ ok: false, error: { code: 'SYNC_OTHER_EVENT' } })
  })

  it('cannot speak for the office: a forged gun gets the office’s id and the device’s name, and the organiser’s later gun counts', async () => {
    const { office, laptop } = await twoCopies()
    unwrap(await laptop.call('clock.start', { raceId: 1, atMs: gun, device: 'laptop' }, finishLine))
    const pkg = unwrap(await laptop.call('sync.export', {}, finishLine))
    const lastId = 'ffffffff-ffff-7fff-bfff-ffffffffffff'
    const forged = {
      ...pkg,
      clocks: pkg.clocks.map((c) => ({
        ...c,
        id: lastId,
        gunAtMs: gun + 5 * minute,
        actor: 'organiser',
        desk: 'office',
        reason: null,
        recordedAtMs: Date.UTC(2099, 0, 1),
      })),
    }
    unwrap(await office.call('sync.import', { package: forged }, finishLine))
    const [forgedGun] = unwrap(await office.call('clock.list', {}, organiser))[0]?.history ?? []
    expect(forgedGun).toMatchObject({ gunAtMs: gun + 5 * minute, actor: finishLine.actor, desk: finishLine.desk })
    expect(forgedGun?.id).not.toBe(lastId)
    expect(forgedGun?.recordedAtMs).toBeLessThanOrEqual(Date.UTC(2025, 3, 6, 6))

    unwrap(await office.call('clock.set', { raceId: 1, atMs: gun, device: 'office', reason: 'starter’s watch' }, organiser))
    expect(unwrap(await office.call('clock.list', {}, organiser))[0]).toMatchObject({ gunAtMs: gun, history: [{ actor: organiser.actor }, {}] })
  })

  it('lets only the organiser point live sync at an office', async () => {
    const { laptop } = await twoCopies()
    const input = { office: 'http://192.168.1.99:4780', code: '123456', person: 'Official' }
    expect(await laptop.call('sync.connect', input, finishLine)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect(await laptop.call('sync.disconnect', {}, finishLine)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
  })
})

describe('live sync of a finish laptop', () => {
  it('pairs with the office’s finish code and keeps sending what the laptop records', async () => {
    const file = join(tempDir(), 'office.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])).code).toBe(0)
    const office = await serveProcess(file, ['--lan-address', '127.0.0.1'])
    const port = Number(new URL(office.origin).port)
    try {
      const network = (await postCommand(port, 'desks.setNetwork', { on: true }, office.token)).json() as {
        value: { codes: { finish: string; viewer: string } }
      }
      const { laptop } = await twoCopies()
      unwrap(await laptop.call('timing.capture', { device: 'laptop', seq: 1, point: 'finish', atMs: gun + 40 * minute, bib: 1 }, finishLine))

      const wrong = await laptop.call(
        'sync.connect',
        { office: office.origin, code: network.value.codes.viewer === '000000' ? '111111' : '000000', person: 'Official' },
        organiser,
      )
      expect(wrong).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_WRONG' } })
      const viewerToken = await laptop.call('sync.connect', { office: office.origin, code: network.value.codes.viewer, person: 'Official' }, organiser)
      expect(viewerToken).toMatchObject({ ok: true, value: { error: { code: 'SYNC_REFUSED' } } })

      const connected = unwrap(
        await laptop.call('sync.connect', { office: office.origin, code: network.value.codes.finish, person: 'Official', everySeconds: 2 }, organiser),
      )
      expect(connected).toMatchObject({ office: office.origin, error: null, last: { captures: { added: 1, unchanged: 0 } } })
      unwrap(await laptop.call('timing.capture', { device: 'laptop', seq: 2, point: 'finish', atMs: gun + 41 * minute, bib: 2 }, finishLine))
      const arrived = async (): Promise<number> =>
        ((await postCommand(port, 'timing.list', {}, office.token)).json() as { value: { total: number } }).value.total
      await expect.poll(arrived, { timeout: 15_000, interval: 250 }).toBe(2)
      // Only what the office has not acknowledged goes again.
      expect(unwrap(await laptop.call('sync.status', {}, organiser))).toMatchObject({
        office: office.origin,
        error: null,
        sentCaptures: 2,
        last: { captures: { added: 1, unchanged: 0 } },
      })
      expect(unwrap(await laptop.call('sync.disconnect', {}, organiser))).toEqual({ office: null, lastAtMs: null, last: null, sentCaptures: 0, error: null })
    } finally {
      await office.stop()
    }
  }, 60_000)

  it('says so when the office cannot be reached', async () => {
    const { laptop } = await twoCopies()
    const result = await laptop.call('sync.connect', { office: 'http://127.0.0.1:9', code: '123456', person: 'Official' }, organiser)
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFICE_UNREACHABLE' } })
  })
})
