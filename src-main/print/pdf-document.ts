import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { CommandError } from '../../src-shared/contract'
import { faceFiles, faces, fontRuns, type Weight } from './fonts'
import type { Size } from './paper'

export type Pdf = PDFKit.PDFDocument

/**
 * A document whose pages are written out as soon as the next one starts, never held whole. The
 * PDF writer and its font engine are loaded with the first document: a command that prints
 * nothing starts without them.
 */
export async function createPdf(title: string, out: Writable): Promise<Pdf> {
  const { default: PDFDocument } = await import('pdfkit')
  const fontkit = await import('fontkit')
  const files = faceFiles()
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    info: { Title: title, Creator: 'Race Office', Producer: 'Race Office' },
    pdfVersion: '1.7',
  })
  // Parsed from the bytes every thread shares, anew for each document: fontkit keeps each glyph
  // with the text it was first met in, and a document's text layer must be its own. pdfkit takes a
  // parsed font, though its types do not say so.
  for (const face of faces) {
    const font = fontkit.create(Buffer.from(files.get(face.name) as SharedArrayBuffer), 'face' in face ? face.face : undefined)
    doc.registerFont(face.name, font as unknown as Buffer)
  }
  doc.pipe(out)
  return doc
}

/** At most this much of the document waits in memory to be written. */
const maxBufferedBytes = 4 * 1024 * 1024

/**
 * Starts a new page once the pages before it have mostly reached the file: pdfkit keeps producing
 * whether or not its reader keeps up, so without this wait a fast writer piles the document up in
 * memory.
 */
export async function addPage(doc: Pdf, size: Size): Promise<void> {
  while (doc.readableLength > maxBufferedBytes) await new Promise((resolve) => setTimeout(resolve, 1))
  forgetLayouts(doc)
  doc.addPage({ size: [size.width, size.height], margin: 0 })
}

const pagesBetweenForgetting = 100
const pagesStarted = new WeakMap<Pdf, number>()

/**
 * pdfkit keeps the shaped layout of every word it has set, for the life of the document: with a
 * different number on each of 50,000 bibs that is over 100 MB. The cache pays off for names that
 * repeat within a run of pages, so it is emptied every hundred pages (pdfkit has no public way to).
 */
function forgetLayouts(doc: Pdf): void {
  const pages = (pagesStarted.get(doc) ?? 0) + 1
  pagesStarted.set(doc, pages)
  if (pages % pagesBetweenForgetting !== 0) return
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies ?? {}
  for (const font of Object.values(fonts)) if (font.layoutCache !== undefined) font.layoutCache = Object.create(null) as object
}

export async function endPdf(doc: Pdf, out: Writable): Promise<void> {
  doc.end()
  await finished(out)
}

/**
 * Sets text on a document in one of two weights, each piece of a line in the family that has its
 * letters, placed by baseline and measured, never wrapped: pdfkit's own wrapping would start a new
 * page for text near the bottom edge.
 */
export class Typesetter {
  private weight: Weight = 'regular'
  private size = 10

  constructor(private readonly doc: Pdf) {}

  use(weight: Weight, size: number): this {
    this.weight = weight
    this.size = size
    return this
  }

  /** Uses the largest size up to `maxSize` at which `text` fits `width` on one line (never below `minSize`). */
  fit(text: string, weight: Weight, maxSize: number, width: number, minSize = 6): number {
    this.use(weight, maxSize)
    const natural = this.width(text)
    this.size = natural <= width ? maxSize : Math.max(minSize, (maxSize * width) / natural)
    return this.size
  }

  /** The text, cut short with an ellipsis if it is wider than `width` at the current size. */
  shorten(text: string, width: number): string {
    // A hair of tolerance: text just fitted to `width` measures a rounding error wider.
    if (this.width(text) <= width + 0.01) return text
    const letters = [...text]
    let low = 0
    let high = letters.length
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (this.width(`${letters.slice(0, middle).join('').trimEnd()}…`) <= width) low = middle
      else high = middle - 1
    }
    return `${letters.slice(0, low).join('').trimEnd()}…`
  }

  width(text: string): number {
    let total = 0
    for (const run of fontRuns(text, this.weight)) total += this.doc.font(run.font).fontSize(this.size).widthOfString(run.text)
    return total
  }

  line(text: string, x: number, baseline: number, align: 'left' | 'center' | 'right' = 'left', width = 0): void {
    let at = align === 'left' ? x : x + (width - this.width(text)) / (align === 'center' ? 2 : 1)
    for (const run of fontRuns(text, this.weight)) {
      this.doc.font(run.font).fontSize(this.size).text(run.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' })
      at += this.doc.widthOfString(run.text)
    }
  }
}

/** How a long document reports progress, lets the office answer other desks, and stops when cancelled. */
export interface Progress {
  /** Called after each item; every so often it yields to the event loop. */
  step(done: number): Promise<void>
}

export class PrintCancelled extends CommandError {
  constructor() {
    super('PRINT_CANCELLED', 'The document was cancelled before it was finished.')
  }
}

export function progressEvery(items: number, report: (done: number) => void, isCancelled: () => boolean = () => false): Progress {
  let last = 0
  return {
    async step(done) {
      if (done - last < items) return
      last = done
      report(done)
      await new Promise((resolve) => setImmediate(resolve))
      if (isCancelled()) throw new PrintCancelled()
    },
  }
}
