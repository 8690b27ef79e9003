import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import { formatResultTime } from '../../src-shared/results/format'
import type { ReadDb } from '../db/schema'
import type { ResultsEngine } from '../results/engine'
import { allResults, runnerResult } from '../results/service'
import { fileNameOf, type PreparedDocument } from './document'
import { loadLetterhead } from './letterhead'
import { landscape, mm, paper, type Size } from './paper'
import { addPage, createPdf, endPdf, Typesetter, type Progress } from './pdf-document'
import { ink, quiet } from './result-page'
import { printWords } from './words'
import { personName } from '../../src-shared/names/person-name'

type CertificatesRequest = Extract<PrintRequest, { kind: 'certificates' }>

const frame = '#1f4e79'

/** One landscape page per finisher: the event, the runner, the race, the official time and places. */
export async function prepareCertificates(db: ReadDb, results: ResultsEngine, request: CertificatesRequest): Promise<PreparedDocument> {
  const words = printWords(request.language)
  const finishers =
    request.bib !== undefined
      ? [runnerResult(results, request.bib)].filter((r) => r.row.status === 'finished' && r.row.place !== null).map((r) => ({ ...r, finishers: r.finishers }))
      : allResults(results, request.raceId).flatMap(({ race, rows }) => {
          const ranked = rows.filter((r) => r.status === 'finished' && r.place !== null)
          return ranked.map((row) => ({ row, race: { name: race.name, rules: race.rules }, finishers: ranked.length }))
        })
  if (finishers.length === 0) throw new CommandError('NOTHING_TO_PRINT', 'There is no finisher with a time to print a certificate for.')
  const letterhead = await loadLetterhead(db)
  const page: Size = landscape(request.paper === 'letter' ? paper.letter : paper.a4)
  const first = finishers[0]?.row
  const who =
    finishers.length === 1 && first !== undefined
      ? personName(first.givenName, first.familyName)
      : request.raceId === undefined
        ? words.allRaces
        : (finishers[0]?.race.name ?? '')

  return {
    kind: 'certificates',
    items: finishers.length,
    pages: finishers.length,
    fileName: fileNameOf(letterhead.eventName, words.certificateTitle, who),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.certificateTitle}`, out)
      const type = new Typesetter(doc)
      const logo = letterhead.logo === null ? null : doc.openImage(letterhead.logo)
      const width = page.width - 40 * mm
      let done = 0
      for (const { row, race, finishers: of } of finishers.slice(0, maxPages)) {
        await addPage(doc, page)
        doc
          .rect(10 * mm, 10 * mm, page.width - 20 * mm, page.height - 20 * mm)
          .lineWidth(3)
          .strokeColor(frame)
          .stroke()
        doc
          .rect(13 * mm, 13 * mm, page.width - 26 * mm, page.height - 26 * mm)
          .lineWidth(0.8)
          .strokeColor(frame)
          .stroke()
        let y = 36 * mm
        if (logo !== null) {
          doc.image(logo, page.width / 2 - 20 * mm, 18 * mm, { fit: [40 * mm, 18 * mm], align: 'center', valign: 'center' })
          y = 46 * mm
        }
        const centred = (text: string, weight: 'regular' | 'bold', size: number, colour: string, at: number): void => {
          type.fit(text, weight, size, width)
          doc.fillColor(colour)
          type.line(text, 20 * mm, at, 'center', width)
        }
        centred(letterhead.eventName, 'bold', 26, ink, y)
        centred(words.certificateTitle, 'regular', 15, quiet, y + 14 * mm)
        centred(personName(row.givenName, row.familyName), 'bold', 40, ink, y + 42 * mm)
        if (row.secondName !== null) centred(row.secondName, 'regular', 18, quiet, y + 52 * mm)
        centred(words.completed(race.name), 'regular', 15, quiet, y + 66 * mm)
        const ms = race.rules.ranking === 'gun' ? row.gunTimeMs : row.netTimeMs
        centred(formatResultTime(ms, race.rules.precision), 'bold', 48, frame, y + 88 * mm)
        const places = [
          words.placeLine(row.place as number, of),
          row.sexPlace === null ? '' : words.sexPlaceLine(words.sexes[row.sex], row.sexPlace),
          row.category === null || row.categoryPlace === null ? '' : words.categoryPlaceLine(row.category, row.categoryPlace),
        ].filter(Boolean)
        centred(places.join('   ·   '), 'regular', 14, ink, y + 104 * mm)
        const other =
          race.rules.ranking === 'gun'
            ? `${words.netTime} ${formatResultTime(row.netTimeMs, race.rules.precision)}`
            : `${words.gunTime} ${formatResultTime(row.gunTimeMs, race.rules.precision)}`
        centred(`${words.bib} ${row.bib ?? ''}   ·   ${other}`, 'regular', 11, quiet, y + 114 * mm)
        await progress.step(++done)
      }
      await endPdf(doc, out)
    },
  }
}
