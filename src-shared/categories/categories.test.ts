import { describe, expect, it } from 'vitest'
import { ageOnDay, categoryOf } from './categories'

describe('age on race day', () => {
  it('counts a birthday on race day, and not the day before', () => {
    expect(ageOnDay('1986-04-06', '2025-04-06')).toBe(39)
    expect(ageOnDay('1986-04-07', '2025-04-06')).toBe(38)
    expect(ageOnDay('1986-05-01', '2025-04-06')).toBe(38)
    expect(ageOnDay('2004-02-29', '2025-02-28')).toBe(20)
    expect(ageOnDay('2004-02-29', '2025-03-01')).toBe(21)
  })
})

describe('World Athletics categories', () => {
  it.each([
    ['M', 34, 'MSEN'],
    ['M', 35, 'M35'],
    ['F', 39, 'W35'],
    ['F', 40, 'W40'],
    ['X', 55, 'X55'],
    ['M', 18, 'MSEN'],
    ['F', 92, 'W90'],
  ] as const)('puts %s aged %i in %s', (sex, age, category) => {
    expect(categoryOf(sex, age, null)).toBe(category)
  })

  it('leaves the category open when the age is unknown', () => {
    expect(categoryOf('F', null, null)).toBeNull()
  })
})

describe("an organiser's own bands", () => {
  const boston = [{ fromAge: 18 }, { fromAge: 40 }, { fromAge: 45 }, { fromAge: 80 }]

  it('names bands by their ages, the last open-ended', () => {
    expect(categoryOf('M', 25, boston)).toBe('M18-39')
    expect(categoryOf('F', 44, boston)).toBe('W40-44')
    expect(categoryOf('X', 47, boston)).toBe('X45-79')
    expect(categoryOf('F', 85, boston)).toBe('W80+')
  })

  it('puts runners younger than the first band under it', () => {
    expect(categoryOf('M', 16, boston)).toBe('MU18')
  })

  it('uses the names the organiser gave, in any order given', () => {
    expect(
      categoryOf('F', 30, [
        { fromAge: 50, name: 'Veteran' },
        { fromAge: 0, name: 'Open' },
      ]),
    ).toBe('WOpen')
    expect(
      categoryOf('M', 61, [
        { fromAge: 50, name: 'Veteran' },
        { fromAge: 0, name: 'Open' },
      ]),
    ).toBe('MVeteran')
  })
})
