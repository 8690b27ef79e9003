import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import type { ResultRow } from '../../src-shared/contract/results'
import { formatAgeGrade, formatResultTime } from '../../src-shared/results/format'
import type { ReadDb } from '../db/schema'
import type { ResultsEngine } from '../results/engine'
import { openProblems } from '../results/problems'
import { allResults } from '../results/service'
import { fileNameOf, type PreparedDocument } from './document'
import { loadLetterhead } from './letterhead'
import { mm, paper, type Size } from './paper'
import { addPage, createPdf, endPdf, Typesetter, type Progress } from './pdf-document'
import { drawResultHeader, headerHeight, ink, margin, quiet } from './result-page'
import { printWords } from './words'
import { personName } from '../../src-shared/names/person-name'

type ResultListsRequest = Extract<PrintRequest, { kind: 'results' }>

const lineHeight = 13
const footerHeight = 10 * mm

/** Columns from the left edge of the table: [key, width, align]. The name takes what is left. */
const columns = [
  ['place', 13 * mm, 'right'],
  ['bib', 15 * mm, 'right'],
  ['name', 0, 'left'],
  ['nat', 10 * mm, 'left'],
  ['sex', 14 * mm, 'left'],
  ['category', 20 * mm, 'left'],
  ['gun', 19 * mm, 'right'],
  ['net', 19 * mm, 'right'],
  ['ageGrade', 20 * mm, 'right'],
] as const

/** Results race by race, every runner on a line: finishers in place order, then the rest with their status. */
export async function prepareResultLists(db: ReadDb, results: ResultsEngine, request: ResultListsRequest): Promise<PreparedDocument> {
  const races = allResults(results, request.raceId).filter((r) => r.rows.length > 0)
  if (races.length === 0) throw new CommandError('NOTHING_TO_PRINT', 'There are no runners in the results: nothing to print.')
  const provisional = openProblems(results.current()) > 0
  const letterhead = await loadLetterhead(db)
  const words = printWords(request.language)
  const page: Size = request.paper === 'letter' ? paper.letter : paper.a4
  const linesPerPage = Math.floor((page.height - 2 * margin - headerHeight - footerHeight) / lineHeight) - 1
  const pages = races.flatMap(({ race, rows }) => {
    const chunks: { race: typeof race; rows: ResultRow[] }[] = []
    for (let at = 0; at < rows.length; at += linesPerPage) chunks.push({ race, rows: rows.slice(at, at + linesPerPage) })
    return chunks
  })
  const items = races.reduce((n, r) => n + r.rows.length, 0)
  const title = request.raceId === undefined ? words.allRaces : (races[0]?.race.name ?? '')

  return {
    kind: 'results',
    items,
    pages: pages.length,
    fileName: fileNameOf(letterhead.eventName, words.resultsTitle, title),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.resultsTitle}`, out)
      const type = new Typesetter(doc)
      const head = { eventName: letterhead.eventName, logo: letterhead.logo === null ? null : doc.openImage(letterhead.logo) }
      const nameWidth = page.width - 2 * margin - columns.reduce((w, c) => w + c[1], 0)
      const widths = columns.map(([key, width]) => (key === 'name' ? nameWidth : width))
      let done = 0
      for (const [index, { race, rows }] of pages.slice(0, maxPages).entries()) {
        await addPage(doc, page)
        const precision = race.rules.precision
        drawResultHeader(doc, type, page, head, {
          title: `${words.resultsTitle} · ${race.name}`,
          note: words.rankedBy[race.rules.ranking],
          provisional: provisional ? words.provisional : null,
        })
        const cellsOf = (r: ResultRow): string[] => [
          r.place !== null ? String(r.place) : r.status === 'onCourse' ? '–' : words.status[r.status],
          r.bib === null ? '' : String(r.bib),
          [personName(r.givenName, r.familyName), r.club, ...r.division.map((d, i) => `${d} ${r.divisionPlaces[i] ?? ''}`.trim())].filter(Boolean).join(' · '),
          r.nationality ?? '',
          r.sexPlace === null ? r.sex : `${r.sex} ${r.sexPlace}`,
          r.category === null ? '' : r.categoryPlace === null ? r.category : `${r.category} ${r.categoryPlace}`,
          formatResultTime(r.gunTimeMs, precision),
          formatResultTime(r.netTimeMs, precision),
          formatAgeGrade(r.ageGradePct),
        ]
        const titles = [
          words.place,
          words.bib,
          words.name,
          '',
          words.sex,
          words.category,
          words.gunTime,
          words.netTime,
          race.ageTable === null ? '' : words.ageGrade,
        ]
        let y = margin + headerHeight + 2
        drawLine(type, doc, titles, widths, y, 'bold', quiet)
        for (const r of rows) {
          y += lineHeight
          drawLine(type, doc, cellsOf(r), widths, y, 'regular', ink)
          await progress.step(++done)
        }
        type.use('regular', 8)
        doc.fillColor(quiet)
        type.line(words.page(index + 1, pages.length), margin, page.height - margin, 'right', page.width - 2 * margin)
      }
      await endPdf(doc, out)
    },
  }
}

function drawLine(
  type: Typesetter,
  doc: PDFKit.PDFDocument,
  cells: string[],
  widths: number[],
  baseline: number,
  weight: 'regular' | 'bold',
  colour: string,
): void {
  let x = margin
  doc.fillColor(colour)
  for (const [i, text] of cells.entries()) {
    const width = widths[i] as number
    const align = columns[i]?.[2] ?? 'left'
    type.use(weight, 9)
    const fitted = type.shorten(text, width - 2 * mm)
    type.line(fitted, align === 'right' ? x : x + (i === 0 ? 0 : 1 * mm), baseline, align, width - 2 * mm)
    x += width
  }
}
