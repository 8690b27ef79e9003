import { describe, expect, it } from 'vitest'
import { desk, organiser, tempRouter } from '../../tests/support/temp-event'

const marathon = { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }], colour: '#c0392b' }

describe('races', () => {
  it('creates a race and lists it with its bib ranges and no waves', async () => {
    const { router } = await tempRouter()
    const created = await router.call('races.create', { ...marathon, startAt: Date.UTC(2025, 3, 6, 0, 30) }, organiser)
    expect(created).toEqual({
      ok: true,
      value: {
        id: 1,
        name: 'Marathon',
        distanceM: 42195,
        startAt: Date.UTC(2025, 3, 6, 0, 30),
        colour: '#c0392b',
        bibRanges: [{ first: 1, last: 999 }],
        categoryBands: null,
        waves: [],
        bibsAtPickup: false,
        // World Athletics unless the organiser says otherwise: gun time, whole seconds.
        rules: {
          ranking: 'gun',
          precision: 's',
          awardOverall: 3,
          awardCategory: 3,
          awardExcludeOverall: true,
          awardAgeGraded: 0,
          awardTeams: 3,
          teams: null,
          divisions: [],
          bands: null,
        },
      },
    })
    expect(await router.call('races.list', {}, desk)).toEqual({ ok: true, value: [created.ok && created.value] })
  })

  it('keeps a race’s result rules, and refuses rules that are not rules', async () => {
    const { router } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    const updated = await router.call(
      'races.update',
      { id: 1, ranking: 'net', precision: 'cs', awardOverall: 5, awardCategory: 0, awardExcludeOverall: false },
      organiser,
    )
    expect(updated).toMatchObject({
      ok: true,
      value: { rules: { ranking: 'net', precision: 'cs', awardOverall: 5, awardCategory: 0, awardExcludeOverall: false } },
    })
    expect(await router.dispatch('races.update', { id: 1, ranking: 'chip' }, organiser)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await router.call('races.update', { id: 1, awardOverall: 51 }, organiser)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses a second race with the same name in any case', async () => {
    const { router } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    expect(await router.call('races.create', { name: 'MARATHON', distanceM: 42195 }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'RACE_NAME_TAKEN', details: { name: 'Marathon' } },
    })
  })

  it("refuses bib ranges that overlap another race's, naming that race", async () => {
    const { router } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    const result = await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 900, last: 1500 }] }, organiser)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BIB_RANGE_OVERLAP', details: { race: 'Marathon', first: 900, last: 1500, otherFirst: 1, otherLast: 999 } },
    })
  })

  it.each([
    [{ name: 'Half', distanceM: 21097.5 }, 'distanceM'],
    [{ name: 'Half', distanceM: 0 }, 'distanceM'],
    [{ name: 'Half' }, 'distanceM'],
    [{ distanceM: 21097 }, 'name'],
    [{ name: 'Half', distanceM: 21097, colour: 'red' }, 'colour'],
    [{ name: 'Half', distanceM: 21097, startAt: -1 }, 'startAt'],
    [{ name: 'Half', distanceM: 21097, bibRanges: [{ first: 10, last: 1 }] }, 'bibRanges.0.last'],
    [
      {
        name: 'Half',
        distanceM: 21097,
        bibRanges: [
          { first: 1, last: 10 },
          { first: 5, last: 20 },
        ],
      },
      'bibRanges',
    ],
  ])('refuses %j with INVALID_INPUT at %s', async (input, path) => {
    const { router } = await tempRouter()
    const result = await router.dispatch('races.create', input, organiser)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!result.ok) expect((result.error.details?.issues as { path: string }[]).map((i) => i.path)).toContain(path)
  })

  it('updates only the fields given and replaces bib ranges', async () => {
    const { router } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    const updated = await router.call(
      'races.update',
      {
        id: 1,
        distanceM: 42200,
        bibRanges: [
          { first: 1, last: 500 },
          { first: 2000, last: 2100 },
        ],
      },
      organiser,
    )
    expect(updated).toMatchObject({
      ok: true,
      value: {
        name: 'Marathon',
        distanceM: 42200,
        colour: '#c0392b',
        bibRanges: [
          { first: 1, last: 500 },
          { first: 2000, last: 2100 },
        ],
      },
    })
  })

  it("stores an organiser's category bands and derives every entrant's category again", async () => {
    const { router } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    const runner = await router.call('entrants.create', { raceId: 1, givenName: 'Sarah', familyName: 'Jones', sex: 'F', birthDate: '1980-03-01' }, organiser)
    expect(runner).toMatchObject({ ok: true, value: { age: 45, category: 'W45' } })
    const bands = [{ fromAge: 18 }, { fromAge: 40 }, { fromAge: 50, name: 'Veterans' }]
    expect(await router.call('races.update', { id: 1, categoryBands: bands }, organiser)).toMatchObject({ ok: true, value: { categoryBands: bands } })
    expect(await router.call('entrants.get', { id: runner.ok ? runner.value.id : '' }, organiser)).toMatchObject({ ok: true, value: { category: 'W40-49' } })
    await router.call('races.update', { id: 1, categoryBands: null }, organiser)
    expect(await router.call('entrants.get', { id: runner.ok ? runner.value.id : '' }, organiser)).toMatchObject({ ok: true, value: { category: 'W45' } })
  })

  it('refuses category bands that start twice at the same age', async () => {
    const { router } = await tempRouter()
    expect(await router.dispatch('races.create', { ...marathon, categoryBands: [{ fromAge: 18 }, { fromAge: 18 }] }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })

  it('lets a race keep its own ranges while renaming it', async () => {
    const { router } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    expect(await router.call('races.update', { id: 1, name: 'Full Marathon', bibRanges: marathon.bibRanges }, organiser)).toMatchObject({ ok: true })
  })

  it('answers NOT_FOUND for a race that does not exist', async () => {
    const { router } = await tempRouter()
    expect(await router.call('races.update', { id: 7, name: 'Ghost' }, organiser)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await router.call('races.delete', { id: 7 }, organiser)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('deletes a race nobody is entered in, with its ranges', async () => {
    const { router, file } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    expect(await router.call('races.delete', { id: 1 }, organiser)).toEqual({ ok: true, value: { id: 1 } })
    expect(await router.call('races.list', {}, organiser)).toEqual({ ok: true, value: [] })
    expect(await file.db.selectFrom('race_bib_range').selectAll().execute()).toEqual([])
  })

  it('refuses to delete a race once entrants reference it, saying how many', async () => {
    const { router, file } = await tempRouter()
    await router.call('races.create', marathon, organiser)
    await router.call('entrants.create', { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M' }, organiser)
    await router.call('entrants.create', { raceId: 1, givenName: 'Sarah', familyName: 'Jones', sex: 'F', bib: 2 }, organiser)
    const result = await router.call('races.delete', { id: 1 }, organiser)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'RACE_HAS_ENTRANTS',
        message: 'Marathon has 2 entrant(s). Move or remove them before deleting the race.',
        details: { race: 'Marathon', count: 2 },
      },
    })
    expect(await file.db.selectFrom('race').select('name').execute()).toEqual([{ name: 'Marathon' }])
  })

  it('keeps a wave’s runners while the wave keeps its name, and frees them when it goes', async () => {
    const { router, file } = await tempRouter()
    const start = Date.UTC(2025, 3, 6, 0)
    await router.call('races.create', { name: '10K', distanceM: 10000, waves: [{ name: 'A', startAt: start }, { name: 'B' }] }, organiser)
    const runner = await router.call('entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Lee', sex: 'F' }, organiser)
    if (!runner.ok) throw new Error(runner.error.message)
    const [a, b] = (await file.db.selectFrom('wave').select('id').orderBy('position').execute()).map((w) => w.id)
    await file.db
      .updateTable('entrant')
      .set({ wave_id: b ?? null })
      .execute()

    const reordered = await router.call('races.update', { id: 1, waves: [{ name: 'b' }, { name: 'A', startAt: start }, { name: 'C' }] }, organiser)
    expect(reordered).toMatchObject({ ok: true, value: { waves: [{ id: b, name: 'b', startAt: null }, { id: a, name: 'A', startAt: start }, { name: 'C' }] } })
    expect((await file.db.selectFrom('entrant').select('wave_id').executeTakeFirstOrThrow()).wave_id).toBe(b)

    await router.call('races.update', { id: 1, waves: [{ name: 'A' }] }, organiser)
    expect((await file.db.selectFrom('entrant').select('wave_id').executeTakeFirstOrThrow()).wave_id).toBeNull()
    expect(await router.call('races.update', { id: 1, waves: [{ name: 'A' }, { name: 'a' }] }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})
