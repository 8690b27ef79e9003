import { describe, expect, it } from 'vitest'
import { organiser, tempRouter } from '../../tests/support/temp-event'

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
    const result = await router.call('entrants.search', limit === undefined ? { query } : { query, limit }, organiser)
    if (!result.ok) throw new Error(result.error.message)
    return result.value.items.map((item) => `${item.givenName} ${item.familyName}`)
  }
  return { search }
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

  it('ranks a whole-word match above a prefix, and respects the limit', async () => {
    const { search } = await searchable()
    expect(await search('kim')).toEqual(expect.arrayContaining(['Min-jun Kim', 'Kim Andersson']))
    expect(await search('k', 1)).toHaveLength(1)
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
