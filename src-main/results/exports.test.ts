import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { pdfText, printToFile } from '../../tests/support/pdf'
import { ResultsEngine } from './engine'
import { resultsSite } from './html-site'
import { allResults } from './service'
import { factsChangedBy } from '../commands/registry'
import { unwrap } from '../../tests/support/results'

const hostile = '</script><img src=x onerror="alert(1)">'

async function hostileRace() {
  const { router, file } = await tempRouter()
  unwrap(await router.call('event.update', { name: `Night Run ${hostile}`, date: '2025-04-06', timeZone: 'Asia/Seoul' }, organiser))
  unwrap(await router.call('races.create', { name: '5K <b>', distanceM: 5000, bibRanges: [{ first: 1, last: 9 }] }, organiser))
  unwrap(
    await router.call(
      'entrants.create',
      { raceId: 1, givenName: hostile, familyName: '=HYPERLINK("http://x")', sex: 'F', bib: 1, club: '+cmd|calc' },
      organiser,
    ),
  )
  unwrap(await router.call('clock.start', { raceId: 1, atMs: Date.UTC(2025, 3, 6), device: 'f' }, finishLine))
  unwrap(await router.call('timing.capture', { device: 't', seq: 1, point: 'finish', atMs: Date.UTC(2025, 3, 6, 0, 20), bib: 1 }, finishLine))
  return { router, engine: new ResultsEngine(file.sqlite, factsChangedBy) }
}

describe('exports of hostile names', () => {
  it('keeps names as text in the results site: nothing closes the data or becomes markup', async () => {
    const { engine } = await hostileRace()
    const site = resultsSite(`Night Run ${hostile}`, allResults(engine), false, 'en')
    const page = site.get('5k-b.html') as string
    expect(page).not.toContain('</script><img')
    expect(page).not.toContain('<b>')
    expect(page).toContain('5K &#60;b&#62;')
    expect(site.get('index.html')).toContain('Night Run &#60;/script&#62;&#60;img src=x onerror=&#34;alert(1)&#34;&#62;')
    const data = /<script type="application\/json" id="rows">(.*?)<\/script>/s.exec(page)?.[1] as string
    expect(JSON.parse(data)[0][2]).toBe(`${hostile} =HYPERLINK("http://x")`)
  })

  it('writes a CSV a spreadsheet reads as text, never as a formula', async () => {
    const { router } = await hostileRace()
    const exported = unwrap(await router.call('results.export', { format: 'csv' }, organiser))
    const rows = Papa.parse<Record<string, string>>(
      Buffer.from(exported.base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data
    expect(rows[0]).toMatchObject({
      race: '5K <b>',
      place: '1',
      givenName: hostile,
      familyName: `'=HYPERLINK("http://x")`,
      club: "'+cmd|calc",
      gunTime: '20:00',
    })
  })
})

describe('age grades in the exports', () => {
  it('reach the CSV, the results site and the PDF result list', async () => {
    const { router, file } = await tempRouter()
    unwrap(await router.call('event.update', { date: '2025-04-06', timeZone: 'UTC' }, organiser))
    unwrap(await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 9 }] }, organiser))
    unwrap(await router.call('entrants.create', { raceId: 1, givenName: 'Eun-ji', familyName: 'Cho', sex: 'F', bib: 1, birthDate: '1962-04-06' }, organiser))
    unwrap(await router.call('entrants.create', { raceId: 1, givenName: 'Sam', familyName: 'Park', sex: 'X', bib: 2, birthDate: '1990-01-01' }, organiser))
    unwrap(await router.call('clock.start', { raceId: 1, atMs: Date.UTC(2025, 3, 6, 9), device: 'f' }, finishLine))
    for (const bib of [1, 2])
      unwrap(await router.call('timing.capture', { device: 't', seq: bib, point: 'finish', atMs: Date.UTC(2025, 3, 6, 9, 45), bib }, finishLine))
    const graded = unwrap(await router.call('results.list', { raceId: 1 }, organiser)).rows.find((r) => r.bib === 1)
    const pct = (graded?.ageGradePct as number).toFixed(2)

    const csv = Papa.parse<Record<string, string>>(
      Buffer.from(unwrap(await router.call('results.export', { format: 'csv' }, organiser)).base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data
    expect(csv.map((r) => [r['bib'], r['ageGradePct'], r['ageGradeReason']])).toEqual([
      ['1', pct, ''],
      ['2', '', 'sexNotInTables'],
    ])
    expect(csv[0]?.['ageGradedTime']).toMatch(/^\d\d:\d\d$/)

    const site = resultsSite('Run', allResults(new ResultsEngine(file.sqlite, factsChangedBy)), false, 'en').get('10k.html') as string
    expect(site).toContain('<th class="num">Age grade</th>')
    expect(JSON.parse(/<script type="application\/json" id="rows">(.*?)<\/script>/s.exec(site)?.[1] as string)[0][11]).toBe(`${pct} %`)

    const { path } = await printToFile(file, { kind: 'results', raceId: 1 })
    expect(pdfText(path)).toMatch(new RegExp(`Age grade[\\s\\S]*Cho[\\s\\S]*${pct.replace('.', '\\.')} %`))
  })
})
