import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import { bibScanCode } from '../../src-shared/contract/scan-code'
import { personName } from '../../src-shared/names/person-name'
import type { ReadDb } from '../db/schema'
import { drawQr } from './bib-face'
import { capHeight } from './fonts'
import { fileNameOf, type PreparedDocument } from './document'
import { labelSheet } from './label-formats'
import { loadLetterhead } from './letterhead'
import { inset, mm } from './paper'
import { addPage, createPdf, endPdf, Typesetter, type Progress } from './pdf-document'
import { countNumberedRunners, numberedRunners } from './selection'
import { printWords } from './words'

type LabelsRequest = Extract<PrintRequest, { kind: 'labels' }>

/** One label per numbered runner, in bib order, for the envelopes their bibs are packed in. */
export async function prepareLabels(db: ReadDb, request: LabelsRequest): Promise<PreparedDocument> {
  const { count } = await countNumberedRunners(db, request)
  if (count === 0) throw new CommandError('NOTHING_TO_PRINT', 'No runner with a bib matches this choice: nothing to print.')
  const letterhead = await loadLetterhead(db)
  const words = printWords(request.language)
  const sheet = labelSheet(request.format)
  const perPage = sheet.labels.length

  return {
    kind: 'labels',
    items: count,
    pages: Math.ceil(count / perPage),
    fileName: fileNameOf(letterhead.eventName, words.labelsTitle, request.format),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.labelsTitle}`, out)
      const type = new Typesetter(doc)
      const limit = Math.min(count, maxPages * perPage)
      let index = 0
      for await (const runner of numberedRunners(db, request)) {
        if (index === limit) break
        const slot = index % perPage
        if (slot === 0) await addPage(doc, sheet.page)
        // Label sheets shift a millimetre or two in most printers: keep clear of the edges.
        const area = inset(sheet.labels[slot] as (typeof sheet.labels)[number], 3 * mm)
        const code = area.height
        const text = { ...area, width: area.width - code - 2 * mm }
        const bib = String(runner.bib)
        const bibSize = type.fit(bib, 'bold', area.height * 0.42, text.width)
        doc.fillColor('#111111')
        type.line(bib, text.x, text.y + capHeight * bibSize)
        const name = personName(runner.givenName, runner.familyName)
        const nameSize = type.fit(name, 'bold', area.height * 0.2, text.width, 7)
        type.line(type.shorten(name, text.width), text.x, text.y + area.height * 0.45 + nameSize * 0.9)
        type.fit(runner.raceName, 'regular', area.height * 0.15, text.width, 6)
        doc.fillColor('#555555')
        type.line(type.shorten(runner.raceName, text.width), text.x, text.y + area.height)
        drawQr(doc, { x: area.x + area.width - code, y: area.y, width: code, height: code }, bibScanCode(runner.bib, runner.ref))
        await progress.step(++index)
      }
      await endPdf(doc, out)
    },
  }
}
