import { afterEach, describe, expect, it } from 'vitest'
import { SimulatedDecoder } from '../../tests/support/decoder-simulator'
import { unwrap } from '../../tests/support/results'
import { organiser, tempRouter } from '../../tests/support/temp-event'

const decoders: SimulatedDecoder[] = []
afterEach(async () => {
  for (const d of decoders.splice(0)) await d.close()
})

async function office() {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 999 }] }, organiser))
  return { router, file }
}

async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const give = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > give) throw new Error(`Still waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Passing n of the simulated race: chip C<n> at 10:00:00 + n seconds, Seoul time. */
const passing = (n: number) =>
  `C${n};2025-04-06;10:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000;1;5;-60;0;0;1;1;0;0;0;0;0;Finish;1`

describe('a live decoder on the local network', () => {
  it('takes RACE RESULT passings as they come, fetches what it missed while the decoder was off the network, and counts none twice', async () => {
    const { router, file } = await office()
    const decoder = await SimulatedDecoder.start('raceresult')
    decoders.push(decoder)
    // Passings from before the office connected are in the decoder's memory: they are fetched too.
    decoder.add(Array.from({ length: 10 }, (_, i) => passing(i + 1)))
    const link = unwrap(await router.call('decoder.connect', { host: '127.0.0.1', port: decoder.port, protocol: 'raceresult', point: 'finish' }, organiser))
    const stored = async () => unwrap(await router.call('decoder.status', {}, organiser))[0]?.stored ?? 0
    decoder.add(Array.from({ length: 40 }, (_, i) => passing(i + 11)))
    await until('the first 50 passings', async () => (await stored()) === 50)

    await decoder.goOffline()
    decoder.add(Array.from({ length: 30 }, (_, i) => passing(i + 51)))
    await decoder.comeBack()
    await until('the link to come back', async () => unwrap(await router.call('decoder.status', {}, organiser))[0]?.state === 'connected')
    decoder.add(Array.from({ length: 20 }, (_, i) => passing(i + 81)))
    await until('all 100 passings', async () => (await stored()) === 100)

    const [status] = unwrap(await router.call('decoder.status', {}, organiser))
    expect(status).toMatchObject({ id: link.id, state: 'connected', stored: 100, reconnects: 1, problems: 0, waiting: 0 })
    expect(status?.fetched).toBeGreaterThanOrEqual(40)
    expect(status?.readsPerMinute).toBeGreaterThanOrEqual(100)
    expect(status?.lastRead).toMatchObject({ chip: 'C100', atMs: Date.UTC(2025, 3, 6, 1, 1, 40) })
    expect(file.sqlite.prepare('select count(*) as n, count(distinct chip) as chips from chip_read').get()).toEqual({ n: 100, chips: 100 })
    // Each batch is written like any other write: audited as the decoder.
    expect(file.sqlite.prepare("select count(*) as n from audit where command = 'decoder.take' and actor like 'decoder 127.0.0.1:%'").get()).not.toEqual({
      n: 0,
    })
    expect(unwrap(await router.call('decoder.disconnect', { id: link.id }, organiser))).toEqual([])
  }, 30_000)

  it('reads an Ultra’s line stream: a read the decoder sends again is kept once, and a broken line is counted, not stored', async () => {
    const { router, file } = await office()
    const decoder = await SimulatedDecoder.start('lines')
    decoders.push(decoder)
    const chips = unwrap(
      await router.call('imports.upload', { fileName: 'chips.csv', chunk: Buffer.from('Chip,Bib\n058003,7\n').toString('base64') }, organiser),
    ).id
    unwrap(await router.call('chips.import', { id: chips }, organiser))
    unwrap(await router.call('decoder.connect', { host: '127.0.0.1', port: decoder.port, protocol: 'lines', format: 'ultra', point: 'finish' }, organiser))
    await until('the link', async () => unwrap(await router.call('decoder.status', {}, organiser))[0]?.state === 'connected')
    decoder.add(['0,58003,1428401553,450,1,-52,0,1,0,0,0,1', '0,58003,1428401553,450,1,-52,1,1,0,0,0,1', '0,oops', '0,7001,1428401600,0,1,-58,0,1,0,0,0,2'])
    await until('three reads', async () => unwrap(await router.call('decoder.status', {}, organiser))[0]?.received === 3)
    await until('them stored', async () => unwrap(await router.call('decoder.status', {}, organiser))[0]?.waiting === 0)
    const [status] = unwrap(await router.call('decoder.status', {}, organiser))
    expect(status).toMatchObject({ received: 3, stored: 2, duplicates: 1, problems: 1 })
    expect(status?.lastProblem).toMatch(/not an Ultra read/)
    expect(file.sqlite.prepare('select count(*) as n from chip_read').get()).toEqual({ n: 2 })
    expect(unwrap(await router.call('reads.passings', { point: 'finish' }, organiser))).toEqual([
      { bib: 7, point: 'finish', atMs: Date.UTC(2025, 3, 6, 1, 12, 33, 450), reads: 1 },
    ])
  }, 30_000)

  it('keeps trying a decoder that is not there yet, and says why', async () => {
    const { router } = await office()
    const link = unwrap(await router.call('decoder.connect', { host: '127.0.0.1', port: 9, protocol: 'lines', point: 'finish' }, organiser))
    await until('the first refusal', async () => unwrap(await router.call('decoder.status', {}, organiser))[0]?.error === 'refused')
    expect(unwrap(await router.call('decoder.status', {}, organiser))[0]).toMatchObject({ state: 'retrying', stored: 0 })
    const again = await router.call('decoder.connect', { host: '127.0.0.1', port: 9, protocol: 'lines', point: 'finish' }, organiser)
    expect(again).toMatchObject({ ok: false, error: { code: 'DECODER_REFUSED' } })
    expect(await router.call('decoder.connect', { host: '127.0.0.1', port: 9, protocol: 'lines', point: 'moon' }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    unwrap(await router.call('decoder.disconnect', { id: link.id }, organiser))
  })
})
