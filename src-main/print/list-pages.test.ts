import { describe, expect, it } from 'vitest'
import { filingHeading } from '../../src-shared/names/person-name'
import { paginate } from './list-pages'

const entries = (keys: string[]) => keys.map((key) => ({ key, heading: filingHeading(key) }))

describe('paginate', () => {
  it('puts a heading before each new letter', () => {
    const [page] = paginate(entries(['Abbott', 'Åberg', 'Baker']), 20, 2)
    expect(page?.columns[0]?.map((line) => (line.kind === 'heading' ? `#${line.heading}` : line.entry.key))).toEqual(['#A', 'Abbott', 'Åberg', '#B', 'Baker'])
  })

  it('never leaves a heading alone at the foot of a column', () => {
    const pages = paginate(entries(['Abbott', 'Adams', 'Baker']), 4, 2)
    const [first, second] = pages[0]?.columns ?? []
    expect(first?.map((l) => l.kind)).toEqual(['heading', 'entry', 'entry'])
    expect(second?.map((l) => l.kind)).toEqual(['heading', 'entry'])
  })

  it('fills columns, then pages, and names the first and last runner of each page', () => {
    const names = Array.from({ length: 10 }, (_, i) => `A${String(i).padStart(2, '0')}`)
    const pages = paginate(entries(names), 4, 2)
    expect(pages.map((p) => p.columns.map((c) => c.length))).toEqual([[3, 4], [4]])
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      ['A00', 'A05'],
      ['A06', 'A09'],
    ])
  })

  it('makes no page of an empty list', () => {
    expect(paginate([], 10, 2)).toEqual([])
  })
})
