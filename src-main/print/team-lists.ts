import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import type { PrintRequest } from '../../src-shared/contract/prints'
import { formatResultTime } from '../../src-shared/results/format'
import type { ReadDb } from '../db/schema'
import type { ResultsEngine } from '../results/engine'
import { resultsTeams } from '../results/service'
import { teamRuleText, teamScoreText } from '../results/team-exports'
import { fileNameOf, type PreparedDocument } from './document'
import { loadLetterhead } from './letterhead'
import { mm, paper, type Size } from './paper'
import { addPage, createPdf, endPdf, Typesetter, type Progress } from './pdf-document'
import { drawResultHeader, headerHeight, ink, margin, quiet } from './result-page'
import { printWords } from './words'

type TeamListsRequest = Extract<PrintRequest, { kind: 'teams' }>
type Line = { kind: 'race'; text: string; note: string } | { kind: 'team'; cells: string[] } | { kind: 'scorers'; text: string }

const lineHeight = 14
const footerHeight = 10 * mm

/** Team results race by race, each with its scoring rule, a team per line and its scorers under it. */
export async function prepareTeamLists(db: ReadDb, results: ResultsEngine, request: TeamListsRequest): Promise<PreparedDocument> {
  const teams = resultsTeams(results, request.raceId)
  const words = printWords(request.language)
  const lines: Line[] = []
  for (const { race, rules, teams: list } of teams.races) {
    if (list.length === 0) continue
    lines.push({ kind: 'race', text: race.name, note: teamRuleText(rules, request.language) })
    for (const t of list) {
      const sex = t.sex === null ? '' : ` · ${words.sexes[t.sex]}`
      lines.push({ kind: 'team', cells: [t.place === null ? '–' : String(t.place), `${t.team}${sex}`, teamScoreText(t.score, rules, race.rules.precision)] })
      lines.push({
        kind: 'scorers',
        text: t.scorers.map((s) => `${s.bib ?? ''} ${s.name} (${s.place}, ${formatResultTime(s.timeMs, race.rules.precision)})`).join(' · '),
      })
    }
  }
  if (lines.length === 0) throw new CommandError('NOTHING_TO_PRINT', 'No race scores teams, or no team has a finisher yet: nothing to print.')
  const letterhead = await loadLetterhead(db)
  const page: Size = request.paper === 'letter' ? paper.letter : paper.a4
  const perPage = Math.floor((page.height - 2 * margin - headerHeight - footerHeight) / lineHeight)
  const pages: Line[][] = []
  let current: Line[] = []
  for (const line of lines) {
    // A team and its scorers stay together; a race heading never ends a page.
    if (current.length >= perPage - (line.kind === 'scorers' ? 0 : 2)) {
      pages.push(current)
      current = []
    }
    current.push(line)
  }
  pages.push(current)
  const title = request.raceId === undefined ? words.allRaces : (teams.races[0]?.race.name ?? '')
  const provisional = teams.races.some((r) => r.provisional)

  return {
    kind: 'teams',
    items: lines.filter((l) => l.kind === 'team').length,
    pages: pages.length,
    fileName: fileNameOf(letterhead.eventName, words.teamsTitle, title),
    printed: [],
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      const doc = await createPdf(`${letterhead.eventName} — ${words.teamsTitle}`, out)
      const type = new Typesetter(doc)
      const head = { eventName: letterhead.eventName, logo: letterhead.logo === null ? null : doc.openImage(letterhead.logo) }
      const width = page.width - 2 * margin
      let done = 0
      for (const [index, content] of pages.slice(0, maxPages).entries()) {
        await addPage(doc, page)
        drawResultHeader(doc, type, page, head, { title: `${words.teamsTitle} · ${title}`, note: '', provisional: provisional ? words.provisional : null })
        let y = margin + headerHeight
        for (const line of content) {
          y += lineHeight
          doc.fillColor(ink)
          if (line.kind === 'race') {
            type.fit(line.text, 'bold', 13, width * 0.4)
            type.line(line.text, margin, y + 2)
            type.fit(line.note, 'regular', 8, width * 0.58)
            doc.fillColor(quiet)
            type.line(line.note, margin, y + 2, 'right', width)
          } else if (line.kind === 'team') {
            type.use('bold', 10.5)
            type.line(line.cells[0] as string, margin, y, 'right', 10 * mm)
            type.line(type.shorten(line.cells[1] as string, width - 40 * mm), margin + 13 * mm, y)
            type.line(line.cells[2] as string, margin, y, 'right', width)
            await progress.step(++done)
          } else {
            type.use('regular', 8.5)
            doc.fillColor(quiet)
            type.line(type.shorten(line.text, width - 13 * mm), margin + 13 * mm, y - 2)
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
