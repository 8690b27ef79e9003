import { Writable } from 'node:stream'
import type { PrintRequest } from '../../src-shared/contract/prints'
import { drawBib, type BibFace, type FaceStyle } from './bib-face'
import { code128Encoder } from './codes'
import type { FaceFiles } from './fonts'
import type { Letterhead } from './letterhead'
import { addPage, createPdf, endPdf, Typesetter } from './pdf-document'
import { cropMarks, sheetGeometry } from './sheet-layouts'
import { printWords } from './words'

export type BibSheetsRequest = Extract<PrintRequest, { kind: 'sheets' }>

/** What every page of a sheet run shares: plain data, so a worker thread can be given it. */
export interface SheetRun {
  request: BibSheetsRequest
  letterhead: Letterhead
  title: string
}

/** What a worker thread of a sheet run is started with. */
export interface SheetWorkerData {
  run: SheetRun
  fonts: FaceFiles
}

/** One page: the bib in each of its filled slots, and whose it is. */
export type SheetPage = { slot: number; face: BibFace; entrantId: string }[]

/**
 * A run of bib-sheet pages as a PDF of its own (the parts of a long run are joined by
 * PdfAssembly). `drawn` is told after each bib; it may pause the drawing, or stop it by throwing.
 * A page worker, which draws one part at a time, keeps its fonts from part to part (see createPdf).
 */
export async function renderSheetPages(
  run: SheetRun,
  pages: readonly SheetPage[],
  drawn: () => Promise<void>,
  fontsOf: 'document' | 'thread' = 'document',
): Promise<Uint8Array> {
  const parts: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk)
      done()
    },
  })
  const doc = await createPdf(run.title, out, fontsOf)
  const type = new Typesetter(doc)
  const geometry = sheetGeometry(run.request.layout)
  const marks = run.request.cropMarks ? cropMarks(geometry) : []
  const { logo } = run.letterhead
  const style: FaceStyle = {
    eventName: run.letterhead.eventName,
    // A logo sent to a worker thread arrives as a plain Uint8Array, which pdfkit would take for a path.
    logo: logo === null ? null : doc.openImage(Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength)),
    code128: run.request.code128 ? await code128Encoder() : null,
    tabs: run.request.tabs,
    words: printWords(run.request.language),
  }
  for (const page of pages) {
    await addPage(doc, geometry.page)
    drawCropMarks(doc, marks)
    for (const { slot, face } of page) {
      drawBib(doc, type, geometry.cells[slot] as (typeof geometry.cells)[number], face, style)
      await drawn()
    }
  }
  await endPdf(doc, out)
  return Buffer.concat(parts)
}

function drawCropMarks(doc: PDFKit.PDFDocument, marks: ReturnType<typeof cropMarks>): void {
  if (marks.length === 0) return
  doc.save().lineWidth(0.5).strokeColor('#000000')
  for (const mark of marks) doc.moveTo(mark.x1, mark.y1).lineTo(mark.x2, mark.y2)
  doc.stroke().restore()
}
