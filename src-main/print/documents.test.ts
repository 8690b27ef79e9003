import { describe, expect, it } from 'vitest'
import { type PrintRequestInput } from '../../src-shared/contract/prints'
import { pdfPageCount, pdfPageSize, pdfText, printToFile, scanPage } from '../../tests/support/pdf'
import { seedPrintableEvent } from '../../tests/support/print-fixture'
import { tempRouter } from '../../tests/support/temp-event'
import { labelSheet } from './label-formats'

async function made(request: PrintRequestInput) {
  const { file, router } = await tempRouter()
  const races = await seedPrintableEvent(router)
  const { path, document } = await printToFile(file, request)
  return { path, document, races }
}

describe('pickup lists', () => {
  it('files runners by family name, alphabets first, then Cyrillic, then Hangul under its initial consonants', async () => {
    const { path, document } = await made({ kind: 'lists' })
    expect(document).toMatchObject({ items: 9, pages: 1, fileName: 'Seoul-Spring-Run-2025-Packet-pickup-All-races.pdf' })
    expect(pdfPageSize(path)).toEqual({ width: 595.28, height: 841.89 })
    const text = pdfText(path)
    const order = [
      'Abbott, Ben',
      'Åberg, Anna',
      'Featherstonehaugh-Wolfesch…',
      'Łukasiewicz, Zoë',
      'Núñez, José',
      'Смирнов, Алексей',
      '김민준',
      '이서연',
      '王小明',
    ]
    const positions = order.map((name) => text.indexOf(name))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    for (const heading of ['A', 'F', 'L', 'N', 'С', 'ㄱ', 'ㅇ', '漢字']) expect(text).toMatch(new RegExp(`^\\s*${heading}\\s*$`, 'm'))
    expect(text).toContain('Abbott – 王')
    expect(text).toMatch(/Abbott, Ben\s+Half marathon\s+2003/)
  })

  it('lists one race on US Letter, with the words in Korean', async () => {
    const { path, document } = await made({ kind: 'lists', paper: 'letter', language: 'ko', raceId: 2 })
    expect(document).toMatchObject({ items: 3, pages: 1 })
    expect(pdfPageSize(path)).toEqual({ width: 612, height: 792 })
    const text = pdfText(path)
    expect(text).toContain('배번 수령 · Half marathon')
    expect(text).toContain('1쪽 중 1쪽')
    expect(text).not.toContain('Łukasiewicz')
  })
})

describe('envelope labels', () => {
  it('prints 21 labels to an A4 sheet in bib order, each with a scannable code', async () => {
    const { path, document } = await made({ kind: 'labels' })
    expect(document).toMatchObject({ items: 9, pages: 1 })
    expect(pdfPageCount(path)).toBe(1)
    const text = pdfText(path)
    expect(text.indexOf('101')).toBeLessThan(text.indexOf('2003'))
    expect(text).toContain('Zoë Łukasiewicz')
    const labels = labelSheet('a4-3x7').labels
    expect(labels).toHaveLength(21)
    const codes = labels.slice(0, 9).map((label) => scanPage(path, 1, label))
    expect(codes.flat()).toEqual(
      [101, 102, 103, 104, 105, 106]
        .map((bib, i) => `QR-Code:RO/${bib}/REG-00${i + 1}`)
        .concat(['QR-Code:RO/2001/H-1', 'QR-Code:RO/2002/H-2', 'QR-Code:RO/2003/H-3']),
    )
  })

  it('fits 3 × 10 labels on US Letter', async () => {
    const { path } = await made({ kind: 'labels', format: 'letter-3x10', firstBib: 2001 })
    expect(pdfPageSize(path)).toEqual({ width: 612, height: 792 })
    expect(scanPage(path, 1).sort()).toEqual(['QR-Code:RO/2001/H-1', 'QR-Code:RO/2002/H-2', 'QR-Code:RO/2003/H-3'])
  })
})

describe('paper for the chute', () => {
  // The numbers standing alone on their lines, left to right and down the page.
  const numbersOf = (text: string): number[] =>
    text
      .split('\n')
      .filter((line) => /^\s*\d+(\s+\d+)*\s*$/.test(line))
      .flatMap((line) => line.trim().split(/\s+/).map(Number))

  it('numbers a race’s tally sheets on from sheet to sheet, a sheet a page, with a bib and a time box per place', async () => {
    const { path, document } = await made({ kind: 'tally', raceId: 1, sheets: 3, firstSheet: 2, linesPerSheet: 40 })
    expect(document).toMatchObject({ kind: 'tally', items: 3, pages: 3 })
    expect(pdfPageCount(path)).toBe(3)
    const first = pdfText(path, 1)
    expect(first).toContain('Finish tally sheet · 10K · Sheet 2')
    expect(first).toMatch(/Place\s+Bib\s+Time\s+Place\s+Bib\s+Time/)
    expect(first).toMatch(/Recorder: _+\s+Point: _+\s+Time: _+/)
    expect(numbersOf(first).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => 41 + i))
    expect(pdfText(path, 3)).toContain('Finish tally sheet · 10K · Sheet 4')
    expect(Math.max(...numbersOf(pdfText(path, 3)))).toBe(160)
  })

  it('prints a chute card per place, eight to a page, in Korean when asked', async () => {
    const { path, document } = await made({ kind: 'chute', raceId: 2, firstPlace: 1, lastPlace: 10, language: 'ko' })
    expect(document).toMatchObject({ kind: 'chute', items: 10, pages: 2 })
    expect(pdfPageCount(path)).toBe(2)
    expect(pdfText(path, 1)).toContain('Half marathon · 도착 순위')
    expect(numbersOf(pdfText(path, 1))).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(numbersOf(pdfText(path, 2))).toEqual([9, 10])
  })
})
