import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { organiser, tempRouter } from '../../tests/support/temp-event'
import { passingsOf } from './reads'
import { readElapsed, timeReader } from './read-times'
import { unwrap } from '../../tests/support/results'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

async function withReads(csv: string, input: Record<string, unknown> = {}) {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
  const upload = async (text: string) =>
    unwrap(await router.call('imports.upload', { fileName: 'reads.csv', chunk: Buffer.from(text).toString('base64') }, organiser)).id
  const result = await router.call('reads.import', { id: await upload(csv), ...input }, organiser)
  return { router, file, result, upload }
}

describe('importing chip reads', () => {
  it('takes a plain bib,time,point file with no mapping step, and a second import of it adds nothing', async () => {
    const csv = readFileSync(join(fixtures, 'reads-finish.csv'), 'utf8')
    const { router, result, upload } = await withReads(csv)
    expect(unwrap(result)).toMatchObject({ imported: 12, duplicates: 0, runners: 10, points: ['finish'], unknownChips: [], rejected: [] })
    const again = unwrap(await router.call('reads.import', { id: await upload(csv) }, organiser))
    expect(again).toMatchObject({ imported: 0, duplicates: 12 })
    const passings = unwrap(await router.call('reads.passings', { point: 'finish', bib: 28 }, organiser))
    // 10:18:08.899 in Seoul on the event date; bib 28's second read is later and does not count.
    expect(passings).toEqual([{ bib: 28, point: 'finish', atMs: Date.UTC(2025, 3, 6, 1, 18, 8, 899), reads: 2 }])
  })

  it('maps a vendor’s columns, reads chips through the chip file, and lists unknown chips instead of dropping them', async () => {
    const csv = 'Tag,Time Of Day,Location,Antenna\nA1,10:00:01.20,Finish,1\nA1,10:00:01.50,Finish,2\nZZ9,10:00:02.00,Finish,1\n'
    const { router, result } = await withReads(csv)
    expect(unwrap(result)).toMatchObject({
      imported: 3,
      runners: 0,
      unknownChips: [
        { chip: 'A1', reads: 2 },
        { chip: 'ZZ9', reads: 1 },
      ],
    })
    const chips = unwrap(
      await router.call('imports.upload', { fileName: 'chips.csv', chunk: Buffer.from('Chip,Bib\nA1,7\n').toString('base64') }, organiser),
    ).id
    unwrap(await router.call('chips.import', { id: chips }, organiser))
    const summary = unwrap(await router.call('reads.summary', {}, organiser))
    expect(summary).toMatchObject({ points: [{ point: 'finish', reads: 3, runners: 1, unknownChipReads: 1 }], unknownChips: [{ chip: 'ZZ9', reads: 1 }] })
    expect(unwrap(await router.call('reads.passings', { point: 'finish' }, organiser))).toEqual([
      { bib: 7, point: 'finish', atMs: Date.UTC(2025, 3, 6, 1, 0, 1, 200), reads: 2 },
    ])
  })

  it('shows the columns it guessed before importing', async () => {
    const { router, upload } = await withReads('bib,time,point\n1,10:00:00,finish\n')
    const preview = unwrap(await router.call('reads.preview', { id: await upload('Chip Code;Elapsed;Reader\nA1;0:41:02.5;Box 1\n') }, organiser))
    expect(preview).toMatchObject({
      headers: ['Chip Code', 'Elapsed', 'Reader'],
      mapping: { chip: 'Chip Code', elapsed: 'Elapsed', reader: 'Reader' },
      rows: 1,
    })
  })

  it('refuses a file with bad rows, row by row, unless the good rows are taken on their own', async () => {
    const csv = 'bib,time,point\n1,10:00:00,finish\nx,10:00:01,finish\n2,25:00:00,finish\n3,10:00:02,moon\n'
    const { router, result, upload } = await withReads(csv)
    expect(result).toMatchObject({ ok: false, error: { code: 'READS_REFUSED' } })
    const rejected = (result as unknown as { ok: false; error: { details: { rejected: { row: number; field: string; code: string }[] } } }).error.details
      .rejected
    expect(rejected.map((r) => [r.row, r.field, r.code])).toEqual([
      [3, 'bib', 'INVALID'],
      [4, 'time', 'INVALID'],
      [5, 'point', 'POINT_UNKNOWN'],
    ])
    expect(unwrap(await router.call('reads.summary', {}, organiser)).points).toEqual([])
    const partial = unwrap(await router.call('reads.import', { id: await upload(csv), skipInvalid: true }, organiser))
    expect(partial).toMatchObject({ imported: 1, rejected: [{ row: 3 }, { row: 4 }, { row: 5 }] })
  })

  it('needs a point when the file has none, and reads elapsed times from the runner’s gun', async () => {
    const { router, upload, result } = await withReads('bib,elapsed\n1,0:41:02.5\n')
    expect(result).toMatchObject({ ok: false, error: { code: 'READS_REFUSED' } })
    unwrap(await router.call('entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Runner', sex: 'F', bib: 1 }, organiser))
    const noGun = await router.call('reads.import', { id: await upload('bib,elapsed\n1,0:41:02.5\n'), point: 'finish' }, organiser)
    expect(noGun).toMatchObject({ ok: false, error: { details: { rejected: [{ field: 'elapsed', code: 'NO_GUN' }] } } })
    const gun = Date.UTC(2025, 3, 6, 0)
    unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, organiser))
    unwrap(await router.call('reads.import', { id: await upload('bib,elapsed\n1,0:41:02.5\n'), point: 'finish' }, organiser))
    expect(unwrap(await router.call('reads.passings', { point: 'finish' }, organiser))).toMatchObject([{ bib: 1, atMs: gun + 41 * 60_000 + 2500 }])
  })
})

describe('passings from raw reads', () => {
  const reads = [1000, 1400, 2200, 90_000].map((atMs) => ({ bib: 5, atMs }))

  it('takes the first read at the finish and at splits', () => {
    expect(passingsOf(reads, 'finish', 5000)).toEqual([{ bib: 5, point: 'finish', atMs: 1000, reads: 4 }])
    expect(passingsOf(reads, '10K', 5000)[0]?.atMs).toBe(1000)
  })

  it('takes the last read at the start within the window of the first, not a read long after', () => {
    expect(passingsOf(reads, 'start', 5000)[0]?.atMs).toBe(2200)
    expect(passingsOf(reads, 'start', 0)[0]?.atMs).toBe(1000)
  })
})

describe('reading times', () => {
  const read = timeReader('2025-04-06', 'Asia/Seoul')
  it('reads times of day in the event’s zone on its date, with a date, or as instants', () => {
    expect(read.timeOfDay('10:15:03.686')).toBe(Date.UTC(2025, 3, 6, 1, 15, 3, 686))
    expect(read.timeOfDay('9:05:00,5')).toBe(Date.UTC(2025, 3, 6, 0, 5, 0, 500))
    expect(read.timeOfDay('2025-04-06 10:00:00.1')).toBe(Date.UTC(2025, 3, 6, 1, 0, 0, 100))
    expect(read.timeOfDay('2025-04-06T01:00:00.250Z')).toBe(Date.UTC(2025, 3, 6, 1, 0, 0, 250))
    expect(read.timeOfDay('10:61:00')).toBeNull()
    expect(read.timeOfDay('soon')).toBeNull()
  })

  it('reads elapsed times in hours, minutes or seconds', () => {
    expect(readElapsed('1:02:03.4')).toBe(3_723_400)
    expect(readElapsed('41:02')).toBe(2_462_000)
    expect(readElapsed('75.25')).toBe(75_250)
    expect(readElapsed('1:61:00')).toBeNull()
  })
})

describe('importing a decoder’s own file', () => {
  const chipFile = 'Chip,Bib\n058003,1\n0000000e2943,2\n'
  async function withChips() {
    const { router, upload } = await withReads('bib,time,point\n9,10:00:00,start\n')
    unwrap(await router.call('chips.import', { id: await upload(chipFile) }, organiser))
    return { router, upload }
  }

  it('recognises the format with no mapping step, matches chips written without their leading zeros, and keeps a replayed read once', async () => {
    const { router, upload } = await withChips()
    const ultra = [
      '0,58003,1428401553,450,1,-52,0,1,0,0,0,1',
      'V=25.1',
      '0,58003,1428401553,450,1,-52,1,1,0,0,0,1',
      '0,E2943,1428401600,0,1,-58,0,1,0,0,0,2',
    ].join('\n')
    const id = await upload(ultra)
    expect(unwrap(await router.call('reads.preview', { id }, organiser))).toMatchObject({ decoder: { format: 'ultra', needsAnchor: false }, rows: 4 })
    const report = unwrap(await router.call('reads.import', { id, point: 'finish' }, organiser))
    expect(report).toMatchObject({ format: 'ultra', imported: 2, duplicates: 1, skipped: 1, runners: 2, unknownChips: [], rejected: [] })
    expect(unwrap(await router.call('reads.passings', { point: 'finish' }, organiser)).map((p) => [p.bib, p.atMs])).toEqual([
      [1, Date.UTC(2025, 3, 6, 1, 12, 33, 450)],
      [2, Date.UTC(2025, 3, 6, 1, 13, 20)],
    ])
  })

  it('asks for the timing point, and for when a decoder counting from power-on was switched on', async () => {
    const { router, upload } = await withChips()
    const passings = '1;58003;0000-00-00;01:02:33.450;1;12;-56\n'
    expect(await router.call('reads.import', { id: await upload(passings) }, organiser)).toMatchObject({ ok: false, error: { code: 'READS_REFUSED' } })
    const untold = await router.call('reads.import', { id: await upload(passings), point: 'finish' }, organiser)
    expect(untold).toMatchObject({ ok: false, error: { code: 'READS_NEED_ANCHOR', details: { imported: 0, rejected: [{ row: 1 }] } } })
    const told = unwrap(await router.call('reads.import', { id: await upload(passings), point: 'finish', anchor: '09:10:00' }, organiser))
    expect(told).toMatchObject({ format: 'raceresult', imported: 1, runners: 1 })
  })

  it('refuses a file with a damaged line and names the line, or imports the rest when asked', async () => {
    const { router, upload } = await withChips()
    const ipico = 'aa400000000e29430a2a2504061012332d00\naa400000000e29430a2a2504061012332d01\n'
    const refused = await router.call('reads.import', { id: await upload(ipico), point: 'finish' }, organiser)
    expect(refused).toMatchObject({ ok: false, error: { code: 'READS_REFUSED', details: { rejected: [{ row: 2, field: 'checksum' }] } } })
    const skipped = unwrap(await router.call('reads.import', { id: await upload(ipico), point: 'finish', skipInvalid: true }, organiser))
    expect(skipped).toMatchObject({ format: 'ipico', imported: 1, runners: 1, rejected: [{ row: 2 }] })
  })

  it('reads a file as the format it is told, and says a spreadsheet is not one', async () => {
    const { router, upload } = await withChips()
    const told = await router.call('reads.import', { id: await upload('058003;06-04-2025 10:12:33.450;1;0\n'), point: 'finish', format: 'ultra' }, organiser)
    expect(told).toMatchObject({ ok: false, error: { code: 'READS_REFUSED', details: { rejected: [{ row: 1 }] } } })
    const workbook = unwrap(
      await router.call('imports.upload', { fileName: 'reads.xlsx', chunk: Buffer.from('PK\u0003\u0004rest').toString('base64') }, organiser),
    ).id
    const sheet = await router.call('reads.import', { id: workbook, point: 'finish', format: 'ipico' }, organiser)
    expect(sheet).toMatchObject({ ok: false, error: { code: 'READS_REFUSED', message: 'A spreadsheet is not a ipico decoder file.' } })
  })
})
