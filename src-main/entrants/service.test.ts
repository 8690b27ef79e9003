import { describe, expect, it } from 'vitest'
import { organiser, tempRouter } from '../../tests/support/temp-event'

async function eventWithRaces() {
  const { router, file } = await tempRouter()
  await router.call('event.update', { date: '2025-04-06' }, organiser)
  await router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }, organiser)
  await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 1000, last: 1999 }] }, organiser)
  return { router, file }
}

const kim = {
  raceId: 1,
  givenName: 'Min-jun',
  familyName: 'Kim',
  secondName: '김민준',
  sex: 'M',
  birthDate: '1986-01-18',
  nationality: 'prk',
  ref: '3100000',
} as const

describe('entrants', () => {
  it('creates an entrant with age on race day and a derived category', async () => {
    const { router } = await eventWithRaces()
    const created = await router.call('entrants.create', { ...kim, bib: 7, club: '  ', email: 'kim@example.com' }, organiser)
    expect(created).toMatchObject({
      ok: true,
      value: {
        givenName: 'Min-jun',
        secondName: '김민준',
        age: 39,
        category: 'M35',
        race: 'Marathon',
        nationality: 'PRK',
        club: null,
        bib: 7,
        status: 'registered',
      },
    })
    if (created.ok) expect(created.value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
  })

  it('keeps the age a registration gave when there is no birth date', async () => {
    const { router } = await eventWithRaces()
    const created = await router.call('entrants.create', { raceId: 2, givenName: 'Sam', familyName: 'Taylor', sex: 'X', age: 55 }, organiser)
    expect(created).toMatchObject({ ok: true, value: { birthDate: null, age: 55, category: 'X55' } })
  })

  it('moves runners to their new category when race day changes', async () => {
    const { router } = await eventWithRaces()
    const created = await router.call('entrants.create', { ...kim, birthDate: '1990-06-01' }, organiser)
    expect(created).toMatchObject({ ok: true, value: { category: 'M SEN'.replace(' ', '') } })
    await router.call('event.update', { date: '2025-06-01' }, organiser)
    expect(await router.call('entrants.get', { id: created.ok ? created.value.id : '' }, organiser)).toMatchObject({
      ok: true,
      value: { age: 35, category: 'M35' },
    })
  })

  it('refuses a bib outside the race ranges, and a bib someone holds, naming them', async () => {
    const { router } = await eventWithRaces()
    await router.call('entrants.create', { ...kim, bib: 7 }, organiser)
    expect(await router.call('entrants.create', { raceId: 1, givenName: 'Sarah', familyName: 'Jones', sex: 'F', bib: 1500 }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'BIB_OUT_OF_RANGE', details: { bib: 1500, race: 'Marathon', ranges: '1–999' } },
    })
    expect(await router.call('entrants.create', { raceId: 1, givenName: 'Sarah', familyName: 'Jones', sex: 'F', bib: 7 }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'BIB_TAKEN', message: 'Bib 7 already belongs to Min-jun Kim.' },
    })
  })

  it('refuses a registration reference that belongs to someone else', async () => {
    const { router } = await eventWithRaces()
    await router.call('entrants.create', kim, organiser)
    expect(await router.call('entrants.create', { ...kim, givenName: 'Other' }, organiser)).toMatchObject({ ok: false, error: { code: 'REF_TAKEN' } })
  })

  it('updates fields, re-derives the category, and checks the bib against the new race', async () => {
    const { router } = await eventWithRaces()
    const created = await router.call('entrants.create', { ...kim, bib: 7 }, organiser)
    const id = created.ok ? created.value.id : ''
    expect(await router.call('entrants.update', { id, raceId: 2 }, organiser)).toMatchObject({ ok: false, error: { code: 'BIB_OUT_OF_RANGE' } })
    const moved = await router.call('entrants.update', { id, raceId: 2, bib: 1001, birthDate: '1980-01-01', shirtSize: 'XL' }, organiser)
    expect(moved).toMatchObject({ ok: true, value: { race: '10K', bib: 1001, category: 'M45', shirtSize: 'XL', givenName: 'Min-jun' } })
  })

  it('lists entrants a page at a time, sorted and filtered', async () => {
    const { router } = await eventWithRaces()
    for (const [given, family, race, sex] of [
      ['Sarah', 'Jones', 1, 'F'],
      ['Erik', 'Andersson', 2, 'M'],
      ['Aoife', "O'Connor", 1, 'F'],
      ['Min-jun', 'Kim', 1, 'M'],
    ] as const) {
      await router.call('entrants.create', { raceId: race, givenName: given, familyName: family, sex, birthDate: '1980-01-01' }, organiser)
    }
    const page = await router.call('entrants.list', { limit: 2 }, organiser)
    expect(page).toMatchObject({ ok: true, value: { total: 4, items: [{ familyName: 'Andersson' }, { familyName: 'Jones' }] } })
    const women = await router.call('entrants.list', { raceId: 1, sex: 'F', sort: 'givenName', direction: 'desc' }, organiser)
    expect(women.ok && women.value.items.map((e) => e.givenName)).toEqual(['Sarah', 'Aoife'])
    const category = await router.call('entrants.list', { category: 'W45' }, organiser)
    expect(category.ok && category.value.total).toBe(2)
  })

  it('counts entrants per category, for one race or all', async () => {
    const { router } = await eventWithRaces()
    for (const [race, sex, birthDate] of [
      [1, 'F', '1980-01-01'],
      [1, 'F', '1979-06-01'],
      [2, 'M', '1995-01-01'],
    ] as const) {
      await router.call('entrants.create', { raceId: race, givenName: 'A', familyName: 'B', sex, birthDate }, organiser)
    }
    expect(await router.call('entrants.categories', {}, organiser)).toEqual({
      ok: true,
      value: [
        { category: 'MSEN', count: 1 },
        { category: 'W45', count: 2 },
      ],
    })
    expect(await router.call('entrants.categories', { raceId: 2 }, organiser)).toEqual({ ok: true, value: [{ category: 'MSEN', count: 1 }] })
  })

  it('deletes an entrant who has not picked up, and refuses one who has', async () => {
    const { router, file } = await eventWithRaces()
    const a = await router.call('entrants.create', kim, organiser)
    const b = await router.call('entrants.create', { raceId: 1, givenName: 'Sarah', familyName: 'Jones', sex: 'F' }, organiser)
    const [idA, idB] = [a.ok ? a.value.id : '', b.ok ? b.value.id : '']
    expect(await router.call('entrants.delete', { id: idA }, organiser)).toEqual({ ok: true, value: { id: idA } })
    expect(await router.call('entrants.search', { query: 'kim' }, organiser)).toEqual({ ok: true, value: { items: [] } })

    await file.db.updateTable('entrant').set({ status: 'checked-in' }).where('id', '=', idB).execute()
    expect(await router.call('entrants.delete', { id: idB }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'ENTRANT_CHECKED_IN', message: 'Sarah Jones has picked up their bib and cannot be deleted. Mark them withdrawn instead.' },
    })
    expect(await router.call('entrants.update', { id: idB, status: 'withdrawn' }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'ENTRANT_CHECKED_IN' },
    })
  })

  it('answers NOT_FOUND for an entrant that does not exist', async () => {
    const { router } = await eventWithRaces()
    for (const command of ['entrants.get', 'entrants.delete'] as const) {
      expect(await router.call(command, { id: 'nobody' }, organiser)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
  })
})

describe("a runner's wave", () => {
  it('is set by hand to one of the race’s waves, refused from another race, and left behind when the runner changes race', async () => {
    const { router } = await tempRouter()
    const tenK = await router.call('races.create', { name: '10K', distanceM: 10000, waves: [{ name: 'A' }, { name: 'B' }] }, organiser)
    const half = await router.call('races.create', { name: 'Half', distanceM: 21097, waves: [{ name: 'Elite' }] }, organiser)
    if (!tenK.ok || !half.ok) throw new Error('races')
    const [a, b] = tenK.value.waves
    const [elite] = half.value.waves
    const created = await router.call(
      'entrants.create',
      { raceId: tenK.value.id, givenName: 'Ana', familyName: 'Lee', sex: 'F', waveId: a?.id ?? null },
      organiser,
    )
    expect(created).toMatchObject({ ok: true, value: { waveId: a?.id, wave: 'A' } })
    if (!created.ok) return
    const id = created.value.id
    expect(await router.call('entrants.update', { id, waveId: b?.id ?? null }, organiser)).toMatchObject({ ok: true, value: { wave: 'B' } })
    expect(await router.call('entrants.update', { id, waveId: elite?.id ?? null }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'WAVE_NOT_IN_RACE', details: { race: '10K' } },
    })
    expect(await router.call('entrants.update', { id, givenName: 'Anna' }, organiser)).toMatchObject({ ok: true, value: { wave: 'B' } })
    expect(await router.call('entrants.update', { id, raceId: half.value.id }, organiser)).toMatchObject({
      ok: true,
      value: { race: 'Half', waveId: null, wave: null },
    })
  })
})
