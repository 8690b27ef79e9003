import type { Writable } from 'node:stream'
import { CommandError } from '../../src-shared/contract'
import { bibScanCode } from '../../src-shared/contract/scan-code'
import { personName } from '../../src-shared/names/person-name'
import type { ReadDb } from '../db/schema'
import type { BibSheetsRequest, SheetPage, SheetRun } from './bib-sheet-pages'
import { writeSheetRun, type SheetThreads } from './bib-sheet-run'
import { fileNameOf, type PreparedDocument } from './document'
import { loadLetterhead } from './letterhead'
import type { Progress } from './pdf-document'
import { countNumberedRunners, numberedRunners, type NumberedRow } from './selection'
import { sheetGeometry } from './sheet-layouts'
import { printWords } from './words'

/** Bib sheets for the selected runners, in bib order, the layout's number of bibs to a page. */
export async function prepareBibSheets(db: ReadDb, request: BibSheetsRequest, threads?: SheetThreads): Promise<PreparedDocument> {
  const { count, first, last } = await countNumberedRunners(db, request)
  if (count === 0) throw new CommandError('NOTHING_TO_PRINT', 'No runner with a bib matches this choice: nothing to print.')
  const letterhead = await loadLetterhead(db)
  const geometry = sheetGeometry(request.layout)
  const perPage = geometry.cells.length
  const words = printWords(request.language)
  const printed: { entrantId: string; bib: number }[] = []

  const run: SheetRun = { request, letterhead, title: `${letterhead.eventName} — ${words.sheetsTitle}` }

  return {
    kind: 'sheets',
    items: count,
    pages: Math.ceil(count / perPage),
    fileName: fileNameOf(letterhead.eventName, words.sheetsTitle, first === last ? `${first}` : `${first}-${last}`),
    printed,
    async write(out: Writable, progress: Progress, maxPages = Infinity) {
      printed.length = 0
      const pages = Math.min(maxPages, Math.ceil(count / perPage))
      const joined = (part: SheetPage[]) => {
        for (const page of part) for (const { face, entrantId } of page) printed.push({ entrantId, bib: face.bib })
      }
      await writeSheetRun(out, progress, run, pages, sheetPages(db, request, perPage, pages), joined, threads)
    },
  }
}

/** The first `pages` pages, each bib with what it says and whose it is. */
async function* sheetPages(db: ReadDb, request: BibSheetsRequest, perPage: number, pages: number): AsyncGenerator<SheetPage> {
  let page: SheetPage = []
  let made = 0
  for await (const { runner, slot } of placements(db, request, perPage)) {
    if (slot === 0 && page.length > 0) {
      yield page
      page = []
      if (++made === pages) return
    }
    page.push({
      slot,
      entrantId: runner.entrantId,
      face: {
        bib: runner.bib,
        name: personName(runner.givenName, runner.familyName),
        secondName: runner.secondName,
        reference: runner.ref,
        raceName: runner.raceName,
        raceColour: runner.raceColour,
        wave: runner.waveName,
        scanCode: bibScanCode(runner.bib, runner.ref),
      },
    })
  }
  if (page.length > 0) yield page
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
