import { describe, expect, it } from 'vitest'
import { fold, searchTerms, words } from './fold'

describe('folding for search', () => {
  it('folds case, accents and width', () => {
    expect(fold('Müller')).toBe('muller')
    expect(fold('JOSÉ')).toBe('jose')
    expect(fold('Nguyễn Thị Lan')).toBe('nguyen thi lan')
    expect(fold('１２３ＡＢＣ')).toBe('123abc')
    expect(fold('Łukasz')).toBe('łukasz')
  })

  it('keeps Hangul syllables whole', () => {
    expect(fold('김민준')).toBe('김민준')
    expect(fold('ｷﾑ')).toBe('キム')
  })

  it('splits names into words on any separator', () => {
    expect(words("O'Connor")).toEqual(['o', 'connor'])
    expect(words('Min-jun')).toEqual(['min', 'jun'])
    expect(words('García Márquez')).toEqual(['garcia', 'marquez'])
  })

  it('indexes each word, each name written together, and both names together either way', () => {
    expect(searchTerms({ givenName: 'Min-jun', familyName: 'Kim', secondName: '김민준' })).toEqual(
      expect.arrayContaining(['min', 'jun', 'minjun', 'kim', '김민준', 'kimminjun', 'minjunkim']),
    )
    expect(searchTerms({ givenName: '민준', familyName: '김', secondName: null })).toEqual(expect.arrayContaining(['민준', '김', '김민준']))
    expect(searchTerms({ givenName: 'Min-jun', familyName: 'Kim', secondName: '김민준' })).toEqual(expect.arrayContaining(['민준']))
    expect(searchTerms({ givenName: '', familyName: '', secondName: '남궁민수' })).toEqual(expect.arrayContaining(['궁민수', '민수']))
    expect(searchTerms({ givenName: 'Aoife', familyName: "O'Connor", secondName: null })).toEqual(expect.arrayContaining(['oconnor', 'connor']))
  })
})
