import { PassThrough } from 'node:stream'
import type SqliteDatabase from 'better-sqlite3'
import { CommandError, type Session } from '../../src-shared/contract'
import type { PrintJob, PrintRequest } from '../../src-shared/contract/prints'
import type { ReadDb } from '../db/schema'
import type { ResultsEngine } from '../results/engine'
import type { PrintJobs } from './jobs'
import { progressEvery } from './pdf-document'
import { prepareDocument } from './prepare'
import { printedFace } from './selection'

/** The document's first page as a small PDF of its own, for the print panel's live preview. */
export async function previewPrint(db: ReadDb, results: ResultsEngine, request: PrintRequest): Promise<{ pdfBase64: string; items: number; pages: number }> {
  const document = await prepareDocument(db, results, request)
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await document.write(
    out,
    progressEvery(Infinity, () => {}),
    1,
  )
  return { pdfBase64: Buffer.concat(chunks).toString('base64'), items: document.items, pages: document.pages }
}

export async function startPrint(db: ReadDb, results: ResultsEngine, prints: PrintJobs, request: PrintRequest, session: Session): Promise<PrintJob> {
  return prints.start(await prepareDocument(db, results, request), session)
}

/** Records what each bib of a finished sheet run says; a runner whose number changed meanwhile stays unprinted. */
export function markPrinted(sqlite: SqliteDatabase.Database, prints: PrintJobs, jobId: string, nowMs: number): { marked: number } {
  const { document } = prints.file(jobId)
  if (document.kind !== 'sheets') throw new CommandError('INVALID_INPUT', 'Only bib sheets mark bibs as printed.')
  const mark = sqlite.prepare(`UPDATE entrant SET bib_printed_as = ${printedFace}, bib_printed_at_ms = ? WHERE id = ? AND bib = ?`)
  let marked = 0
  for (const { entrantId, bib } of document.printed) marked += mark.run(nowMs, entrantId, bib).changes
  return { marked }
}
