import { describe, expect, it } from 'vitest'
import { adaptBands, bandOf, bandsAsSet } from './adapted-bands'
import { categoryOf } from './categories'

const labels = (bands: { label: string }[]) => bands.map((b) => b.label)
const repeat = (age: number, n: number) => Array.from({ length: n }, () => age)

describe('age bands fitted to the field', () => {
  it('starts from the bands as set, named as categoryOf names them', () => {
    const standard = bandsAsSet(null, 52)
    expect(labels(standard)).toEqual(['SEN', '35', '40', '45', '50'])
    for (const age of [18, 34, 35, 44, 52]) expect(`M${bandOf(standard, age).label}`).toBe(categoryOf('M', age, null))
    const own = bandsAsSet([{ fromAge: 18 }, { fromAge: 40, name: 'Masters' }, { fromAge: 60 }], 70)
    expect(labels(own)).toEqual(['U18', '18-39', 'Masters', '60+'])
    for (const age of [12, 18, 45, 61])
      expect(`W${bandOf(own, age).label}`).toBe(categoryOf('F', age, [{ fromAge: 18 }, { fromAge: 40, name: 'Masters' }, { fromAge: 60 }]))
  })

  it('splits a band of more than N in two, again while a half is still too big, never leaving a half empty', () => {
    const ages = [...repeat(40, 4), ...repeat(41, 4), ...repeat(43, 4), 37, 60]
    const split = adaptBands(bandsAsSet(null, 60), ages, { adapt: 'split', runners: 5 })
    // 40-44 (12 runners) → 40-41 (8) and 42-44 (4); 40-41 → 40 and 41; 60 alone is not split.
    expect(labels(split)).toEqual(['SEN', '35', '40-40', '41-41', '42-44', '45', '50', '55', '60'])
  })

  it('splits the seniors from the top and the last open band five years at a time', () => {
    const ages = [...repeat(22, 3), ...repeat(31, 3), ...repeat(65, 3), ...repeat(72, 3)]
    const split = adaptBands(bandsAsSet([{ fromAge: 60 }], 72), ages, { adapt: 'split', runners: 4 })
    // Cut where both sides hold runners: U60 at 30 (55-59 … 35-39 are empty), 60+ at 70.
    expect(labels(split)).toEqual(['U30', '30-59', '60-69', '70+'])
  })

  it('merges a band of fewer than N into its smaller neighbour, the younger on a tie', () => {
    const ages = [...repeat(25, 10), ...repeat(36, 6), ...repeat(42, 6), 47, 71, 73]
    const merged = adaptBands(bandsAsSet(null, 73), ages, { adapt: 'merge', runners: 5 })
    // 45 (1), the smallest, goes into 70 (2) rather than 40 (6); 45-74 (3) then into 40, its only neighbour.
    expect(labels(merged)).toEqual(['SEN', '35', '40-74'])
    const juniors = adaptBands(bandsAsSet([{ fromAge: 20 }, { fromAge: 40 }], 50), [15, 16, ...repeat(30, 9)], { adapt: 'merge', runners: 3 })
    expect(labels(juniors)).toEqual(['U40'])
  })

  it('names a band from birth by how far it reaches, and one that holds everyone open', () => {
    // Seniors (2) take the 50-54 band's one runner: the band now reaches 54, no longer "SEN".
    expect(labels(adaptBands(bandsAsSet(null, 52), [29, 31, 52], { adapt: 'merge', runners: 2 }))).toEqual(['U55'])
    expect(labels(adaptBands(bandsAsSet([{ fromAge: 40 }], 52), [29, 52], { adapt: 'merge', runners: 2 }))).toEqual(['OPEN'])
  })

  it('keeps the bands as set where every band is big enough', () => {
    const ages = [...repeat(30, 6), ...repeat(40, 6)]
    expect(labels(adaptBands(bandsAsSet(null, 40), ages, { adapt: 'merge', runners: 5 }))).toEqual(['SEN', '40'])
  })
})
