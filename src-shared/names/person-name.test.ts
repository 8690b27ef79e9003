import { describe, expect, it } from 'vitest'
import { compareForFiling, filingHeading, personName } from './person-name'

describe('personName', () => {
  it('writes Korean, Chinese and Japanese names family first without a space', () => {
    expect(personName('민준', '김')).toBe('김민준')
    expect(personName('小明', '王')).toBe('王小明')
    expect(personName('さくら', '山田')).toBe('山田さくら')
  })

  it('writes other names given name first', () => {
    expect(personName('Zoë', 'Łukasiewicz')).toBe('Zoë Łukasiewicz')
    expect(personName('Алексей', 'Смирнов')).toBe('Алексей Смирнов')
  })

  it('keeps a runner with one name', () => {
    expect(personName('', 'Madonna')).toBe('Madonna')
  })
})

describe('filingHeading', () => {
  it('files alphabets under the bare first letter', () => {
    expect(filingHeading('Łukasiewicz')).toBe('L')
    expect(filingHeading('östberg')).toBe('O')
    expect(filingHeading('Ødegaard')).toBe('O')
    expect(filingHeading('Смирнов')).toBe('С')
  })

  it('files Hangul under the initial consonant, doubled consonants with their single', () => {
    expect(filingHeading('김')).toBe('ㄱ')
    expect(filingHeading('꽃님')).toBe('ㄱ')
    expect(filingHeading('황')).toBe('ㅎ')
  })

  it('files kana and Chinese characters under one heading each', () => {
    expect(filingHeading('山田')).toBe('漢字')
    expect(filingHeading('さとう')).toBe('かな')
    expect(filingHeading('123')).toBe('#')
  })
})

describe('compareForFiling', () => {
  it('posts Latin names before Cyrillic before Hangul, each in its own order', () => {
    const names = [
      { familyName: '이', givenName: '서연' },
      { familyName: 'Смирнов', givenName: 'Алексей' },
      { familyName: 'Åberg', givenName: 'Anna' },
      { familyName: '김', givenName: '민준' },
      { familyName: 'Zapata', givenName: 'Eva' },
      { familyName: 'Abbott', givenName: 'Ben' },
    ]
    expect(names.sort(compareForFiling).map((n) => n.familyName)).toEqual(['Abbott', 'Åberg', 'Zapata', 'Смирнов', '김', '이'])
  })
})
