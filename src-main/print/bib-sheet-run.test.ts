import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { bibSheetsRequest } from '../../src-shared/contract/prints'
import { pdfPageCount, pdfText, scanPage } from '../../tests/support/pdf'
import { seedPrintableEvent } from '../../tests/support/print-fixture'
import { tempDir, tempRouter } from '../../tests/support/temp-event'
import type { SheetThreads } from './bib-sheet-run'
import { prepareBibSheets } from './bib-sheets'
import { progressEvery } from './pdf-document'

// The nine runners of the printable event, one bib to an A5 page: nine pages, in parts of two.
async function sheets(threads: SheetThreads, isCancelled?: () => boolean) {
  const { file, router } = await tempRouter()
  await seedPrintableEvent(router)
  const document = await prepareBibSheets(file.db, bibSheetsRequest.parse({ kind: 'sheets', layout: 'a5' }), threads)
  const path = join(tempDir(), `${threads.workers ?? 0}-${threads.workerModule ?? 'workers'}.pdf`)
  await document.write(
    createWriteStream(path),
    progressEvery(1, () => {}, isCancelled),
  )
  return { path, document }
}

const pagesOf = (path: string) => Array.from({ length: pdfPageCount(path) }, (_, page) => pdfText(path, page + 1))

describe('a bib-sheet run over several threads', () => {
  it('draws parts in worker threads and joins them page for page as one thread would, in bib order', async () => {
    const one = await sheets({ workers: 0, pagesPerPart: 2 })
    const two = await sheets({ workers: 2, pagesPerPart: 2 })
    expect(pdfPageCount(two.path)).toBe(9)
    expect(pagesOf(two.path)).toEqual(pagesOf(one.path))
    expect(scanPage(two.path, 7)).toEqual(['QR-Code:RO/2001/H-1'])
    expect(two.document.printed.map((p) => p.bib)).toEqual([101, 102, 103, 104, 105, 106, 2001, 2002, 2003])
  })

  it('writes a file a PDF reader opens without repairs, each part with fonts of its own name', async () => {
    const { path } = await sheets({ workers: 2, pagesPerPart: 2 })
    // poppler reports a broken cross-reference table or object on stderr, and repairs silently.
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    const names = fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split(/\s+/)[0])
    expect(new Set(names).size).toBe(names.length)
    expect(names.length).toBeGreaterThanOrEqual(5 * 2)
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toMatch(/Pages:\s+9/)
    const check = execFileSync('sh', ['-c', `pdftotext "${path}" - 2>&1 >/dev/null`], { encoding: 'utf8' })
    expect(check).toBe('')
  })

  it('draws the rest in its own thread when a worker cannot start, and still makes the whole document', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { path, document } = await sheets({ workers: 2, pagesPerPart: 2, workerModule: 'no-such-worker' })
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('a print worker failed'), expect.anything())
    logged.mockRestore()
    expect(pdfPageCount(path)).toBe(9)
    expect(document.printed).toHaveLength(9)
  })

  it('stops every worker when the run is cancelled', async () => {
    await expect(sheets({ workers: 2, pagesPerPart: 2 }, () => true)).rejects.toMatchObject({ code: 'PRINT_CANCELLED' })
  })
})
