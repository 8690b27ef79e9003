import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { bibSheetsRequest, sheetLayouts } from '../../src-shared/contract/prints'
import { pdfImages, pdfPageCount, pdfPageSize, pdfText, scanPage } from '../../tests/support/pdf'
import { seedPrintableEvent } from '../../tests/support/print-fixture'
import { organiser, tempDir, tempRouter } from '../../tests/support/temp-event'
import { prepareBibSheets } from './bib-sheets'
import { progressEvery } from './pdf-document'

async function sheets(options: Record<string, unknown> = {}) {
  const { file, router } = await tempRouter()
  const races = await seedPrintableEvent(router)
  const request = bibSheetsRequest.parse({ kind: 'sheets', ...options })
  const document = await prepareBibSheets(file.db, request)
  const path = join(tempDir(), document.fileName)
  await document.write(
    createWriteStream(path),
    progressEvery(1, () => {}),
  )
  return { path, document, races, file }
}

describe('bib sheets', () => {
  it('prints every numbered runner once, in bib order, four to an A4 page by default', async () => {
    const { path, document } = await sheets()
    expect(document).toMatchObject({ items: 9, pages: 3, fileName: 'Seoul-Spring-Run-2025-Bib-sheets-101-2003.pdf' })
    expect(pdfPageCount(path)).toBe(3)
    expect(pdfPageSize(path)).toEqual({ width: 841.89, height: 595.28 })
  })

  it('orders bibs by number, one to a page on A5', async () => {
    const { path } = await sheets({ layout: 'a5' })
    const firstNumberOnPage = (page: number) => Number(/\b(\d{3,4})\b/.exec(pdfText(path, page).replace('2025', ''))?.[1])
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(firstNumberOnPage)).toEqual([101, 102, 103, 104, 105, 106, 2001, 2002, 2003])
  })

  it('writes names as their runners do, accents, Hangul, Cyrillic and Chinese characters included, and the wave', async () => {
    const text = pdfText((await sheets()).path)
    for (const name of [
      'Zoë Łukasiewicz',
      '김민준',
      'Алексей Смирнов',
      '王小明',
      'José Núñez',
      '호세 누녜스',
      '10K · Wave A',
      '10K · Wave B',
      'Half marathon',
      'Seoul Spring Run 2025',
    ]) {
      expect(text).toContain(name)
    }
  })

  it('carries a QR code a scanner reads as the bib and registration reference', async () => {
    const { path } = await sheets({ layout: 'a5' })
    expect(scanPage(path, 2)).toEqual(['QR-Code:RO/102/REG-002'])
  })

  it('adds a Code 128 barcode of the same code on request', async () => {
    const { path } = await sheets({ layout: 'a6', code128: true, firstBib: 103, lastBib: 103 })
    expect(scanPage(path, 1).sort()).toEqual(['CODE-128:RO/103/REG-003', 'QR-Code:RO/103/REG-003'])
  })

  it.each(sheetLayouts)('lays out %s pages with every bib scannable', async (layout) => {
    const { path, document } = await sheets({ layout, tabs: 2 })
    expect(pdfPageCount(path)).toBe(document.pages)
    const perPage = { a5: 1, a6: 1, letter: 1, a4x2: 2, letterx2: 2, a4x4: 4 }[layout]
    const expected = ['REG-001', 'REG-002', 'REG-003', 'REG-004'].slice(0, perPage).map((ref, i) => `QR-Code:RO/${101 + i}/${ref}`)
    expect(scanPage(path, 1).sort()).toEqual(expected)
  })

  it('orders bibs down each stack for cutting, so every cut pile runs in bib order', async () => {
    const { path, document } = await sheets({ layout: 'a4x4', order: 'stack' })
    expect(document.pages).toBe(3)
    const bibsOn = (page: number) =>
      scanPage(path, page)
        .map((code) => Number(code.split('/')[1]))
        .sort((a, b) => a - b)
    expect([1, 2, 3].map(bibsOn)).toEqual([
      [101, 104, 2001],
      [102, 105, 2002],
      [103, 106, 2003],
    ])
  })

  it('selects one race, a bib range, or only bibs not printed yet', async () => {
    const { file, races } = await sheets()
    const bibsIn = async (options: Record<string, unknown>) => {
      const document = await prepareBibSheets(file.db, bibSheetsRequest.parse({ kind: 'sheets', ...options }))
      await document.write(
        new PassThrough().resume(),
        progressEvery(1, () => {}),
      )
      return document.printed.map((p) => p.bib)
    }
    expect(await bibsIn({ raceId: races.half })).toEqual([2001, 2002, 2003])
    expect(await bibsIn({ firstBib: 104, lastBib: 2001 })).toEqual([104, 105, 106, 2001])
  })

  it('refuses to make an empty document', async () => {
    const { file } = await sheets()
    await expect(prepareBibSheets(file.db, bibSheetsRequest.parse({ kind: 'sheets', firstBib: 5000 }))).rejects.toMatchObject({ code: 'NOTHING_TO_PRINT' })
  })

  it("prints the organiser's logo on every bib, embedded once", async () => {
    const { file, router } = await tempRouter()
    await seedPrintableEvent(router)
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC'
    await router.call('event.setLogo', { imageBase64: png }, organiser)
    const document = await prepareBibSheets(file.db, bibSheetsRequest.parse({ kind: 'sheets' }))
    const path = join(tempDir(), document.fileName)
    await document.write(
      createWriteStream(path),
      progressEvery(1, () => {}),
    )
    const images = pdfImages(path)
    expect(images).toHaveLength(9)
    expect(new Set(images.map((image) => image.object)).size).toBe(1)
  })
})
