import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import type { ResultRow } from '../../src-shared/contract/results'
import { formatAgeGrade, formatResultTime } from '../../src-shared/results/format'
import type { ReadDb } from '../db/schema'
import type { ResultsEngine } from '../results/engine'
import { resultsAwards } from '../results/service'
import { fileNameOf, type PreparedDocument } from './document'
import { loadLetterhead } from './letterhead'
import { mm, paper, type Size } from './paper'
import { addPage, createPdf, endPdf, Typesetter, type Progress } from './pdf-document'
import { drawResultHeader, headerHeight, ink, margin, quiet } from './result-page'
import { printWords } from './words'
import { personName } from '../../src-shared/names/person-name'
import { teamScoreText } from '../results/team-exports'

type AwardListsRequest = Extract<PrintRequest, { kind: 'awards' }>
type Line = { kind: 'race'; text: string; note: string } | { kind: 'group'; text: string } | { kind: 'winner'; cells: string[] }

const lineHeight = 15
const footerHeight = 10 * mm

/** Who goes up on the podium: each race's overall winners by sex, then each category's. */
export async function prepareAwardLists(db: ReadDb, results: ResultsEngine, request: AwardListsRequest): Promise<PreparedDocument> {
  const awards = resultsAwards(results, request.raceId)
  const words = printWords(request.language)
  const lines: Line[] = []
  for (const { race, overall, categories, ageGraded, divisions, teams } of awards.races) {
    // Each group's own order: a tie shares the place (the next runner counts every runner before).
    const groups = [
      ...overall.map((g) => ({ ...g, title: words.overall(words.sexes[g.sex ?? 'X']), key: (r: ResultRow) => r.sexPlace, byAgeGrade: false })),
      ...categories.map((g) => ({ ...g, key: (r: ResultRow) => r.categoryPlace, byAgeGrade: false })),
      ...ageGraded.map((g) => ({ ...g, title: words.ageGradedAwards(words.sexes[g.sex ?? 'X']), key: (r: ResultRow) => r.ageGradePct, byAgeGrade: true })),
      ...divisions.map((g) => ({
        ...g,
        title: g.sex === null ? (g.division ?? '') : `${g.division ?? ''} · ${words.sexes[g.sex]}`,
        key: (r: ResultRow) => r.divisionPlaces[r.division.findIndex((d) => d.toLocaleLowerCase('en') === g.division?.toLocaleLowerCase('en'))] ?? null,
        byAgeGrade: false,
      })),
    ]
    if (groups.length === 0 && teams.length === 0) continue
    lines.push({ kind: 'race', text: race.name, note: words.rankedBy[race.rules.ranking] })
    for (const group of groups) {
      lines.push({ kind: 'group', text: group.title })
      for (const [i, r] of group.rows.entries()) {
        const time = group.byAgeGrade
          ? formatAgeGrade(r.ageGradePct)
          : formatResultTime(race.rules.ranking === 'gun' ? r.gunTimeMs : r.netTimeMs, race.rules.precision)
        const rank = group.rows.filter((o, j) => j < i && group.key(o) !== group.key(r)).length + 1
        lines.push({
          kind: 'winner',
          cells: [String(rank), String(r.bib ?? ''), personName(r.givenName, r.familyName), r.club ?? r.nationality ?? '', time],
        })
      }
    }
    const rules = race.rules.teams
    if (rules !== null)
      for (const group of teams) {
        lines.push({ kind: 'group', text: group.sex === null ? words.teamAwards : `${words.teamAwards} · ${words.sexes[group.sex]}` })
        for (const t of group.teams)
          lines.push({
            kind: 'winner',
            cells: [String(t.place ?? ''), '', t.team, t.scorers.map((s) => s.bib ?? '').join(' '), teamScoreText(t.score, rules, race.rules.precision)],
          })
      }
  }
  if (lines.length === 0) throw new CommandError('NOTHING_TO_PRINT', 'No race has finishers to award yet: nothing to print.')
  const letterhead = await loadLetterhead(db)
  const page: Size = request.paper === 'letter' ? paper.letter : paper.a4
  const perPage = Math.floor((page.height - 2 * margin - headerHeight - footerHeight) / lineHeight)
  const pages: Line[][] = []
  let current: Line[] = []
  for (const line of lines) {
    // A heading never ends a page.
    if (current.length >= perPage || (line.kind !== 'winner' && current.length >= perPage - 2)) {
      pages.push(current)
      current = []
    }
    current.push(line)
  }
  pages.push(current)
  const title = request.raceId === undefined ? words.allRaces : (awards.races[0]?.race.name ?? '')

  return {
    kind: 'awards',
    items: lines.filter((l) => l.kind === 'winner').length,
    pages: pages.length,
    fileName: fileNameOf(letterhead.eventName, words.awardsTitle, title),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.awardsTitle}`, out)
      const type = new Typesetter(doc)
      const head = { eventName: letterhead.eventName, logo: letterhead.logo === null ? null : doc.openImage(letterhead.logo) }
      const width = page.width - 2 * margin
      const widths = [12 * mm, 16 * mm, width - 12 * mm - 16 * mm - 50 * mm - 24 * mm, 50 * mm, 24 * mm]
      let done = 0
      for (const [index, content] of pages.slice(0, maxPages).entries()) {
        await addPage(doc, page)
        drawResultHeader(doc, type, page, head, {
          title: `${words.awardsTitle} · ${title}`,
          note: '',
          provisional: awards.openProblems > 0 ? words.provisional : null,
        })
        let y = margin + headerHeight
        for (const line of content) {
          y += lineHeight
          doc.fillColor(ink)
          if (line.kind === 'race') {
            type.fit(line.text, 'bold', 13, width * 0.6)
            type.line(line.text, margin, y + 2)
            type.use('regular', 8)
            doc.fillColor(quiet)
            type.line(line.note, margin, y + 2, 'right', width)
          } else if (line.kind === 'group') {
            type.use('bold', 10.5)
            type.line(line.text, margin, y)
            doc
              .moveTo(margin, y + 3)
              .lineTo(margin + width, y + 3)
              .lineWidth(0.5)
              .strokeColor(quiet)
              .stroke()
          } else {
            let x = margin
            for (const [i, cell] of line.cells.entries()) {
              const w = widths[i] as number
              type.use(i === 2 ? 'bold' : 'regular', 10)
              type.line(type.shorten(cell, w - 2 * mm), x, y, i === 0 || i === 4 ? 'right' : 'left', i === 0 || i === 4 ? w - 2 * mm : 0)
              x += w
            }
            await progress.step(++done)
          }
        }
        type.use('regular', 8)
        doc.fillColor(quiet)
        type.line(words.page(index + 1, pages.length), margin, page.height - margin, 'right', width)
      }
      await endPdf(doc, out)
    },
  }
}
