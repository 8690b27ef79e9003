import ExcelJS from 'exceljs'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { fixture } from '../../tests/support/import'
import { readTable } from './table'

const utf16 = (text: string, endian: 'le' | 'be'): Buffer => {
  const le = Buffer.from(text, 'utf16le')
  if (endian === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le])
  const be = Buffer.from(le)
  for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1] as number, be[i] as number]
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be])
}

describe('reading registration files', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from('Name;Vorname\nSchröder;Jörg\n', 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name;Vorname\nSchröder;Jörg\n', 'utf8')]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16('Name\tVorname\r\nSchröder\tJörg\r\n', 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16('Name\tVorname\r\nSchröder\tJörg\r\n', 'be'), 'utf-16be'],
    ['Windows-1252', Buffer.from([...Buffer.from('Name;Vorname\nSchr'), 0xf6, ...Buffer.from('der;J'), 0xf6, ...Buffer.from('rg\n')]), 'windows-1252'],
  ])('decodes %s', async (_name, bytes, encoding) => {
    const table = await readTable(bytes)
    expect(table.encoding).toBe(encoding)
    expect(table.headers).toEqual(['Name', 'Vorname'])
    expect(table.rows).toEqual([{ row: 2, cells: ['Schröder', 'Jörg'] }])
  })

  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1;2;3\n'],
    ['\t', 'a\tb\tc\n1\t2\t3\n'],
  ])('detects the delimiter %j', async (delimiter, text) => {
    const table = await readTable(Buffer.from(text))
    expect(table.delimiter).toBe(delimiter)
    expect(table.rows[0]?.cells).toEqual(['1', '2', '3'])
  })

  it('keeps separators, quotes and line breaks inside quoted fields, and counts rows as records', async () => {
    const text = 'Name,Address,Note\r\n"Kim, Min-jun","1 Sungri Street\r\nApt 2","said ""hello"""\r\nJones,Street,\r\n'
    const table = await readTable(Buffer.from(text))
    expect(table.rows).toEqual([
      { row: 2, cells: ['Kim, Min-jun', '1 Sungri Street\r\nApt 2', 'said "hello"'] },
      { row: 3, cells: ['Jones', 'Street', ''] },
    ])
  })

  it('skips blank lines but keeps the row numbers of the file', async () => {
    const table = await readTable(Buffer.from('a,b\n1,2\n\n,\n3,4\n'))
    expect(table.rows).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 5, cells: ['3', '4'] },
    ])
  })

  it('refuses an empty file and a quote that is never closed', async () => {
    await expect(readTable(Buffer.from(''))).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' })
    await expect(readTable(Buffer.from('a,b\n"open,2\n'))).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' })
  })

  it("reads the club's Excel CSV: Windows-1252, semicolons, CRLF", async () => {
    const table = await readTable(fixture('registrations-club-excel.csv'))
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' })
    expect(table.headers).toEqual(['Nachname', 'Vorname', 'Geschlecht', 'Geburtsdatum', 'Strecke', 'Verein'])
    expect(table.rows.find((r) => r.cells[0] === 'Lefèvre')?.cells).toEqual(['Lefèvre', 'Amélie', 'weiblich', '20.06.2002', 'Marathon', ''])
  })

  it('reads XLSX: text, numbers, real date cells and formulas', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Entries')
    sheet.addRow(['First Name', 'Last Name', 'DOB', 'Age', 'Bib'])
    sheet.addRow(['Min-jun', 'Kim', new Date(Date.UTC(1986, 0, 18)), 39, { formula: '1+1', result: 2 }])
    sheet.addRow(['경희', '리', 19545, null, null])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    const table = await readTable(bytes)
    expect(table.format).toBe('xlsx')
    expect(table.headers).toEqual(['First Name', 'Last Name', 'DOB', 'Age', 'Bib'])
    expect(table.rows).toEqual([
      { row: 2, cells: ['Min-jun', 'Kim', '1986-01-18', '39', '2'] },
      { row: 3, cells: ['경희', '리', '19545', '', ''] },
    ])
  })

  it('reads XLSX cells by their column letter: an empty spacer column keeps the e-mails after it', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Entries')
    sheet.getCell('A1').value = 'First Name'
    sheet.getCell('B1').value = 'Last Name'
    sheet.getCell('D1').value = 'Email'
    sheet.getCell('A2').value = 'Min-jun'
    sheet.getCell('B2').value = 'Kim'
    sheet.getCell('D2').value = 'minjun@example.org'
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(table.headers).toEqual(['First Name', 'Last Name', '', 'Email'])
    expect(table.rows).toEqual([{ row: 2, cells: ['Min-jun', 'Kim', '', 'minjun@example.org'] }])
  })

  it('refuses a spreadsheet that unpacks past the limit without unpacking it (a zip bomb), and reads one within it', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Entries').addRow(['First Name', 'Last Name'])
    const honest = Buffer.from(await workbook.xlsx.writeBuffer())
    // One part of 20 MB of zeros, a few kilobytes packed: past a 10 MB limit.
    const bomb = Buffer.from(zipSync({ '[Content_Types].xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 }))
    expect(bomb.length).toBeLessThan(100_000)
    await expect(readTable(bomb, { inflatedLimit: 10 * 1024 * 1024 })).rejects.toMatchObject({
      code: 'IMPORT_REFUSED',
      message: expect.stringContaining('unpacks to more than 10 MB'),
    })
    expect((await readTable(honest, { inflatedLimit: 10 * 1024 * 1024 })).headers).toEqual(['First Name', 'Last Name'])
  })

  it('reads past a title above the header, and stops where a summary or an HTML page is appended, reporting both', async () => {
    const csv = [
      'Seoul Marathon 2025 — registrations',
      'Reg #,First Name,Last Name,Gender,Event',
      'R1,Min-jun,Kim,M,10K',
      'R2,Ji-woo,Lee,F,10K',
      '',
      'Total registrations,2',
      'Exported on,2025-03-01',
    ].join('\n')
    const table = await readTable(Buffer.from(csv))
    expect(table.headers).toEqual(['Reg #', 'First Name', 'Last Name', 'Gender', 'Event'])
    expect(table.rows.map((r) => r.row)).toEqual([3, 4])
    expect(table.leftOut).toEqual([
      { row: 1, reason: 'title', text: 'Seoul Marathon 2025 — registrations' },
      { row: 6, reason: 'after-data', text: 'Total registrations · 2' },
      { row: 7, reason: 'after-data', text: 'Exported on · 2025-03-01' },
    ])
    const withPage = await readTable(Buffer.from('First Name,Last Name,Gender\nMin-jun,Kim,M\n<!DOCTYPE html>\n<html><body>Thank you</body></html>\n'))
    expect(withPage.rows).toHaveLength(1)
    expect(withPage.leftOut.map((r) => [r.row, r.reason])).toEqual([
      [3, 'after-data'],
      [4, 'after-data'],
    ])
  })

  it('keeps the last runners of a file whose rows are short, when no blank line sets them apart', async () => {
    const table = await readTable(Buffer.from('First Name,Last Name,Gender,Event\nMin-jun,Kim,M,10K\nJi-woo,Lee,,\n'))
    expect(table.rows).toHaveLength(2)
    expect(table.leftOut).toEqual([])
  })

  it('refuses a damaged spreadsheet with a clear error', async () => {
    await expect(readTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' })
  })
})

describe('a workbook with several sheets', () => {
  it('reads the first sheet with rows unless told which, lists them all, and names them when told one it lacks', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Summary')
    const tenK = workbook.addWorksheet('10K')
    tenK.addRow(['First Name', 'Last Name'])
    tenK.addRow(['Min-jun', 'Kim'])
    const half = workbook.addWorksheet('Half')
    half.addRow(['Vorname', 'Nachname'])
    half.addRow(['Anna', 'Schmidt'])
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    expect(await readTable(bytes)).toMatchObject({ sheets: ['Summary', '10K', 'Half'], sheet: '10K', headers: ['First Name', 'Last Name'] })
    expect(await readTable(bytes, { sheet: 'half' })).toMatchObject({ sheet: 'Half', rows: [{ row: 2, cells: ['Anna', 'Schmidt'] }] })
    await expect(readTable(bytes, { sheet: 'Marathon' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Summary, 10K, Half') })
  })
})

describe('merged cells', () => {
  it('give every row of the merge the value shown, as the organiser sees it in the spreadsheet', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Entries')
    sheet.addRows([
      ['First Name', 'Club', 'Gender'],
      ['Min-jun', 'Seoul RC', 'M'],
      ['Ji-woo', '', 'F'],
    ])
    sheet.mergeCells('B2:B3')
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(table.rows.map((r) => r.cells[1])).toEqual(['Seoul RC', 'Seoul RC'])
  })
})
