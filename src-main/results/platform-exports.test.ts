import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'
import { readTable } from '../import/table'

const gun = Date.UTC(2025, 3, 6)

/** A 50K trail race: three finishers (one 1:02:03.4 net), one who started and stopped, one who never came, one disqualified. */
async function trailRace() {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { name: 'Jiri Trail', date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  unwrap(await router.call('races.create', { name: '50K', distanceM: 50000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
  unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 100, last: 199 }] }, organiser))
  const runners = [
    { bib: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M', birthDate: '1987-06-05', nationality: 'kor' },
    { bib: 2, givenName: 'Mary', familyName: 'Smith', sex: 'F', birthDate: '1990-04-07', nationality: 'GBR', club: '=cmd' },
    { bib: 3, givenName: 'Ana', familyName: 'Silva', sex: 'F', age: 44 },
    { bib: 4, givenName: 'Tom', familyName: 'Baker', sex: 'M', birthDate: '1970-01-01' },
    { bib: 5, givenName: 'Jae', familyName: 'Lee', sex: 'M' },
    { bib: 6, givenName: 'Eun', familyName: 'Park', sex: 'F' },
  ] as const
  const ids = new Map<number, string>()
  for (const r of runners) ids.set(r.bib, unwrap(await router.call('entrants.create', { raceId: 1, ...r }, organiser)).id)
  unwrap(await router.call('clock.start', { raceId: 1, atMs: gun, device: 'f' }, finishLine))
  for (const [seq, [bib, ms]] of [
    [1, 3_723_400],
    [2, 3_800_000],
    [3, 4_000_000],
    [6, 4_100_000],
  ].entries())
    unwrap(await router.call('timing.capture', { device: 't', seq: seq + 1, point: 'finish', atMs: gun + (ms as number), bib: bib as number }, finishLine))
  // Bib 4 crossed the start mat and never finished; bib 5 never came.
  const chips = unwrap(
    await router.call('imports.upload', { fileName: 'reads.csv', chunk: Buffer.from('bib,time,point\n4,09:00:05,start\n').toString('base64') }, organiser),
  ).id
  unwrap(await router.call('reads.import', { id: chips }, organiser))
  unwrap(await router.call('results.override', { entrantId: ids.get(6) as string, status: 'DQ', reason: 'cut the course' }, organiser))
  return { router, file }
}

describe('results for ITRA and UltraSignup', () => {
  it('writes ITRA’s result file for one race: its headings from A1, finishers in order in whole seconds, then DNF, no DNS', async () => {
    const { router } = await trailRace()
    const exported = unwrap(await router.call('results.export', { format: 'itra', raceId: 1 }, organiser))
    expect(exported.fileName).toBe('Jiri-Trail-50K-ITRA.xlsx')
    const table = await readTable(Buffer.from(exported.base64, 'base64'))
    expect(table.headers).toEqual(['Ranking', 'Time', 'Family name', 'First name', 'Gender', 'Birthdate', 'Nationality', 'Bib number'])
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', '01:02:04', 'Kim', 'Min-jun', 'M', '1987-06-05', 'KOR', '1'],
      ['2', '01:03:20', 'Smith', 'Mary', 'F', '1990-04-07', 'GBR', '2'],
      ['3', '01:06:40', 'Silva', 'Ana', 'F', '', '', '3'],
      ['DNF', '', 'Baker', 'Tom', 'M', '1970-01-01', '', '4'],
      ['DNF', '', 'Park', 'Eun', 'F', '', '', '6'],
    ])
  })

  it('writes UltraSignup’s results upload with its status codes and every runner’s age on race day', async () => {
    const { router } = await trailRace()
    const exported = unwrap(await router.call('results.export', { format: 'ultrasignup', raceId: 1 }, organiser))
    const rows = Papa.parse<Record<string, string>>(Buffer.from(exported.base64, 'base64').toString('utf8'), { header: true, skipEmptyLines: true }).data
    expect(rows.map((r) => [r['place'], r['time'], r['first'], r['last'], r['age'], r['gender'], r['dob'], r['bib'], r['status']])).toEqual([
      ['1', '01:02:04', 'Min-jun', 'Kim', '37', 'M', '1987-06-05', '1', '1'],
      ['2', '01:03:20', 'Mary', 'Smith', '34', 'F', '1990-04-07', '2', '1'],
      ['3', '01:06:40', 'Ana', 'Silva', '44', 'F', '', '3', '1'],
      ['', '', 'Tom', 'Baker', '55', 'M', '1970-01-01', '4', '2'],
      ['', '', 'Jae', 'Lee', '', 'M', '', '5', '3'],
      ['', '', 'Eun', 'Park', '', 'F', '', '6', '5'],
    ])
  })

  it('asks for one race: both platforms refuse a file that mixes races', async () => {
    const { router } = await trailRace()
    expect(await router.call('results.export', { format: 'itra' }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: /one file per race/ },
    })
  })
})

describe('the participant file for a timing system', () => {
  it('lists the runners still entered by bib with their chips and age on race day, and reads back through the import', async () => {
    const { router } = await trailRace()
    const chips = unwrap(
      await router.call('imports.upload', { fileName: 'chips.csv', chunk: Buffer.from('Chip,Bib\n058003,1\nA0B1,1\n7001,2\n').toString('base64') }, organiser),
    ).id
    unwrap(await router.call('chips.import', { id: chips }, organiser))
    unwrap(await router.call('entrants.create', { raceId: 2, givenName: 'No', familyName: 'Bib', sex: 'X' }, organiser))
    unwrap(await router.call('entrants.create', { raceId: 2, givenName: 'Gone', familyName: 'Away', sex: 'F', bib: 100 }, organiser))
    const gone = unwrap(await router.call('entrants.list', { raceId: 2 }, organiser)).items.find((e) => e.bib === 100)
    unwrap(await router.call('entrants.update', { id: gone?.id as string, status: 'withdrawn' }, organiser))
    const exported = unwrap(await router.call('entrants.export', { format: 'participants' }, organiser))
    expect(exported.fileName).toBe('Jiri-Trail-participants.csv')
    const table = await readTable(Buffer.from(exported.base64, 'base64'))
    expect(table.headers).toEqual([
      'bib',
      'chip',
      'chip2',
      'firstName',
      'lastName',
      'sex',
      'birthDate',
      'age',
      'category',
      'race',
      'wave',
      'club',
      'nationality',
    ])
    const cells = table.rows.map((r) => r.cells)
    expect(cells[0]).toEqual(['1', '58003', 'A0B1', 'Min-jun', 'Kim', 'M', '1987-06-05', '37', 'M35', '50K', '', '', 'KOR'])
    expect(cells[1]).toMatchObject({ 0: '2', 1: '7001', 11: "'=cmd" })
    expect(cells.map((c) => c[0])).toEqual(['1', '2', '3', '4', '5', '6', ''])
    expect(cells.at(-1)?.slice(3, 6)).toEqual(['No', 'Bib', 'X'])
  })
})
