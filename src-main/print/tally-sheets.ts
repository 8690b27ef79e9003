import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import type { ReadDb } from '../db/schema'
import { fileNameOf, type PreparedDocument } from './document'
import { loadLetterhead } from './letterhead'
import { mm, paper, type Size } from './paper'
import { addPage, createPdf, endPdf, Typesetter, type Progress } from './pdf-document'
import { drawResultHeader, headerHeight, ink, margin, quiet } from './result-page'
import { printWords } from './words'

type TallyRequest = Extract<PrintRequest, { kind: 'tally' }>
type ChuteRequest = Extract<PrintRequest, { kind: 'chute' }>

async function raceNamed(db: ReadDb, raceId: number): Promise<string> {
  const race = await db.selectFrom('race').select('name').where('id', '=', raceId).executeTakeFirst()
  if (race === undefined) throw new CommandError('NOT_FOUND', 'There is no such race.', { raceId })
  return race.name
}

const footerHeight = 16 * mm

/**
 * Paper for the chute: a sheet per page, its places numbered on from the sheet before, in two
 * columns of a place, a bib box and a time box, big enough to write in with cold hands.
 */
export async function prepareTallySheets(db: ReadDb, request: TallyRequest): Promise<PreparedDocument> {
  const race = await raceNamed(db, request.raceId)
  const letterhead = await loadLetterhead(db)
  const words = printWords(request.language)
  const page: Size = request.paper === 'letter' ? paper.letter : paper.a4
  const sheets = Array.from({ length: request.sheets }, (_, i) => request.firstSheet + i)
  return {
    kind: 'tally',
    items: sheets.length,
    pages: sheets.length,
    fileName: fileNameOf(letterhead.eventName, words.tallyTitle, race, `${request.firstSheet}-${request.firstSheet + request.sheets - 1}`),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.tallyTitle} · ${race}`, out)
      const type = new Typesetter(doc)
      const head = { eventName: letterhead.eventName, logo: letterhead.logo === null ? null : doc.openImage(letterhead.logo) }
      const width = page.width - 2 * margin
      const perColumn = request.linesPerSheet / 2
      const top = margin + headerHeight + 4 * mm
      const rowHeight = (page.height - top - margin - footerHeight) / (perColumn + 1)
      const columnWidth = (width - 6 * mm) / 2
      const cells = [14 * mm, (columnWidth - 14 * mm) * 0.45, (columnWidth - 14 * mm) * 0.55]
      for (const [index, sheet] of sheets.slice(0, maxPages).entries()) {
        await addPage(doc, page)
        drawResultHeader(doc, type, page, head, { title: `${words.tallyTitle} · ${race} · ${words.sheet(sheet)}`, note: words.tallyHint, provisional: null })
        const first = (sheet - 1) * request.linesPerSheet + 1
        for (let column = 0; column < 2; column++) {
          const x0 = margin + column * (columnWidth + 6 * mm)
          type.use('bold', 9)
          doc.fillColor(quiet)
          const labels = [words.place, words.bib, words.time]
          let x = x0
          for (const [i, label] of labels.entries()) {
            type.line(label, x + 2 * mm, top + rowHeight - 3 * mm)
            x += cells[i] as number
          }
          for (let row = 0; row < perColumn; row++) {
            const y = top + (row + 1) * rowHeight
            doc.rect(x0, y, columnWidth, rowHeight).lineWidth(0.6).strokeColor(ink).stroke()
            doc
              .moveTo(x0 + (cells[0] as number), y)
              .lineTo(x0 + (cells[0] as number), y + rowHeight)
              .moveTo(x0 + (cells[0] as number) + (cells[1] as number), y)
              .lineTo(x0 + (cells[0] as number) + (cells[1] as number), y + rowHeight)
              .lineWidth(0.4)
              .stroke()
            type.use('bold', 12)
            doc.fillColor(ink)
            type.line(String(first + column * perColumn + row), x0, y + rowHeight / 2 + 4, 'right', (cells[0] as number) - 2 * mm)
          }
        }
        type.use('regular', 10)
        doc.fillColor(ink)
        const footerY = page.height - margin - 4 * mm
        type.line(`${words.recorder}: ____________________    ${words.point}: ____________    ${words.time}: ______________`, margin, footerY)
        type.use('regular', 8)
        doc.fillColor(quiet)
        type.line(words.page(index + 1, sheets.length), margin, page.height - margin, 'right', width)
        await progress.step(index + 1)
      }
      await endPdf(doc, out)
    },
  }
}

/** A card per finish place, eight to an A4 page, the place big enough to read at arm's length. */
export async function prepareChuteCards(db: ReadDb, request: ChuteRequest): Promise<PreparedDocument> {
  const race = await raceNamed(db, request.raceId)
  const letterhead = await loadLetterhead(db)
  const words = printWords(request.language)
  const page: Size = request.paper === 'letter' ? paper.letter : paper.a4
  const places = Array.from({ length: request.lastPlace - request.firstPlace + 1 }, (_, i) => request.firstPlace + i)
  const perPage = 8
  const pages = Math.ceil(places.length / perPage)
  return {
    kind: 'chute',
    items: places.length,
    pages,
    fileName: fileNameOf(letterhead.eventName, words.chuteTitle, race, `${request.firstPlace}-${request.lastPlace}`),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.chuteTitle} · ${race}`, out)
      const type = new Typesetter(doc)
      const cardWidth = (page.width - 2 * margin) / 2
      const cardHeight = (page.height - 2 * margin) / 4
      let done = 0
      for (let p = 0; p < Math.min(pages, maxPages); p++) {
        await addPage(doc, page)
        for (const [i, place] of places.slice(p * perPage, (p + 1) * perPage).entries()) {
          const x = margin + (i % 2) * cardWidth
          const y = margin + Math.floor(i / 2) * cardHeight
          doc.rect(x, y, cardWidth, cardHeight).lineWidth(0.5).dash(3, { space: 3 }).strokeColor(quiet).stroke().undash()
          type.fit(letterhead.eventName, 'bold', 10, cardWidth - 8 * mm)
          doc.fillColor(ink)
          type.line(letterhead.eventName, x + 4 * mm, y + 8 * mm)
          type.use('regular', 10)
          type.line(`${race} · ${words.chuteTitle}`, x + 4 * mm, y + 14 * mm)
          type.fit(String(place), 'bold', 64, cardWidth - 8 * mm)
          type.line(String(place), x, y + cardHeight * 0.62, 'center', cardWidth)
          type.use('regular', 10)
          type.line(`${words.bib}: ______________`, x + 4 * mm, y + cardHeight - 12 * mm)
          type.use('regular', 7)
          doc.fillColor(quiet)
          type.line(type.shorten(words.chuteHint, cardWidth - 8 * mm), x + 4 * mm, y + cardHeight - 5 * mm)
          await progress.step(++done)
        }
      }
      await endPdf(doc, out)
    },
  }
}
