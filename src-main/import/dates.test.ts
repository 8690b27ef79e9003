import { describe, expect, it } from 'vitest'
import { dateOrderEvidence, readDate } from './dates'

const today = '2025-04-06'

describe('reading birth dates', () => {
  it('reads ISO dates whatever the order setting', () => {
    expect(readDate('1986-01-18', null, today)).toBe('1986-01-18')
    expect(readDate('1986/1/8', 'mdy', today)).toBe('1986-01-08')
    expect(readDate('1986-01-18T00:00:00Z', null, today)).toBe('1986-01-18')
  })

  it('reads D/M/Y and M/D/Y in the order given, with any separator', () => {
    expect(readDate('05.07.1953', 'dmy', today)).toBe('1953-07-05')
    expect(readDate('05/07/1953', 'mdy', today)).toBe('1953-05-07')
    expect(readDate('5-7-1953', 'dmy', today)).toBe('1953-07-05')
  })

  it('reads a date that proves its own order even when the file does not say', () => {
    expect(readDate('18.01.1986', null, today)).toBe('1986-01-18')
    expect(readDate('01/18/1986', null, today)).toBe('1986-01-18')
    expect(readDate('07/07/1990', null, today)).toBe('1990-07-07')
    expect(readDate('05/07/1953', null, today)).toBeNull()
  })

  it('reads two-digit years as the latest past century', () => {
    expect(readDate('18.01.86', 'dmy', today)).toBe('1986-01-18')
    expect(readDate('18.01.05', 'dmy', today)).toBe('2005-01-18')
    expect(readDate('18.01.30', 'dmy', today)).toBe('1930-01-18')
  })

  it('reads a date exported with a time of day, the time left aside', () => {
    expect(readDate('10/25/2024 6:01:57 AM', null, today)).toBe('2024-10-25')
    expect(readDate('25.10.2024 18:01', 'dmy', today)).toBe('2024-10-25')
    expect(readDate('2024-10-25 06:01:57', null, today)).toBe('2024-10-25')
    expect(dateOrderEvidence([{ row: 2, text: '10/25/2024 6:01:57 AM' }])).toEqual({ kind: 'proven', order: 'mdy' })
  })

  it("reads Korean platforms' birth dates: YYMMDD, YYYYMMDD, YYYY.MM.DD and written out", () => {
    expect(readDate('870605', null, today)).toBe('1987-06-05')
    expect(readDate('050101', null, today)).toBe('2005-01-01')
    expect(readDate('19870605', null, today)).toBe('1987-06-05')
    expect(readDate('1987.06.05', null, today)).toBe('1987-06-05')
    expect(readDate('1987.06.05.', null, today)).toBe('1987-06-05')
    expect(readDate('1987년 6월 5일', null, today)).toBe('1987-06-05')
    expect(readDate('871305', null, today)).toBeNull()
  })

  it('reads Excel serial day numbers', () => {
    expect(readDate('31430', null, today)).toBe('1986-01-18')
    expect(readDate('19545', null, today)).toBe('1953-07-05')
  })

  it('refuses days that no calendar has', () => {
    expect(readDate('31.02.1990', 'dmy', today)).toBeNull()
    expect(readDate('2025-02-29', null, today)).toBeNull()
    expect(readDate('13/13/1990', 'mdy', today)).toBeNull()
    expect(readDate('yesterday', 'dmy', today)).toBeNull()
    expect(readDate('1850-01-01', null, today)).toBeNull()
  })
})

describe("a date column's order", () => {
  const column = (...texts: string[]) => texts.map((text, i) => ({ row: i + 2, text }))

  it('is proven by one row with a day above 12', () => {
    expect(dateOrderEvidence(column('05.07.1953', '18.01.1986'))).toEqual({ kind: 'proven', order: 'dmy' })
    expect(dateOrderEvidence(column('07/05/1953', '01/18/1986'))).toEqual({ kind: 'proven', order: 'mdy' })
  })

  it('is ambiguous when no row proves it', () => {
    expect(dateOrderEvidence(column('05/07/1953', '01/02/1986'))).toEqual({ kind: 'ambiguous' })
  })

  it('is contradictory when rows prove both, naming one of each', () => {
    expect(dateOrderEvidence(column('18/01/1986', '01/18/1986'))).toEqual({ kind: 'contradictory', dmyRow: 2, mdyRow: 3 })
  })

  it('has nothing to say about ISO dates', () => {
    expect(dateOrderEvidence(column('1986-01-18', ''))).toEqual({ kind: 'none' })
  })
})
