import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliProcess } from '../../tests/support/cli'
import { pdfPageCount, pdfPageSize, pdfText, scanPage } from '../../tests/support/pdf'
import { tempDir } from '../../tests/support/temp-event'
import { sampleEventArgs } from '../../tests/support/cli'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

async function newEvent(): Promise<string> {
  const file = join(tempDir(), 'event.raceoffice')
  await runCliProcess(['init', file, ...sampleEventArgs('Pyongyang Marathon')])
  return file
}

async function numberedEvent(): Promise<string> {
  const file = await newEvent()
  await runCliProcess(['import', file, join(fixtures, 'registrations-platform.csv')])
  await runCliProcess(['bibs', 'assign', file])
  return file
}

describe('race-office bibs sheets', () => {
  it('writes one race’s bib sheets in the layout asked for, stacked for cutting, marks them printed, and prints none twice with --unprinted', async () => {
    const file = await numberedEvent()
    const out = join(tempDir(), 'marathon.pdf')
    const run = await runCliProcess(['bibs', 'sheets', file, '--out', out, '--race', 'Marathon', '--layout', 'a4x2', '--stack', '--json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as { file: string; kind: string; items: number; pages: number; bytes: number }
    expect(report).toMatchObject({ file: out, kind: 'sheets' })
    expect(report.pages).toBe(Math.ceil(report.items / 2))
    expect(pdfPageCount(out)).toBe(report.pages)
    expect(pdfPageSize(out)).toEqual({ width: 595.28, height: 841.89 })
    expect(pdfText(out, 1)).toMatch(/\b1\b/)
    // Stacked for cutting: the top bib of the first page is the first number, the bottom one starts the second pile.
    const firstPage = scanPage(out, 1)
      .map((code) => Number(code.split('/')[1]))
      .sort((a, b) => a - b)
    expect(firstPage).toEqual([1, 1 + report.pages])

    const again = await runCliProcess(['bibs', 'sheets', file, '--out', out, '--race', 'Marathon', '--unprinted'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/nothing to print/)
  })

  it('draws a long run on the built worker threads and joins it into one file in bib order', async () => {
    const file = await newEvent()
    const header = 'Registration ID,Event,First Name,Last Name,Gender,DOB'
    const rows = Array.from({ length: 120 }, (_, i) => `${4200000 + i},10K,Runner,Number${i},${i % 2 === 0 ? 'F' : 'M'},1990-05-01`)
    const csv = join(tempDir(), 'field.csv')
    writeFileSync(csv, [header, ...rows].join('\n'))
    expect((await runCliProcess(['import', file, csv])).code).toBe(0)
    expect((await runCliProcess(['bibs', 'assign', file])).code).toBe(0)
    const out = join(tempDir(), 'field.pdf')
    const run = await runCliProcess(['bibs', 'sheets', file, '--out', out, '--layout', 'a5', '--json'])
    // A worker that failed would leave its parts to the main thread, and say so.
    expect(run).toMatchObject({ code: 0 })
    expect(run.stderr).not.toMatch(/worker/)
    expect(pdfPageCount(out)).toBe(120)
    const [first, last] = [scanPage(out, 1), scanPage(out, 120)].map((codes) => Number(codes[0]?.split('/')[1]))
    expect(last).toBe((first as number) + 119)
  })

  it('says which flags are wrong, with exit code 2, and which race is unknown, with exit code 1', async () => {
    const file = await newEvent()
    expect((await runCliProcess(['bibs', 'sheets', file])).stderr).toMatch(/--out/)
    const layout = await runCliProcess(['bibs', 'sheets', file, '--out', join(tempDir(), 'x.pdf'), '--layout', 'a3'])
    expect(layout.code).toBe(2)
    expect(layout.stderr).toMatch(/--layout is one of a5, a6, a4x2, a4x4, letter, letterx2/)
    const race = await runCliProcess(['bibs', 'sheets', file, '--out', join(tempDir(), 'x.pdf'), '--race', 'Ultra'])
    expect(race.code).toBe(1)
    expect(race.stderr).toMatch(/There is no race called Ultra \(races: Marathon, Half Marathon, 10K\)/)
  })
})

describe('race-office bibs lists and labels', () => {
  it('writes the pickup lists and the envelope labels', async () => {
    const file = await numberedEvent()
    const lists = join(tempDir(), 'lists.pdf')
    const listed = await runCliProcess(['bibs', 'lists', file, '--out', lists, '--paper', 'letter'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/^Pickup lists: 30 runners on 1 pages → /)
    expect(pdfPageSize(lists)).toEqual({ width: 612, height: 792 })
    const labels = join(tempDir(), 'labels.pdf')
    const labelled = await runCliProcess(['bibs', 'labels', file, '--out', labels, '--format', 'letter-3x10', '--json'])
    expect(labelled.code).toBe(0)
    expect(JSON.parse(labelled.stdout)).toMatchObject({ kind: 'labels', items: 30, pages: 1 })
  })
})
