import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'
import { csv, importFile } from '../../tests/support/import'
import { divisionsOfCell } from '../import/plan'
import Papa from 'papaparse'
import { unzipSync } from 'fflate'
import { pdfText, printToFile } from '../../tests/support/pdf'

// Before the test office's clock (06:00): every finish is in its past.
const gun = Date.UTC(2025, 3, 6, 3)

/** A 10K imported from a file with a Division column, every runner timed in bib order. */
async function tenK(rows: string[], header = 'Registration,Bib,First Name,Last Name,Gender,Age,Division,Club,Team') {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'UTC' }, organiser))
  unwrap(await router.call('races.create', { name: '10K', distanceM: 10_000, bibRanges: [{ first: 1, last: 99 }] }, organiser))
  const imported = unwrap(await importFile(router, csv([header, ...rows]), { race: '10K' }))
  unwrap(await router.call('clock.set', { raceId: 1, atMs: gun }, finishLine))
  for (const [i] of rows.entries())
    unwrap(await router.call('timing.typeTime', { device: 'tape', seq: i + 1, raceId: 1, timeMs: (2400 + i * 10) * 1000, bib: i + 1 }, finishLine))
  const list = async (extra: { division?: string } = {}) => unwrap(await router.call('results.list', { raceId: 1, ...extra }, organiser))
  return { router, file, imported, list }
}

describe('divisions of the organiser’s own', () => {
  const field = [
    'R1,1,Ana,Lee,F,30,,,',
    'R2,2,Ben,Kim,M,41,Wheelchair,,',
    'R3,3,Cho,Park,F,28,Corporate,,Acme',
    'R4,4,Dan,Yoon,M,35,wheelchair ; Corporate,,Acme',
    'R5,5,Eva,Ha,F,52,Wheelchair,,',
    'R6,6,Fin,Oh,M,33,Corporate,,Globex',
  ]

  it('reads the division column of the import and gives each division its own places', async () => {
    const { list } = await tenK(field)
    const all = await list()
    expect(all.race.divisions).toEqual(['Corporate', 'Wheelchair'])
    expect(all.rows.map((r) => [r.bib, r.place, r.division, r.divisionPlaces])).toEqual([
      [1, 1, [], []],
      [2, 2, ['Wheelchair'], [1]],
      [3, 3, ['Corporate'], [1]],
      // Spelt "wheelchair " on this row: the same division as row 2's, named as first spelt.
      [4, 4, ['Wheelchair', 'Corporate'], [2, 2]],
      [5, 5, ['Wheelchair'], [3]],
      [6, 6, ['Corporate'], [3]],
    ])
    const wheelchair = await list({ division: 'WHEELCHAIR' })
    expect(wheelchair.rows.map((r) => r.bib)).toEqual([2, 4, 5])
    expect(wheelchair.total).toBe(3)
  })

  it('awards the divisions the race’s rules name: the top N, of each sex apart where they say so', async () => {
    const { router } = await tenK(field)
    unwrap(
      await router.call(
        'races.update',
        {
          id: 1,
          divisions: [
            { name: 'Wheelchair', top: 1, bySex: true },
            { name: 'corporate', top: 2, bySex: false },
          ],
        },
        organiser,
      ),
    )
    const awards = unwrap(await router.call('results.awards', {}, organiser)).races[0]
    expect(awards?.divisions.map((g) => [g.title, g.division, g.sex, g.rows.map((r) => r.bib)])).toEqual([
      ['Wheelchair F', 'Wheelchair', 'F', [5]],
      ['Wheelchair M', 'Wheelchair', 'M', [2]],
      ['corporate', 'corporate', null, [3, 4]],
    ])
  })

  it('moves a runner into a division from the runner’s card, and their places follow', async () => {
    const { router, list } = await tenK(field)
    const ana = (await list()).rows[0]!
    unwrap(await router.call('entrants.update', { id: ana.entrantId, divisions: ['Corporate'] }, organiser))
    expect((await list({ division: 'Corporate' })).rows.map((r) => [r.bib, r.divisionPlaces])).toEqual([
      [1, [1]],
      [3, [2]],
      [4, [2, 3]],
      [6, [4]],
    ])
    const entrant = unwrap(await router.call('entrants.get', { id: ana.entrantId }, organiser))
    expect(entrant.divisions).toEqual(['Corporate'])
  })

  it('reads a yes/no column as the division it is named after', () => {
    expect(divisionsOfCell('Wheelchair', 'Y')).toEqual(['Wheelchair'])
    expect(divisionsOfCell('Wheelchair', 'no')).toEqual([])
    expect(divisionsOfCell('Wheelchair', '')).toEqual([])
    expect(divisionsOfCell('Division', 'Military | Local resident')).toEqual(['Military', 'Local resident'])
  })

  it('scores teams from the team column when the race says so, and keeps a re-import without it from clearing it', async () => {
    const { router } = await tenK(field)
    unwrap(await router.call('races.update', { id: 1, teams: { score: 'places', size: 1, sex: 'open', mixedMin: 1, places: 'team', from: 'team' } }, organiser))
    const teams = unwrap(await router.call('results.teams', {}, organiser)).races[0]?.teams
    expect(teams?.map((t) => [t.team, t.scorers.map((s) => s.bib)])).toEqual([
      ['Acme', [3]],
      ['Globex', [6]],
    ])
    const again = unwrap(
      await importFile(router, csv(['Registration,Bib,First Name,Last Name,Gender,Age', 'R3,3,Cho,Park,F,29']), { race: '10K', duplicates: 'update' }),
    )
    expect(again).toMatchObject({ updated: 1 })
    const list = unwrap(await router.call('results.list', { raceId: 1, search: 'Park' }, organiser))
    expect(list.rows[0]).toMatchObject({ team: 'Acme', division: ['Corporate'] })
  })

  it('reach the CSV, the results site (#division= links) and the award list PDF', async () => {
    const { router, file } = await tenK(field)
    unwrap(await router.call('races.update', { id: 1, divisions: [{ name: 'Wheelchair', top: 2, bySex: false }] }, organiser))
    const csv = Papa.parse<Record<string, string>>(
      Buffer.from(unwrap(await router.call('results.export', { format: 'csv' }, organiser)).base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data
    expect(csv.filter((r) => r['bib'] === '4').map((r) => [r['division'], r['divisionPlace'], r['team']])).toEqual([['Wheelchair; Corporate', '2; 2', 'Acme']])

    const zip = unzipSync(Buffer.from(unwrap(await router.call('results.export', { format: 'html' }, organiser)).base64, 'base64'))
    const page = Buffer.from(Object.entries(zip).find(([path]) => path.endsWith('/10k.html'))?.[1] ?? []).toString('utf8')
    expect(page).toContain('<a href="#division=Wheelchair">Wheelchair</a>')
    expect(page).toContain('<select id="div"')
    const rows = JSON.parse(/<script type="application\/json" id="rows">(.*?)<\/script>/s.exec(page)?.[1] as string) as unknown[][]
    expect(rows[3]?.[12]).toEqual([
      ['Wheelchair', 2],
      ['Corporate', 2],
    ])

    const { path } = await printToFile(file, { kind: 'awards', raceId: 1 })
    expect(pdfText(path)).toMatch(/Wheelchair[\s\S]*1\s+2\s+Ben Kim[\s\S]*2\s+4\s+Dan Yoon/)
  })
})
