import ExcelJS from 'exceljs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'
import { sampleEventArgs } from '../../tests/support/cli'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

async function event(): Promise<string> {
  const file = join(tempDir(), 'event.raceoffice')
  const init = await runCliProcess(['init', file, ...sampleEventArgs('Pyongyang')])
  expect(init.code).toBe(0)
  return file
}

describe('race-office import', () => {
  it('imports a file and prints the counts as JSON', async () => {
    const file = await event()
    const run = await runCliProcess(['import', file, join(fixtures, 'registrations-platform.csv'), '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 30, updated: 0, unchanged: 0, skipped: 0, rejected: [], duplicates: [], noRefColumn: false })

    const again = await runCliProcess(['import', file, join(fixtures, 'registrations-platform.csv'), '--json'])
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, updated: 0, unchanged: 30 })
  })

  it('refuses a file with a bad row with exit code 1, naming row and field, and imports nothing', async () => {
    const file = await event()
    const data = join(tempDir(), 'bad.csv')
    writeFileSync(data, 'First Name,Last Name,Gender,Event\nMin-jun,Kim,M,Marathon\nSarah,Jones,F,Ultra\n')
    const run = await runCliProcess(['import', file, data, '--json'])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: [
        {
          row: 3,
          field: 'race',
          code: 'UNKNOWN_RACE',
          message: 'There is no race called "Ultra" (races: Marathon, Half Marathon, 10K).',
          params: { value: 'Ultra', races: 'Marathon, Half Marathon, 10K' },
        },
      ],
      duplicates: [],
      unmappedColumns: [],
      noRefColumn: true,
      leftOutRows: [],
      foldedRows: [],
      removed: 0,
      withdrawn: 0,
    })
    expect(run.stderr).toMatch(/Nothing was imported/)
    const listed = await runCliProcess(['entrants', file, '--json'])
    expect(JSON.parse(listed.stdout)).toEqual([])
  })

  it('lists the columns it does not import and says when none holds the registration number, before writing anything', async () => {
    const file = await event()
    const data = join(tempDir(), 'short-forms.csv')
    writeFileSync(data, 'First Name,Last Name,Gender,Runner Code,Contact,Notes\nMin-jun,Kim,M,A1,minjun@example.org,fast\nJi-woo,Lee,F,A2,jiwoo@example.org,\n')
    const run = await runCliProcess(['import', file, data, '--race', '10K', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      imported: 2,
      noRefColumn: true,
      unmappedColumns: [
        { column: 3, header: 'Runner Code', filled: 2, looksLike: null },
        { column: 4, header: 'Contact', filled: 2, looksLike: 'email' },
        { column: 5, header: 'Notes', filled: 1, looksLike: null },
      ],
    })
    const words = await runCliProcess(['import', file, data, '--race', '10K', '--duplicates', 'skip'])
    expect(words.stdout).toMatch(/No column was read as the registration number/)
    expect(words.stdout).toMatch(/Columns not imported \(3\):[\s\S]*Contact: 2 row\(s\) filled; looks like the e-?mail/)
  })

  it('imports the sheet named by --sheet from a workbook with several', async () => {
    const file = await event()
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Marathon').addRows([
      ['First Name', 'Last Name', 'Gender'],
      ['Min-jun', 'Kim', 'M'],
    ])
    workbook.addWorksheet('10K').addRows([
      ['First Name', 'Last Name', 'Gender'],
      ['Ji-woo', 'Lee', 'F'],
      ['Seo-yeon', 'Park', 'F'],
    ])
    const data = join(tempDir(), 'entries.xlsx')
    writeFileSync(data, Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(JSON.parse((await runCliProcess(['import', file, data, '--sheet', '10K', '--race', '10K', '--json'])).stdout)).toMatchObject({ imported: 2 })
    const unknown = await runCliProcess(['import', file, data, '--sheet', 'Ultra', '--race', '10K'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no sheet called "Ultra" \(its sheets: Marathon, 10K\)/)
  })

  it('imports the valid rows with --skip-invalid, and takes --race for rows without one', async () => {
    const file = await event()
    const data = join(tempDir(), 'mixed.csv')
    writeFileSync(data, 'First Name,Last Name,Gender\nMin-jun,Kim,M\nSarah,Jones,?\n')
    const run = await runCliProcess(['import', file, data, '--race', '10K', '--skip-invalid'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Imported 1, updated 0, unchanged 0\.[\s\S]*row 3, sex: "\?" is not a sex/)
  })

  it('asks for --date-order when no row proves it, and reads the dates once told', async () => {
    const file = await event()
    const data = join(tempDir(), 'dates.csv')
    writeFileSync(data, 'First Name,Last Name,Gender,DOB\nMin-jun,Kim,M,05/07/1986\n')
    const asked = await runCliProcess(['import', file, data, '--race', 'Marathon'])
    expect(asked.code).toBe(1)
    expect(asked.stdout).toMatch(/--date-order dmy or --date-order mdy/)
    expect((await runCliProcess(['import', file, data, '--race', 'Marathon', '--date-order', 'mdy'])).code).toBe(0)
    const [kim] = JSON.parse((await runCliProcess(['entrants', file, '--json'])).stdout) as { birthDate: string }[]
    expect(kim?.birthDate).toBe('1986-05-07')
  })

  it("skips the club's copies of runners the platform's file brought, unless told to update or add them", async () => {
    const file = await event()
    await runCliProcess(['import', file, join(fixtures, 'registrations-platform.csv')])
    const club = join(fixtures, 'registrations-club-excel.csv')
    const skipped = await runCliProcess(['import', file, club])
    expect(skipped.code).toBe(0)
    expect(skipped.stdout).toMatch(/Imported 0, updated 0, unchanged 0\. Skipped 26 duplicate\(s\)\./)
    expect(skipped.stdout).toMatch(
      /row 2: Min-jun Kim, born 1986-01-18, Half Marathon — like Min-jun Kim, born 1986-01-18, Half Marathon, registration 3100000: skipped/,
    )
    expect(JSON.parse((await runCliProcess(['entrants', file, '--json'])).stdout)).toHaveLength(30)

    const updated = JSON.parse((await runCliProcess(['import', file, club, '--duplicates', 'update', '--json'])).stdout) as {
      updated: number
      skipped: number
      duplicates: { action: string }[]
    }
    expect(updated).toMatchObject({ skipped: 0 })
    expect(new Set(updated.duplicates.map((d) => d.action))).toEqual(new Set(['update']))
    const added = JSON.parse((await runCliProcess(['import', file, club, '--duplicates', 'add', '--json'])).stdout) as { imported: number }
    expect(added.imported).toBe(26)
    expect(JSON.parse((await runCliProcess(['entrants', file, '--json'])).stdout)).toHaveLength(56)
  })

  it('answers usage errors with exit code 2', async () => {
    expect((await runCliProcess(['import', 'only-one.raceoffice'])).code).toBe(2)
    expect((await runCliProcess(['import', 'a', 'b', '--date-order', 'ymd'])).code).toBe(2)
    expect((await runCliProcess(['import', 'a', 'b', '--duplicates', 'merge'])).code).toBe(2)
  })
})

describe('race-office entrants', () => {
  it('prints every entrant as JSON with the public fields', async () => {
    const file = await event()
    await runCliProcess(['import', file, join(fixtures, 'registrations-club-excel.csv')])
    const run = await runCliProcess(['entrants', file, '--json'])
    expect(run.code).toBe(0)
    const entrants = JSON.parse(run.stdout) as Record<string, unknown>[]
    expect(entrants).toHaveLength(26)
    for (const key of ['id', 'ref', 'givenName', 'familyName', 'sex', 'birthDate', 'age', 'nationality', 'race', 'category', 'bib', 'status']) {
      expect(entrants[0]).toHaveProperty(key)
    }
    expect(entrants.find((e) => e['familyName'] === 'Taylor')).toMatchObject({ sex: 'X', birthDate: '1969-11-03', age: 55, category: 'X55', race: '10K' })
  })

  it('lists one race with --race, and refuses an unknown one', async () => {
    const file = await event()
    await runCliProcess(['import', file, join(fixtures, 'registrations-club-excel.csv')])
    const tenK = JSON.parse((await runCliProcess(['entrants', file, '--race', '10k', '--json'])).stdout) as { race: string }[]
    expect(tenK.length).toBeGreaterThan(0)
    expect(new Set(tenK.map((e) => e.race))).toEqual(new Set(['10K']))
    expect((await runCliProcess(['entrants', file, '--race', 'Ultra'])).code).toBe(1)
  })
})
