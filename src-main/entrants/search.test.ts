import { describe, expect, it } from 'vitest'
import { desk, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

async function searchable() {
  const { router } = await tempRouter()
  await router.call('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
  const runners = [
    { givenName: 'Min-jun', familyName: 'Kim', secondName: '김민준', sex: 'M', ref: '3100000', bib: 20 },
    { givenName: 'Jörg', familyName: 'Schröder', sex: 'M', ref: '3100006', bib: 5 },
    { givenName: 'José', familyName: 'Müller', sex: 'M', ref: 'RR-77' },
    { givenName: 'Aoife', familyName: "O'Connor", sex: 'F', bib: 200 },
    { givenName: 'Lucía', familyName: 'García Márquez', sex: 'F' },
    { givenName: '경희', familyName: '리', sex: 'F', bib: 2 },
    { givenName: 'Kim', familyName: 'Andersson', sex: 'F' },
  ] as const
  for (const runner of runners) await router.call('entrants.create', { raceId: 1, ...runner }, organiser)
  const search = async (query: string, limit?: number) => {
    const result = unwrap(await router.call('entrants.search', limit === undefined ? { query } : { query, limit }, organiser))
    return result.items.map((item) => `${item.givenName} ${item.familyName}`)
  }
  return { search }
}

/** An office with these runners (given, family) in one race, and its search as the organiser: names found, best first. */
async function runnersNamed(runners: [string, string][]): Promise<(query: string) => Promise<string[]>> {
  const { router } = await tempRouter()
  await router.call('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
  for (const [givenName, familyName] of runners) await router.call('entrants.create', { raceId: 1, givenName, familyName, sex: 'F' }, organiser)
  return async (query) => {
    const found = await router.call('entrants.search', { query }, organiser)
    return found.ok ? found.value.items.map((item) => `${item.givenName} ${item.familyName}`) : []
  }
}

describe('searching entrants', () => {
  it('finds by a prefix of any word of the name, in any order', async () => {
    const { search } = await searchable()
    expect(await search('schr')).toEqual(['Jörg Schröder'])
    expect(await search('jo schr')).toEqual(['Jörg Schröder'])
    expect(await search('Schröder Jörg')).toEqual(['Jörg Schröder'])
    expect(await search('marq luc')).toEqual(['Lucía García Márquez'])
  })

  it('ignores case, accents and width', async () => {
    const { search } = await searchable()
    expect(await search('muller')).toEqual(['José Müller'])
    expect(await search('JOSE')).toEqual(['José Müller'])
    expect(await search('schroder')).toEqual(['Jörg Schröder'])
    expect(await search('ｍüｌｌｅｒ')).toEqual(['José Müller'])
    expect(await search('２００')).toEqual(["Aoife O'Connor"])
  })

  it('finds names written together or apart: Hangul, hyphens and apostrophes', async () => {
    const { search } = await searchable()
    expect(await search('김민준')).toEqual(['Min-jun Kim'])
    expect(await search('김민')).toEqual(['Min-jun Kim'])
    expect(await search('민준')).toEqual(['Min-jun Kim'])
    expect(await search('리경희')).toEqual(['경희 리'])
    expect(await search('리 경희')).toEqual(['경희 리'])
    expect(await search('minjun')).toEqual(['Min-jun Kim'])
    expect(await search('oconnor')).toEqual(["Aoife O'Connor"])
    expect(await search("o'connor")).toEqual(["Aoife O'Connor"])
  })

  it('puts an exact bib or registration reference first', async () => {
    const { search } = await searchable()
    expect(await search('20')).toEqual(['Min-jun Kim'])
    expect(await search('2')).toEqual(['경희 리'])
    expect(await search('3100006')).toEqual(['Jörg Schröder'])
    expect(await search('rr-77')).toEqual(['José Müller'])
  })

  it('finds the runner holding a scanned bib code, whoever held the number when it was printed', async () => {
    const { search } = await searchable()
    expect(await search('RO/20/3100000')).toEqual(['Min-jun Kim'])
    expect(await search('RO/5/stale-reference')).toEqual(['Jörg Schröder'])
    expect(await search('RO/999/')).toEqual([])
  })

  it('ranks the family name typed whole first, then one it begins, then given names, and respects the limit', async () => {
    const { search } = await searchable()
    expect(await search('kim')).toEqual(['Min-jun Kim', 'Kim Andersson'])
    expect(await search('k', 1)).toHaveLength(1)

    const names = await runnersNamed([
      ['Lee', 'Brown'],
      ['Tom', 'Leeds'],
      ['Ann', 'Lee'],
      ['Leeann', 'Park'],
      ['Amy', 'Lee'],
    ])
    expect(await names('lee')).toEqual(['Ann Lee', 'Amy Lee', 'Tom Leeds', 'Lee Brown', 'Leeann Park'])
    expect(await names('lee a')).toEqual(['Ann Lee', 'Amy Lee'])
    expect(await names('lee am')).toEqual(['Amy Lee'])
  })

  it('finds a runner by initials as desks type them: family name and given initials, or initial and family name', async () => {
    const names = await runnersNamed([
      ['Min-jun', 'Kim'],
      ['Min-seo', 'Kim'],
      ['John', 'Smith'],
      ['Jane', 'Smithson'],
      ['Mary Jane', 'Watson'],
    ])
    expect(await names('kim mj')).toEqual(['Min-jun Kim'])
    expect(await names('kim ms')).toEqual(['Min-seo Kim'])
    expect(await names('jsmith')).toEqual(['John Smith', 'Jane Smithson'])
    expect(await names('jsmiths')).toEqual(['Jane Smithson'])
    expect(await names('watson mj')).toEqual(['Mary Jane Watson'])
  })

  it('puts runners not yet picked up before those who have, and the desk’s own race before others', async () => {
    const { router } = await tempRouter()
    await router.call('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
    await router.call('races.create', { name: '10K', distanceM: 10000 }, organiser)
    const ids: string[] = []
    for (const [raceId, givenName] of [
      [1, 'Ana'],
      [1, 'Bo'],
      [2, 'Cy'],
      [2, 'Di'],
      [2, 'Ed'],
      [2, 'Flo'],
    ] as const) {
      const created = await router.call('entrants.create', { raceId, givenName, familyName: 'Park', sex: 'F' }, organiser)
      if (created.ok) ids.push(created.value.id)
    }
    const names = async (session: typeof organiser): Promise<string[]> => {
      const found = await router.call('entrants.search', { query: 'park' }, session)
      return found.ok ? found.value.items.map((item) => item.givenName) : []
    }
    expect(await names(organiser)).toEqual(['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'])
    // This desk hands out 10K packets: its check-ins are the 10K's.
    for (const id of ids.slice(2, 4)) expect((await router.call('checkin.checkIn', { entrantId: id }, desk)).ok).toBe(true)
    expect(await names(desk)).toEqual(['Ed', 'Flo', 'Ana', 'Bo', 'Cy', 'Di'])
    // The office checks in for every race: no race of its own, only who has picked up.
    expect(await names(organiser)).toEqual(['Ana', 'Bo', 'Ed', 'Flo', 'Cy', 'Di'])
  })

  it('answers nothing for an empty query or a query of symbols, and survives FTS syntax', async () => {
    const { search } = await searchable()
    expect(await search('   ')).toEqual([])
    expect(await search('"*')).toEqual([])
    expect(await search('kim OR NEAR(')).toEqual([])
    // An FTS operator typed as a name is a name: "and" is the start of Andersson.
    expect(await search('AND')).toEqual(['Kim Andersson'])
  })

  it('returns race, category and status with each hit', async () => {
    const { router } = await tempRouter()
    await router.call('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
    await router.call('entrants.create', { raceId: 1, givenName: 'Sarah', familyName: 'Jones', sex: 'F', age: 45, bib: 3 }, organiser)
    expect(await router.call('entrants.search', { query: 'jones' }, organiser)).toMatchObject({
      ok: true,
      value: { items: [{ bib: 3, givenName: 'Sarah', familyName: 'Jones', race: 'Marathon', category: 'W45', status: 'registered' }] },
    })
  })
})
