import { describe, expect, it } from 'vitest'
import { planBibs, seedWaves, type PlanEntrant } from './plan'

const runner = (num: number, familyName: string, extra: Partial<PlanEntrant> = {}): PlanEntrant => ({
  id: `e${num}`,
  num,
  bib: null,
  givenName: 'A',
  familyName,
  predictedTimeMs: null,
  pickedUp: false,
  waveId: null,
  ...extra,
})
const field = [
  runner(1, 'Smith', { predictedTimeMs: 4 * 3600e3 }),
  runner(2, 'Andersson', { predictedTimeMs: 3 * 3600e3 }),
  runner(3, 'Müller'),
  runner(4, 'Kim', { predictedTimeMs: 2.5 * 3600e3 }),
]
const base = { ranges: [{ first: 1, last: 10 }], reserved: [], blocked: new Set<number>() }
const numbers = (plan: ReturnType<typeof planBibs>) => Object.fromEntries(plan.changes.map((c) => [c.entrantId, c.to]))

describe('planning bib numbers', () => {
  it('numbers in registration order', () => {
    expect(numbers(planBibs({ ...base, entrants: field, rule: 'registration' }))).toEqual({ e1: 1, e2: 2, e3: 3, e4: 4 })
  })

  it('numbers alphabetically by family name, accents folded', () => {
    expect(numbers(planBibs({ ...base, entrants: field, rule: 'alphabetical' }))).toEqual({ e2: 1, e4: 2, e3: 3, e1: 4 })
  })

  it('numbers by predicted time, fastest first and the unknown last', () => {
    expect(numbers(planBibs({ ...base, entrants: field, rule: 'predicted' }))).toEqual({ e4: 1, e2: 2, e1: 3, e3: 4 })
  })

  it('keeps existing numbers and fills the rest', () => {
    const entrants = [runner(1, 'Smith', { bib: 3 }), runner(2, 'Andersson'), runner(3, 'Müller', { bib: 1 })]
    const plan = planBibs({ ...base, entrants, rule: 'fill' })
    expect(plan).toEqual({ changes: [{ entrantId: 'e2', from: null, to: 2 }], unchanged: 2, missing: 0 })
  })

  it('skips excluded, voided and other races’ numbers, and keeps reserved ones for manual use', () => {
    const plan = planBibs({ ...base, reserved: [{ first: 1, last: 2 }], blocked: new Set([4, 13]), entrants: field, rule: 'registration' })
    expect(numbers(plan)).toEqual({ e1: 3, e2: 5, e3: 6, e4: 7 })
  })

  it('leaves a picked-up runner and a runner on a reserved number as they are', () => {
    const entrants = [runner(1, 'Smith', { bib: 9, pickedUp: true }), runner(2, 'Elite', { bib: 1 }), runner(3, 'Kim', { bib: 5 })]
    const plan = planBibs({ ...base, reserved: [{ first: 1, last: 2 }], entrants, rule: 'alphabetical' })
    expect(plan).toEqual({ changes: [{ entrantId: 'e3', from: 5, to: 3 }], unchanged: 2, missing: 0 })
  })

  it('counts an unchanged number as unchanged', () => {
    const entrants = [runner(1, 'Smith', { bib: 1 }), runner(2, 'Jones', { bib: 7 })]
    expect(planBibs({ ...base, entrants, rule: 'registration' })).toEqual({ changes: [{ entrantId: 'e2', from: 7, to: 2 }], unchanged: 1, missing: 0 })
  })

  it('says how many numbers are missing when the ranges are too small', () => {
    const plan = planBibs({ ...base, ranges: [{ first: 1, last: 3 }], blocked: new Set([2]), entrants: field, rule: 'registration' })
    expect(plan.missing).toBe(2)
  })

  it('uses several ranges in order', () => {
    const plan = planBibs({
      ...base,
      ranges: [
        { first: 100, last: 101 },
        { first: 1, last: 1 },
      ],
      entrants: field.slice(0, 3),
      rule: 'registration',
    })
    expect(numbers(plan)).toEqual({ e1: 1, e2: 100, e3: 101 })
  })
})

describe('seeding waves by predicted time', () => {
  const waves = [10, 20]

  it('puts the fastest in the first wave and fills the waves evenly, the unknown last', () => {
    const seeded = Object.fromEntries(seedWaves(field, waves).map((c) => [c.entrantId, c.to]))
    expect(seeded).toEqual({ e4: 10, e2: 10, e1: 20, e3: 20 })
  })

  it('leaves a runner who has picked up in the wave on their bib, and reports only changes', () => {
    const runners = [...field.slice(0, 3), runner(4, 'Kim', { predictedTimeMs: 2.5 * 3600e3, pickedUp: true, waveId: 20 })]
    const seeded = seedWaves(runners, waves)
    expect(seeded.find((c) => c.entrantId === 'e4')).toBeUndefined()
    expect(Object.fromEntries(seeded.map((c) => [c.entrantId, c.to]))).toEqual({ e2: 10, e1: 10, e3: 20 })
    expect(seedWaves([runner(1, 'A', { waveId: 10 })], waves)).toEqual([])
  })

  it('seeds nobody in a race without waves', () => {
    expect(seedWaves(field, [])).toEqual([])
  })
})
