import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { ResultRow } from '../../src-shared/contract/results'
import { finishLine, organiser, tempRouter } from '../../tests/support/temp-event'
import { csv, importFile, upload } from '../../tests/support/import'
import { unwrap } from '../../tests/support/results'

// The 2012 Boston Marathon's published results (../shared/validation), turned back into entrants
// and start/finish reads, must come out of the engine with every official overall and sex place.
//
// The published times are whole seconds (written as minutes with two decimals); the timing system
// ranked on its reads' fractions of a second, which are not published. The reads made here carry
// fractions that keep runners of equal published net time in their official order — nothing else
// about the order comes from the published places.

const file = join(import.meta.dirname, '..', '..', '..', 'shared', 'validation', 'boston-marathon-2012-results.csv')
const gun = Date.UTC(2012, 3, 16, 14, 0, 0) // 10:00 in Boston

interface Published {
  bib: number
  family: string
  given: string
  sex: 'F' | 'M'
  age: number
  officialS: number | null
  netS: number
  place: number
  sexPlace: number
  divisionPlace: number
}

const placeOf = (text: string): [number, number] => text.split('/').map((p) => Number(p.trim())) as [number, number]

function mainRace(): Published[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data
  return rows
    .filter((r) => placeOf(r.overall as string)[1] === 21_616)
    .map((r) => {
      const [family, given] = (r.name as string).split(/,\s*/) as [string, string]
      const bib = r.bib as string
      return {
        // Elite women's bibs are F1…F31; here they are 90001…
        bib: bib.startsWith('F') ? 90_000 + Number(bib.slice(1)) : Number(bib),
        family,
        given: given ?? '',
        sex: r.gender as 'F' | 'M',
        age: Number(r.age),
        officialS: r.official === '-' ? null : Math.round(Number(r.official) * 60),
        netS: Math.round(Number(r.net) * 60),
        place: placeOf(r.overall as string)[0],
        sexPlace: placeOf(r.genderdiv as string)[0],
        divisionPlace: placeOf(r.division as string)[0],
      }
    })
}

/** Start and finish instants whose gun and net times round up to the published seconds. */
function readsOf(runners: Published[]): { bib: number; start: number; finish: number }[] {
  const byNet = new Map<number, Published[]>()
  for (const r of runners) byNet.set(r.netS, [...(byNet.get(r.netS) ?? []), r])
  return runners.map((r) => {
    const tied = (byNet.get(r.netS) as Published[]).sort((a, b) => a.place - b.place)
    const fraction = Math.round((1000 * (tied.indexOf(r) + 1)) / (tied.length + 1))
    const netMs = r.netS * 1000 - 1000 + fraction
    // No published gun time (76 runners): they crossed the start ten minutes after the gun.
    const finish = r.officialS === null ? gun + 10 * 60_000 + netMs : gun + r.officialS * 1000
    return { bib: r.bib, start: finish - netMs, finish }
  })
}

const timeOfDay = (ms: number): string => new Date(ms - 4 * 3600_000).toISOString().slice(11, 23)

describe('the 2012 Boston Marathon, ranked by net time', () => {
  it('reproduces every official overall, sex and age-division place of the 21,616 finishers', { timeout: 120_000 }, async () => {
    const published = mainRace()
    expect(published).toHaveLength(21_616)
    const { router } = await tempRouter()
    unwrap(await router.call('event.update', { name: 'Boston Marathon 2012', date: '2012-04-16', timeZone: 'America/New_York' }, organiser))
    // The B.A.A.'s divisions: 18–39, then five-year bands.
    const bands = [18, 40, 45, 50, 55, 60, 65, 70, 75, 80].map((fromAge) => ({ fromAge }))
    const race = unwrap(
      await router.call(
        'races.create',
        { name: 'Marathon', distanceM: 42_195, bibRanges: [{ first: 1, last: 99_999 }], categoryBands: bands, ranking: 'net' },
        organiser,
      ),
    )
    const entries = csv([
      'Bib,First Name,Last Name,Gender,Age,Event',
      ...published.map((p) => [p.bib, p.given, p.family, p.sex, p.age, 'Marathon'].map((v) => `"${String(v).replace(/"/g, '""')}"`).join(',')),
    ])
    expect(unwrap(await importFile(router, entries))).toMatchObject({ imported: 21_616 })
    unwrap(await router.call('clock.start', { raceId: race.id, atMs: gun, device: 'official' }, finishLine))
    const reads = readsOf(published).flatMap((r) => [`${r.bib},${timeOfDay(r.start)},start`, `${r.bib},${timeOfDay(r.finish)},finish`])
    const readsId = await upload(router, csv(['bib,time,point', ...reads]), 'reads.csv')
    expect(unwrap(await router.call('reads.import', { id: readsId }, organiser))).toMatchObject({ imported: 43_232, rejected: [] })

    const rows: ResultRow[] = []
    for (let offset = 0; ; offset += 1000) {
      const page = unwrap(await router.call('results.list', { raceId: race.id, offset, limit: 1000 }, organiser))
      rows.push(...page.rows)
      if (rows.length >= page.total) break
    }
    const ours = new Map(rows.map((r) => [r.bib, r]))
    const wrong = published.filter((p) => {
      const r = ours.get(p.bib)
      return r?.place !== p.place || r.sexPlace !== p.sexPlace || r.categoryPlace !== p.divisionPlace || r.netTimeMs !== p.netS * 1000
    })
    expect(wrong.slice(0, 5)).toEqual([])
    expect(rows.every((r) => r.status === 'finished')).toBe(true)
  })
})
