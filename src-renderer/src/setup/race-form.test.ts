import { describe, expect, it } from 'vitest'
import { emptyRaceForm, fieldOfError, raceFormFrom, readRaceForm } from './race-form'

const clock = { date: '2025-04-06', timeZone: 'Asia/Pyongyang' }

describe('the race form', () => {
  it('reads a complete form into the races.create input', () => {
    const result = readRaceForm(
      {
        name: ' Marathon ',
        distanceKm: '42.195',
        startTime: '08:30',
        colour: '#c0392b',
        bibRanges: '1-999, 2000–2099',
        categoryBands: '',
        waves: '',
        bibsAtPickup: false,
      },
      clock,
    )
    expect(result).toEqual({
      ok: true,
      input: {
        name: 'Marathon',
        distanceM: 42195,
        startAt: Date.UTC(2025, 3, 5, 23, 30),
        colour: '#c0392b',
        categoryBands: null,
        waves: [],
        bibsAtPickup: false,
        bibRanges: [
          { first: 1, last: 999 },
          { first: 2000, last: 2099 },
        ],
      },
    })
  })

  it('takes a decimal comma, a km suffix, single bibs and empty optional fields', () => {
    const result = readRaceForm({ ...emptyRaceForm, name: 'Half', distanceKm: '21,097 km', bibRanges: '7' }, clock)
    expect(result).toEqual({
      ok: true,
      input: {
        name: 'Half',
        distanceM: 21097,
        startAt: null,
        colour: null,
        categoryBands: null,
        waves: [],
        bibsAtPickup: false,
        bibRanges: [{ first: 7, last: 7 }],
      },
    })
  })

  it('puts each problem beside its own field, as catalogue keys', () => {
    const result = readRaceForm(
      { name: '', distanceKm: 'far', startTime: '8h30', colour: '', bibRanges: '1 to 999', categoryBands: 'old people', waves: 'A 25:99', bibsAtPickup: false },
      clock,
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        name: { key: 'validation.too_small_string' },
        distanceKm: { key: 'setup.race.errors.distance' },
        startTime: { key: 'setup.race.errors.start' },
        bibRanges: { key: 'setup.race.errors.bibRanges' },
        categoryBands: { key: 'setup.race.errors.categoryBands' },
        waves: { key: 'setup.race.errors.waves' },
      },
    })
  })

  it("reads the organiser's own category bands, with or without names", () => {
    const result = readRaceForm({ ...emptyRaceForm, name: '10K', distanceKm: '10', categoryBands: '18, 40, 50 Veterans, 60=Super' }, clock)
    expect(result).toMatchObject({
      ok: true,
      input: { categoryBands: [{ fromAge: 18 }, { fromAge: 40 }, { fromAge: 50, name: 'Veterans' }, { fromAge: 60, name: 'Super' }] },
    })
    expect(readRaceForm({ ...emptyRaceForm, name: '10K', distanceKm: '10', categoryBands: '18, 18' }, clock)).toMatchObject({
      ok: false,
      errors: { categoryBands: { key: 'validation.custom' } },
    })
  })

  it('uses the contract for what only the contract knows: ranges back to front or overlapping', () => {
    const result = readRaceForm({ ...emptyRaceForm, name: '10K', distanceKm: '10', bibRanges: '1-100, 50-60' }, clock)
    expect(result).toMatchObject({ ok: false, errors: { bibRanges: { key: 'validation.custom' } } })
  })

  it('shows a saved race as the organiser typed it, and reads it back the same', () => {
    const waves = [
      { id: 1, name: 'Elite', startAt: Date.UTC(2025, 3, 5, 23, 25) },
      { id: 2, name: 'Wave 1', startAt: Date.UTC(2025, 3, 5, 23, 30) },
      { id: 3, name: 'Walkers', startAt: null },
    ]
    const race = {
      id: 1,
      name: 'Marathon',
      distanceM: 42195,
      startAt: Date.UTC(2025, 3, 5, 23, 30),
      colour: null,
      bibRanges: [{ first: 1, last: 999 }],
      categoryBands: [{ fromAge: 18 }, { fromAge: 50, name: 'Veterans' }],
      waves,
      bibsAtPickup: true,
      rules: {
        ranking: 'gun' as const,
        precision: 's' as const,
        awardOverall: 3,
        awardCategory: 3,
        awardExcludeOverall: true,
        awardAgeGraded: 0,
        awardTeams: 3,
        teams: null,
        divisions: [],
        bands: null,
      },
    }
    const form = raceFormFrom(race, clock)
    expect(form).toEqual({
      name: 'Marathon',
      distanceKm: '42.195',
      startTime: '08:30',
      colour: '',
      bibRanges: '1-999',
      categoryBands: '18, 50 Veterans',
      waves: 'Elite 08:25, Wave 1 08:30, Walkers',
      bibsAtPickup: true,
    })
    expect(readRaceForm(form, clock)).toMatchObject({ ok: true, input: { waves: waves.map(({ name, startAt }) => ({ name, startAt })) } })
  })

  it("places the office's refusals beside the field they concern", () => {
    expect(fieldOfError({ code: 'RACE_NAME_TAKEN', message: '' })).toBe('name')
    expect(fieldOfError({ code: 'BIB_RANGE_OVERLAP', message: '' })).toBe('bibRanges')
    expect(fieldOfError({ code: 'INTERNAL', message: '' })).toBeNull()
  })
})
