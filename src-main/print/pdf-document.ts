import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { CommandError } from '../../src-shared/contract/errors'
import { faceFiles, faces, fontRuns, type Weight } from './fonts'
import type { Size } from './paper'

export type Pdf = PDFKit.PDFDocument

/**
 * A document whose pages are written out as soon as the next one starts, never held whole. The
 * PDF writer and its font engine are loaded with the first document: a command that prints
 * nothing starts without them. Its fonts are its own, or, in a thread that makes one document at
 * a time, the thread's (see threadFaces).
 */
export async function createPdf(title: string, out: Writable, fontsOf: 'document' | 'thread' = 'document'): Promise<Pdf> {
  const { default: PDFDocument } = await import('pdfkit')
  const fonts = fontsOf === 'thread' ? await threadFaces() : null
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false,
    info: { Title: title, Creator: 'Race Office', Producer: 'Race Office' },
    pdfVersion: '1.7',
  })
  // A document of its own reads a face's file when it first sets text in it (most never need the
  // 40 MB of CJK); a thread's faces are parsed already, which pdfkit takes though its types do not say so.
  for (const face of faces) {
    if (fonts === null) doc.registerFont(face.name, face.file, 'face' in face ? face.face : undefined)
    else doc.registerFont(face.name, fonts.get(face.name) as unknown as Buffer)
  }
  gatherContent(doc)
  doc.pipe(out)
  return doc
}

const pageContent = new WeakMap<Pdf, string[]>()

/**
 * pdfkit turns every drawing operation into a buffer of its own as it is made, some twenty for
 * each bib; gathered, a page's operations become one (handed over when the page ends).
 */
function gatherContent(doc: Pdf): void {
  const gathered: string[] = []
  pageContent.set(doc, gathered)
  doc.addContent = (operation: string) => {
    gathered.push(operation)
    return doc
  }
}

function handOverContent(doc: Pdf): void {
  const gathered = pageContent.get(doc)
  if (gathered === undefined || gathered.length === 0) return
  ;(doc as unknown as { page: { write(content: string): void } }).page.write(gathered.join('\n'))
  gathered.length = 0
}

type ParsedFace = { _glyphs: Record<number, unknown> }

async function parseFaces(): Promise<Map<string, ParsedFace>> {
  const fontkit = await import('fontkit')
  const files = faceFiles()
  const parse = (face: (typeof faces)[number]) => fontkit.create(Buffer.from(files.get(face.name) as SharedArrayBuffer), 'face' in face ? face.face : undefined)
  return new Map(faces.map((face) => [face.name, parse(face) as unknown as ParsedFace]))
}

let parsed: Promise<Map<string, ParsedFace>> | null = null

/**
 * The faces parsed once for a thread that makes one document at a time (a page worker): parsing
 * them anew for every part cost a 50,000-bib run several seconds. Each document starts with none of the glyphs
 * the one before met, though: fontkit keeps a glyph with the characters it was first met with,
 * and a glyph first met as part of another (o in ó, as a finished document's fonts are subset)
 * has none — the next document's text layer would lose every o. Two documents made at once would
 * share that cache, which is why the office's own thread gives each document its own.
 */
async function threadFaces(): Promise<Map<string, ParsedFace>> {
  parsed ??= parseFaces()
  const fonts = await parsed
  for (const font of fonts.values()) font._glyphs = {}
  return fonts
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
  handOverContent(doc)
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
  handOverContent(doc)
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
    for (const run of fontRuns(text, this.weight)) at += this.setRun(run.font, run.text, at, baseline)
  }

  /**
   * One run of text in one face, set as pdfkit sets it, glyph by glyph with its kerning, but as
   * one piece of content: pdfkit's own text() spends several times as long on the options, state
   * and transforms it handles for every call, which a bib run makes half a million of. Returns
   * its width.
   */
  private setRun(face: string, text: string, x: number, baseline: number): number {
    const doc = this.doc.font(face).fontSize(this.size) as PdfInternals
    const font = doc._font
    const [glyphs, positions] = font.encode(text)
    if (positions.some((position) => position.xOffset !== 0 || position.yOffset !== 0)) {
      // Marks placed by offset, as some scripts' accents are: pdfkit's text() places them.
      doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' })
      return doc.widthOfString(text)
    }
    doc.page.fonts[font.id] ??= font.ref()
    let shown = ''
    let pending = ''
    let advance = 0
    glyphs.forEach((glyph, index) => {
      const { xAdvance, advanceWidth } = positions[index] as GlyphPosition
      pending += glyph
      advance += xAdvance
      if (xAdvance !== advanceWidth) {
        shown += `<${pending}> ${round(advanceWidth - xAdvance)} `
        pending = ''
      }
    })
    if (pending !== '') shown += `<${pending}>`
    // The page's space has y downwards (pdfkit's); the text matrix turns the glyphs upright again.
    doc.addContent(`BT\n1 0 0 -1 ${round(x)} ${round(baseline)} Tm\n/${font.id} ${round(this.size)} Tf\n[${shown}] TJ\nET`)
    return (advance * this.size) / 1000
  }
}

/** Where pdfkit's layout puts a glyph, in thousandths of the font size. */
interface GlyphPosition {
  xAdvance: number
  advanceWidth: number
  xOffset: number
  yOffset: number
}

/** The parts of pdfkit's document and font that setting a run needs, which its types leave out. */
type PdfInternals = Pdf & {
  _font: { id: string; ref(): unknown; encode(text: string): [string[], GlyphPosition[]] }
  page: { fonts: Record<string, unknown> }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
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
