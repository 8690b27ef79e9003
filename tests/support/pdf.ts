import { execFileSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { printRequest, type PrintRequestInput } from '../../src-shared/contract/prints'
import { factsChangedBy } from '../../src-main/commands/registry'
import type { EventFile } from '../../src-main/db/open'
import { progressEvery } from '../../src-main/print/pdf-document'
import { prepareDocument } from '../../src-main/print/prepare'
import { ResultsEngine } from '../../src-main/results/engine'

// Reading printed documents back as a user's tools would: poppler for text and pages, zbar for
// the codes a scanner sees on a rendered page (both installed by scripts/setup-tests.sh).

export function pdfPageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
}

export function pdfPageSize(path: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)
  return { width: Number(match?.[1]), height: Number(match?.[2]) }
}

export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return execFileSync('pdftotext', ['-layout', ...range, path, '-'], { encoding: 'utf8' })
}

/**
 * Every QR code and barcode zbar finds on one page rendered at 150 dpi, as `TYPE:text`; or only in
 * one region of it (in points), as a hand scanner held over one label would.
 */
export function scanPage(path: string, page: number, region?: { x: number; y: number; width: number; height: number }): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'race-office-scan-'))
  const dpi = 150
  const px = (points: number) => String(Math.round((points * dpi) / 72))
  const crop = region === undefined ? [] : ['-x', px(region.x), '-y', px(region.y), '-W', px(region.width), '-H', px(region.height)]
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(page), '-l', String(page), ...crop, path, join(dir, 'page')])
    const [image] = readdirSync(dir)
    const output = execFileSync('zbarimg', ['--quiet', join(dir, image as string)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return output.split('\n').filter((line) => line !== '')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Every image drawn, page by page, with the PDF object that holds it (`pdfimages -list`). */
export function pdfImages(path: string): { page: number; object: number }[] {
  const rows = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2)
  return rows
    .map((row) => row.trim().split(/\s+/))
    .filter((cells) => cells.length > 10)
    .map((cells) => ({ page: Number(cells[0]), object: Number(cells[10]) }))
}

/** A print job's document written to a file of its own, as `prints.start` would, to read back. */
export async function printToFile(file: Pick<EventFile, 'db' | 'sqlite'>, request: PrintRequestInput) {
  const document = await prepareDocument(file.db, new ResultsEngine(file.sqlite, factsChangedBy), printRequest.parse(request))
  const path = join(mkdtempSync(join(tmpdir(), 'race-office-print-')), document.fileName)
  const out = createWriteStream(path)
  await document.write(
    out,
    progressEvery(1, () => {}),
  )
  await finished(out)
  return { path, document }
}
