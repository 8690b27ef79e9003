import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import { bibScanCode } from '../../src-shared/contract/scan-code'
import { personName } from '../../src-shared/names/person-name'
import type { ReadDb } from '../db/schema'
import { drawBib, type FaceStyle } from './bib-face'
import { fileNameOf, type PreparedDocument } from './document'
import { addPage, createPdf, endPdf, Typesetter, type Progress } from './pdf-document'
import { cropMarks, sheetGeometry } from './sheet-layouts'
import { countNumberedRunners, numberedRunners, type NumberedRow } from './selection'
import { loadLetterhead } from './letterhead'
import { printWords } from './words'

type BibSheetsRequest = Extract<PrintRequest, { kind: 'sheets' }>

/** Bib sheets for the selected runners, in bib order, the layout's number of bibs to a page. */
export async function prepareBibSheets(db: ReadDb, request: BibSheetsRequest): Promise<PreparedDocument> {
  const { count, first, last } = await countNumberedRunners(db, request)
  if (count === 0) throw new CommandError('NOTHING_TO_PRINT', 'No runner with a bib matches this choice: nothing to print.')
  const letterhead = await loadLetterhead(db)
  const geometry = sheetGeometry(request.layout)
  const perPage = geometry.cells.length
  const words = printWords(request.language)
  const marks = request.cropMarks ? cropMarks(geometry) : []
  const printed: { entrantId: string; bib: number }[] = []

  return {
    kind: 'sheets',
    items: count,
    pages: Math.ceil(count / perPage),
    fileName: fileNameOf(letterhead.eventName, words.sheetsTitle, first === last ? `${first}` : `${first}-${last}`),
    printed,
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.sheetsTitle}`, out)
      const type = new Typesetter(doc)
      const style: FaceStyle = {
        eventName: letterhead.eventName,
        logo: letterhead.logo === null ? null : doc.openImage(letterhead.logo),
        code128: request.code128,
        tabs: request.tabs,
        words,
      }
      printed.length = 0
      let pages = 0
      let drawn = 0
      for await (const { runner, slot } of placements(db, request, perPage)) {
        if (slot === 0) {
          if (pages === maxPages) break
          await addPage(doc, geometry.page)
          drawCropMarks(doc, marks)
          pages++
        }
        drawBib(
          doc,
          type,
          geometry.cells[slot] as (typeof geometry.cells)[number],
          {
            bib: runner.bib,
            name: personName(runner.givenName, runner.familyName),
            secondName: runner.secondName,
            reference: runner.ref,
            raceName: runner.raceName,
            raceColour: runner.raceColour,
            wave: runner.waveName,
            scanCode: bibScanCode(runner.bib, runner.ref),
          },
          style,
        )
        printed.push({ entrantId: runner.entrantId, bib: runner.bib })
        await progress.step(++drawn)
      }
      await endPdf(doc, out)
    },
  }
}

/**
 * Where each runner goes: in bib order page after page, or, for cutting, down the stacks — the
 * first slot of every page holds the first quarter of the numbers in order, the second slot the
 * next quarter, so each pile off the guillotine is in bib order (the whole selection is read first).
 */
async function* placements(db: ReadDb, request: BibSheetsRequest, perPage: number): AsyncGenerator<{ runner: NumberedRow; slot: number }> {
  if (request.order === 'stack' && perPage > 1) {
    const all: NumberedRow[] = []
    for await (const runner of numberedRunners(db, request)) all.push(runner)
    const pages = Math.ceil(all.length / perPage)
    for (let page = 0; page < pages; page++) {
      for (let slot = 0; slot < perPage; slot++) {
        const runner = all[slot * pages + page]
        if (runner !== undefined) yield { runner, slot }
      }
    }
    return
  }
  let index = 0
  for await (const runner of numberedRunners(db, request)) yield { runner, slot: index++ % perPage }
}

function drawCropMarks(doc: PDFKit.PDFDocument, marks: ReturnType<typeof cropMarks>): void {
  if (marks.length === 0) return
  doc.save().lineWidth(0.5).strokeColor('#000000')
  for (const mark of marks) doc.moveTo(mark.x1, mark.y1).lineTo(mark.x2, mark.y2)
  doc.stroke().restore()
}
