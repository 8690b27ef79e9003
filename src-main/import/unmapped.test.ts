import { describe, expect, it } from 'vitest'
import { guessMapping } from './mapping'
import type { Table } from './table'
import { unmappedColumns } from './unmapped'

function tableOf(headers: string[], ...rows: string[][]): Table {
  return {
    format: 'csv',
    encoding: 'utf-8',
    delimiter: ',',
    headers,
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
    leftOut: [],
    sheets: [],
    sheet: null,
  }
}

describe('the columns an import leaves out', () => {
  it('reads a registration number under its short forms', () => {
    for (const header of ['Reg #', 'Reg. No.', 'Entry No', 'Order ID', 'Teilnehmer-Nr.', '참가번호'])
      expect(guessMapping(['First Name', 'Last Name', header]).ref, header).toBe(2)
  })

  it('reads a bib under its short forms', () => {
    for (const header of ['Bib #', 'Bib No.', 'Start-Nr.', 'Start No', '배번']) expect(guessMapping(['First Name', 'Last Name', header]).bib, header).toBe(2)
  })

  it('lists every column not read, with how many rows fill it, and offers the field it looks like', () => {
    const table = tableOf(
      ['First Name', 'Last Name', 'Gender', 'Runner No #', 'Contact', 'Born', 'Comments', ''],
      ['Min-jun', 'Kim', 'M', 'A-1001', 'minjun@example.org', '1987-06-05', 'fast', ''],
      ['Ji-woo', 'Lee', 'F', 'A-1002', 'jiwoo@example.org', '05.06.1990', '', ''],
    )
    const mapping = guessMapping(table.headers)
    expect(mapping).toEqual({ givenName: 0, familyName: 1, sex: 2 })
    expect(unmappedColumns(table, mapping)).toEqual([
      { column: 3, header: 'Runner No #', filled: 2, looksLike: null },
      { column: 4, header: 'Contact', filled: 2, looksLike: 'email' },
      { column: 5, header: 'Born', filled: 2, looksLike: 'birthDate' },
      { column: 6, header: 'Comments', filled: 1, looksLike: null },
    ])
  })

  it('offers a column with a registration word and a number word as the registration number, unless one is read already', () => {
    const table = tableOf(['Name', 'Sex', 'Confirmation #'], ['Kim Min-jun', 'M', 'X7Q2'])
    expect(unmappedColumns(table, { fullName: 0, sex: 1 })).toEqual([{ column: 2, header: 'Confirmation #', filled: 1, looksLike: 'ref' }])
    expect(unmappedColumns(table, { fullName: 0, sex: 1, ref: 0 })).toEqual([{ column: 2, header: 'Confirmation #', filled: 1, looksLike: null }])
  })
})
