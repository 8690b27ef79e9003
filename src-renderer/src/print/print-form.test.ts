import { describe, expect, it } from 'vitest'
import { initialPrintForm, readBibSpan, toPrintRequest } from './print-form'

describe('readBibSpan', () => {
  it.each([
    ['', {}],
    ['101-250', { firstBib: 101, lastBib: 250 }],
    [' 101 – 250 ', { firstBib: 101, lastBib: 250 }],
    ['2000-', { firstBib: 2000 }],
    ['-99', { lastBib: 99 }],
    ['7', { firstBib: 7, lastBib: 7 }],
  ])('reads %j', (text, span) => expect(readBibSpan(text)).toEqual(span))

  it.each(['abc', '250-101', '-', '0', '1-2-3'])('refuses %j', (text) => expect(readBibSpan(text)).toBeNull())
})

describe('toPrintRequest', () => {
  it('sends bib sheet options with the selection', () => {
    const form = { ...initialPrintForm('ko'), raceId: 2, bibs: '100-199', onlyUnprinted: true, tabs: 2 }
    expect(toPrintRequest(form)).toEqual({
      kind: 'sheets',
      layout: 'a4x4',
      tabs: 2,
      code128: false,
      cropMarks: true,
      order: 'bib',
      raceId: 2,
      firstBib: 100,
      lastBib: 199,
      onlyUnprinted: true,
      language: 'ko',
    })
  })

  it('sends only what pickup lists use', () => {
    expect(toPrintRequest({ ...initialPrintForm('en'), kind: 'lists', bibs: 'nonsense', paper: 'letter' })).toEqual({
      kind: 'lists',
      paper: 'letter',
      language: 'en',
    })
  })

  it('holds back labels while the bib span is unreadable', () => {
    expect(toPrintRequest({ ...initialPrintForm('en'), kind: 'labels', bibs: 'ten to twenty' })).toBeNull()
  })
})
