import { describe, expect, it } from 'vitest'
import { desk, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

async function raceWithRunners(bibRanges = [{ first: 1, last: 20 }]) {
  const { router, file } = await tempRouter()
  await router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges }, organiser)
  await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 100, last: 120 }] }, organiser)
  const ids: Record<string, string> = {}
  for (const [given, family] of [
    ['Sarah', 'Smith'],
    ['Erik', 'Andersson'],
    ['Jörg', 'Müller'],
    ['Min-jun', 'Kim'],
  ]) {
    const created = unwrap(await router.call('entrants.create', { raceId: 1, givenName: given as string, familyName: family as string, sex: 'F' }, organiser))
    ids[family as string] = created.id
  }
  const bibs = async () => {
    const page = await router.call('entrants.list', { raceId: 1, sort: 'createdAt' }, organiser)
    return page.ok ? Object.fromEntries(page.value.items.map((e) => [e.familyName, e.bib])) : {}
  }
  return { router, file, ids, bibs }
}

describe('assigning bibs by rule', () => {
  it('previews a plan without writing, then applies it in registration order', async () => {
    const { router, bibs } = await raceWithRunners()
    const plan = await router.call('bibs.plan', { raceId: 1 }, organiser)
    expect(plan).toMatchObject({ ok: true, value: { race: 'Marathon', rule: 'registration', unchanged: 0, missing: 0 } })
    if (plan.ok)
      expect(plan.value.changes.map((c) => [c.name, c.to])).toEqual([
        ['Sarah Smith', 1],
        ['Erik Andersson', 2],
        ['Jörg Müller', 3],
        ['Min-jun Kim', 4],
      ])
    expect(await bibs()).toEqual({ Smith: null, Andersson: null, Müller: null, Kim: null })
    expect(await router.call('bibs.apply', { raceId: 1 }, organiser)).toEqual({
      ok: true,
      value: { race: 'Marathon', rule: 'registration', assigned: 4, unchanged: 0, seeded: 0 },
    })
    expect(await bibs()).toEqual({ Smith: 1, Andersson: 2, Müller: 3, Kim: 4 })
  })

  it("renumbers alphabetically with the race's saved rule, skipping excluded and reserved numbers", async () => {
    const { router, bibs } = await raceWithRunners()
    await router.call('bibs.configure', { raceId: 1, rule: 'alphabetical', reserved: [{ first: 1, last: 2, purpose: 'elite' }] }, organiser)
    await router.call('bibs.exclude', { bibs: [4, 13] }, organiser)
    await router.call('bibs.apply', { raceId: 1 }, organiser)
    expect(await bibs()).toEqual({ Andersson: 3, Kim: 5, Müller: 6, Smith: 7 })
    expect(await router.call('bibs.settings', { raceId: 1 }, desk)).toEqual({
      ok: true,
      value: { raceId: 1, rule: 'alphabetical', reserved: [{ first: 1, last: 2, purpose: 'elite' }], excluded: [4, 13], voided: [] },
    })
  })

  it('keeps existing numbers with the fill rule and numbers only the rest', async () => {
    const { router, ids, bibs } = await raceWithRunners()
    await router.call('bibs.assign', { entrantId: ids['Kim'] as string, bib: 1, reason: 'asked for it' }, organiser)
    expect(await router.call('bibs.apply', { raceId: 1, rule: 'fill' }, organiser)).toMatchObject({ ok: true, value: { assigned: 3, unchanged: 1 } })
    expect(await bibs()).toEqual({ Smith: 2, Andersson: 3, Müller: 4, Kim: 1 })
  })

  it('refuses a range too small, saying how many numbers are missing, and changes nothing', async () => {
    const { router, bibs } = await raceWithRunners([{ first: 1, last: 3 }])
    expect(await router.call('bibs.apply', { raceId: 1 }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'BIB_RANGE_TOO_SMALL', details: { missing: 1 } },
    })
    expect(await bibs()).toEqual({ Smith: null, Andersson: null, Müller: null, Kim: null })
  })

  it('never moves the number of a runner who has picked up', async () => {
    const { router, file, ids, bibs } = await raceWithRunners()
    await router.call('bibs.apply', { raceId: 1 }, organiser)
    await file.db
      .updateTable('entrant')
      .set({ status: 'checked-in' })
      .where('id', '=', ids['Smith'] as string)
      .execute()
    await router.call('bibs.apply', { raceId: 1, rule: 'alphabetical' }, organiser)
    expect((await bibs())['Smith']).toBe(1)
  })
})

describe('changing one runner’s number', () => {
  it('assigns by hand, refusing excluded, taken and out-of-range numbers', async () => {
    const { router, ids } = await raceWithRunners()
    await router.call('bibs.exclude', { bibs: [13] }, organiser)
    const kim = ids['Kim'] as string
    expect(await router.call('bibs.assign', { entrantId: kim, bib: 13 }, organiser)).toMatchObject({ ok: false, error: { code: 'BIB_EXCLUDED' } })
    expect(await router.call('bibs.assign', { entrantId: kim, bib: 105 }, organiser)).toMatchObject({ ok: false, error: { code: 'BIB_OUT_OF_RANGE' } })
    await router.call('bibs.assign', { entrantId: ids['Smith'] as string, bib: 7 }, organiser)
    expect(await router.call('bibs.assign', { entrantId: kim, bib: 7 }, organiser)).toMatchObject({ ok: false, error: { code: 'BIB_TAKEN' } })
    expect(await router.call('bibs.assign', { entrantId: kim, bib: 8 }, organiser)).toEqual({ ok: true, value: { entrantId: kim, bib: 8 } })
  })

  it('swaps two runners’ numbers and records both in their history', async () => {
    const { router, ids, bibs } = await raceWithRunners()
    await router.call('bibs.apply', { raceId: 1 }, organiser)
    const [smith, kim] = [ids['Smith'] as string, ids['Kim'] as string]
    expect(await router.call('bibs.swap', { entrantIds: [smith, kim], reason: 'envelopes mixed up' }, organiser)).toMatchObject({ ok: true })
    expect(await bibs()).toMatchObject({ Smith: 4, Kim: 1 })
    const history = await router.call('bibs.history', { entrantId: smith }, desk)
    expect(history).toMatchObject({
      ok: true,
      value: [
        { kind: 'assign', from: null, to: 1, reason: 'numbered by registration', actor: 'Test Organiser' },
        { kind: 'swap', from: 1, to: 4, reason: 'envelopes mixed up', desk: 'office' },
      ],
    })
  })

  it('voids a lost bib: the runner gets the next free number and the old one is never used again', async () => {
    const { router, ids, bibs } = await raceWithRunners()
    await router.call('bibs.apply', { raceId: 1 }, organiser)
    const smith = ids['Smith'] as string
    expect(await router.call('bibs.void', { entrantId: smith, reason: 'lost in the rain' }, organiser)).toEqual({
      ok: true,
      value: { entrantId: smith, voided: 1, bib: 5 },
    })
    expect(await router.call('entrants.create', { raceId: 1, givenName: 'New', familyName: 'Runner', sex: 'M', bib: 1 }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'BIB_VOIDED' },
    })
    await router.call('bibs.apply', { raceId: 1, rule: 'alphabetical' }, organiser)
    expect(await bibs()).toEqual({ Andersson: 2, Kim: 3, Müller: 4, Smith: 5 })
    expect(await router.call('bibs.history', { entrantId: smith }, organiser)).toMatchObject({
      ok: true,
      value: [{ kind: 'assign' }, { kind: 'void', from: 1, to: 5, reason: 'lost in the rain' }],
    })
  })

  it('refuses to void a runner without a bib', async () => {
    const { router, ids } = await raceWithRunners()
    expect(await router.call('bibs.void', { entrantId: ids['Kim'] as string, reason: 'lost' }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'ENTRANT_HAS_NO_BIB' },
    })
  })

  it('gives a number to exactly one runner when many desks ask for it at once', async () => {
    const { router, ids, bibs } = await raceWithRunners()
    const results = await Promise.all(Object.values(ids).map((entrantId) => router.call('bibs.assign', { entrantId, bib: 9 }, organiser)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['BIB_TAKEN', 'BIB_TAKEN', 'BIB_TAKEN'])
    expect(Object.values(await bibs()).filter((bib) => bib === 9)).toHaveLength(1)
  })

  it('lets only the organiser change numbers', async () => {
    const { router, ids } = await raceWithRunners()
    expect(await router.call('bibs.assign', { entrantId: ids['Kim'] as string, bib: 3 }, desk)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
  })
})

describe('seeding waves', () => {
  it('seeds runners into the race’s waves by predicted time when numbering by prediction, and shows the line-up first', async () => {
    const { router, file } = await tempRouter()
    await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1, last: 99 }], waves: [{ name: 'A' }, { name: 'B' }] }, organiser)
    const predicted = { Fast: 35, Quick: 40, Steady: 55, Slow: 70, Unknown: null }
    for (const [family, minutes] of Object.entries(predicted)) {
      await router.call(
        'entrants.create',
        { raceId: 1, givenName: 'Runner', familyName: family, sex: 'F', ...(minutes !== null && { predictedTimeMs: minutes * 60_000 }) },
        organiser,
      )
    }
    expect(await router.call('bibs.plan', { raceId: 1, rule: 'predicted' }, organiser)).toMatchObject({
      ok: true,
      value: {
        waves: [
          { name: 'A', runners: 3 },
          { name: 'B', runners: 2 },
        ],
      },
    })
    expect(await router.call('bibs.plan', { raceId: 1, rule: 'registration' }, organiser)).toMatchObject({ ok: true, value: { waves: [] } })
    expect(await router.call('bibs.apply', { raceId: 1, rule: 'predicted' }, organiser)).toMatchObject({ ok: true, value: { assigned: 5, seeded: 5 } })
    const rows = await file.db
      .selectFrom('entrant')
      .innerJoin('wave', 'wave.id', 'entrant.wave_id')
      .select(['entrant.family_name', 'entrant.bib', 'wave.name'])
      .orderBy('entrant.bib')
      .execute()
    expect(rows.map((r) => `${r.bib} ${r.family_name} ${r.name}`)).toEqual(['1 Fast A', '2 Quick A', '3 Steady A', '4 Slow B', '5 Unknown B'])
    const listed = await router.call('entrants.list', { raceId: 1, sort: 'bib' }, organiser)
    expect(listed.ok && listed.value.items.map((e) => e.wave)).toEqual(['A', 'A', 'A', 'B', 'B'])
  })
})
