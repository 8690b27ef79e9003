// The floor of bibs.pdf.50k in a process of its own, so that its peak memory is the print's alone:
// `tsx bench/print-child.ts EVENT_FILE OUT_PDF` prints {ms, pages, peakRssMb}.
import { createWriteStream } from 'node:fs'
import { openEventFile } from '../src-main/db/open'
import { capHeight } from '../src-main/print/fonts'
import { addPage, createPdf, endPdf, progressEvery, Typesetter } from '../src-main/print/pdf-document'
import { sheetGeometry } from '../src-main/print/sheet-layouts'

const [eventPath, outPath] = process.argv.slice(2) as [string, string]
const file = await openEventFile(eventPath)
// As many A4 pages of four cells, each with only its number in the same bold face as the bibs'.
const start = performance.now()
const bibs = (await file.db.selectFrom('entrant').select('bib').where('bib', 'is not', null).orderBy('bib').execute()).map((r) => r.bib as number)
const geometry = sheetGeometry('a4x4')
const out = createWriteStream(outPath)
const doc = await createPdf('floor', out)
const type = new Typesetter(doc)
const progress = progressEvery(100, () => {})
for (const [index, bib] of bibs.entries()) {
  const cell = geometry.cells[index % 4] as (typeof geometry.cells)[number]
  if (index % 4 === 0) await addPage(doc, geometry.page)
  type.use('bold', 150)
  type.line(String(bib), cell.x, cell.y + cell.height / 2 + capHeight * 75, 'center', cell.width)
  await progress.step(index + 1)
}
await endPdf(doc, out)
const ms = performance.now() - start
await file.close()
console.log(JSON.stringify({ ms, pages: Math.ceil(bibs.length / 4), peakRssMb: process.resourceUsage().maxRSS / 1024 }))
