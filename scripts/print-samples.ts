// `npm run print-samples`: the first page of every printed document and layout, rendered with
// poppler as a user would see it, into docs/print-samples/ (the README shows them).
import { execFileSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import type { PrintRequestInput } from '../src-shared/contract/prints'
import { openOffice } from '../src-main/office/office'
import { createPdf } from '../src-main/print/pdf-document'
import { seedPrintableEvent } from '../tests/support/print-fixture'
import { organiser } from '../tests/support/sessions'

const outDir = join(import.meta.dirname, '..', 'docs', 'print-samples')
const dir = mkdtempSync(join(tmpdir(), 'race-office-samples-'))
mkdirSync(outDir, { recursive: true })

const samples: Record<string, PrintRequestInput> = {
  'sheets-a4x4': { kind: 'sheets', layout: 'a4x4' },
  'sheets-a4x2': { kind: 'sheets', layout: 'a4x2', code128: true },
  'sheets-a5': { kind: 'sheets', layout: 'a5', tabs: 3, firstBib: 102 },
  'sheets-a6': { kind: 'sheets', layout: 'a6', tabs: 2, code128: true, firstBib: 105 },
  'sheets-letter': { kind: 'sheets', layout: 'letter', firstBib: 2002 },
  'sheets-letterx2': { kind: 'sheets', layout: 'letterx2', language: 'ko', tabs: 1 },
  'lists-a4': { kind: 'lists' },
  'labels-a4-3x7': { kind: 'labels' },
}

const office = await openOffice(join(dir, 'samples.raceoffice'))
try {
  await seedPrintableEvent(office.router)
  await office.router.call('event.setLogo', { imageBase64: (await sampleLogo()).toString('base64') }, organiser)
  for (const [name, request] of Object.entries(samples)) {
    const started = await office.router.call('prints.start', request, organiser)
    if (!started.ok) throw new Error(`${name}: ${started.error.message}`)
    const done = await office.prints.finished(started.value.jobId)
    if (done.state !== 'done') throw new Error(`${name}: ${done.error?.message}`)
    execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', '1', '-l', '1', office.prints.file(done.jobId).path, join(outDir, name)])
  }
} finally {
  await office.close()
  rmSync(dir, { recursive: true, force: true })
}
console.log(`Samples written to ${outDir}`)

/** A made-up organiser's logo: a word mark drawn with our own fonts, rendered to PNG. */
async function sampleLogo(): Promise<Buffer> {
  const pdf = join(dir, 'logo.pdf')
  const out = createWriteStream(pdf)
  const doc = await createPdf('logo', out)
  doc.addPage({ size: [220, 60], margin: 0 })
  doc.roundedRect(4, 4, 52, 52, 10).fill('#0b6e4f')
  doc.font('bold').fontSize(30).fillColor('#ffffff').text('S', 20, 12, { lineBreak: false })
  doc.font('bold').fontSize(20).fillColor('#0b6e4f').text('SEOUL RUN', 66, 16, { lineBreak: false })
  doc.end()
  await finished(out)
  execFileSync('pdftoppm', ['-r', '144', '-png', '-singlefile', pdf, join(dir, 'logo')])
  return readFileSync(join(dir, 'logo.png'))
}
