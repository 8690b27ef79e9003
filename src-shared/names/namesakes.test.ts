import { describe, expect, it } from 'vitest'
import { namesakes } from './namesakes'

describe('namesakes', () => {
  it('finds the people who share a name, whatever its accents and case', () => {
    const people = [
      { id: 'a', givenName: 'Amélie', familyName: 'Lefèvre' },
      { id: 'b', givenName: 'Amelie', familyName: 'LEFEVRE' },
      { id: 'c', givenName: 'Amélie', familyName: 'Lefort' },
      { id: 'd', givenName: 'Min-jun', familyName: 'Kim' },
    ]
    expect(namesakes(people)).toEqual(new Set(['a', 'b']))
  })

  it('finds none in a list of different names', () => {
    expect(namesakes([{ id: 'a', givenName: 'Min-jun', familyName: 'Kim' }])).toEqual(new Set())
  })
})
