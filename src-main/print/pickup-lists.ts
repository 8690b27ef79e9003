import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import { compareForFiling, filedNameText, filingHeading } from '../../src-shared/names/person-name'
import type { ReadDb } from '../db/schema'
import { fileNameOf, type PreparedDocument } from './document'
import { paginate, type ListEntry } from './list-pages'
import { loadLetterhead } from './letterhead'
import { mm, paper, type Size } from './paper'
import { addPage, createPdf, endPdf, Typesetter, type Pdf, type Progress } from './pdf-document'
import { selectRunners, type PrintRow } from './selection'
import { printWords } from './words'

type PickupListsRequest = Extract<PrintRequest, { kind: 'lists' }>

const margin = 14 * mm
const headerHeight = 24 * mm
const footerHeight = 10 * mm
const lineHeight = 15
const columnGap = 8 * mm
const columns = 2
const ink = '#111111'
const quiet = '#555555'

interface Entry extends ListEntry {
  /** "Family, Given" in alphabets; as written in Korean, Chinese and Japanese. */
  filed: string
  bib: number | null
  raceName: string
}

/** Runners filed by family name (see filingHeading for names in other scripts), for the pickup area's walls. */
export async function preparePickupLists(db: ReadDb, request: PickupListsRequest): Promise<PreparedDocument> {
  const runners = await selectRunners(db, request.raceId)
  if (runners.length === 0) throw new CommandError('NOTHING_TO_PRINT', 'There are no runners to list: nothing to print.')
  const letterhead = await loadLetterhead(db)
  const words = printWords(request.language)
  const page: Size = request.paper === 'letter' ? paper.letter : paper.a4
  const linesPerColumn = Math.floor((page.height - 2 * margin - headerHeight - footerHeight) / lineHeight)
  const pages = paginate(runners.sort(compareForFiling).map(toEntry), linesPerColumn, columns)
  const raceTitle = request.raceId === undefined ? words.allRaces : (runners[0] as PrintRow).raceName

  return {
    kind: 'lists',
    items: runners.length,
    pages: pages.length,
    fileName: fileNameOf(letterhead.eventName, words.pickupTitle, raceTitle),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.pickupTitle}`, out)
      const type = new Typesetter(doc)
      const columnWidth = (page.width - 2 * margin - (columns - 1) * columnGap) / columns
      let done = 0
      for (const [index, content] of pages.slice(0, maxPages).entries()) {
        await addPage(doc, page)
        drawFrame(doc, type, page, { event: letterhead.eventName, title: `${words.pickupTitle} · ${raceTitle}`, from: content.first, to: content.last })
        type.use('regular', 8)
        doc.fillColor(quiet)
        type.line(words.findYourName, margin, page.height - margin)
        type.line(words.page(index + 1, pages.length), margin, page.height - margin, 'right', page.width - 2 * margin)
        for (const [c, lines] of content.columns.entries()) {
          const x = margin + c * (columnWidth + columnGap)
          let y = margin + headerHeight
          for (const line of lines) {
            if (line.kind === 'heading') {
              y += lineHeight * 2
              type.use('bold', 16)
              doc.fillColor(ink)
              type.line(line.heading, x, y - 6)
              doc
                .moveTo(x, y - 2)
                .lineTo(x + columnWidth, y - 2)
                .lineWidth(0.8)
                .strokeColor(ink)
                .stroke()
            } else {
              y += lineHeight
              drawEntry(doc, type, line.entry, x, y - 4, columnWidth, request.raceId === undefined)
              await progress.step(++done)
            }
          }
        }
      }
      await endPdf(doc, out)
    },
  }
}

function toEntry(row: PrintRow): Entry {
  return {
    heading: filingHeading(row.familyName),
    key: row.familyName,
    filed: filedNameText(row.givenName, row.familyName),
    bib: row.bib,
    raceName: row.raceName,
  }
}

function drawFrame(doc: Pdf, type: Typesetter, page: Size, text: { event: string; title: string; from: string; to: string }): void {
  const width = page.width - 2 * margin
  type.fit(text.event, 'bold', 15, width * 0.55)
  doc.fillColor(ink)
  type.line(text.event, margin, margin + 12)
  type.fit(text.title, 'regular', 11, width * 0.55)
  doc.fillColor(quiet)
  type.line(text.title, margin, margin + 30)
  const span = text.from === text.to ? text.from : `${text.from} – ${text.to}`
  type.fit(span, 'bold', 20, width * 0.42)
  doc.fillColor(ink)
  type.line(span, margin, margin + 24, 'right', width)
  doc
    .moveTo(margin, margin + headerHeight - 14)
    .lineTo(page.width - margin, margin + headerHeight - 14)
    .lineWidth(1.5)
    .strokeColor(ink)
    .stroke()
}

function drawEntry(doc: Pdf, type: Typesetter, entry: Entry, x: number, baseline: number, width: number, showRace: boolean): void {
  const bibWidth = 16 * mm
  const raceWidth = showRace ? 26 * mm : 0
  const bib = entry.bib === null ? '—' : String(entry.bib)
  type.use('bold', 11)
  doc.fillColor(ink)
  type.line(bib, x + width - bibWidth, baseline, 'right', bibWidth)
  const nameWidth = width - bibWidth - raceWidth - 3 * mm
  type.fit(entry.filed, 'regular', 11, nameWidth, 8)
  type.line(type.shorten(entry.filed, nameWidth), x, baseline)
  if (showRace) {
    type.fit(entry.raceName, 'regular', 8.5, raceWidth - 2 * mm, 7)
    doc.fillColor(quiet)
    type.line(type.shorten(entry.raceName, raceWidth - 2 * mm), x + width - bibWidth - raceWidth, baseline)
  }
}
