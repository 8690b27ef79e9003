import type { Writable } from 'node:stream'
import { renderSheetPages, type SheetPage, type SheetRun, type SheetWorkerData } from './bib-sheet-pages'
import { faceFiles } from './fonts'
import { PageWorkers, pageWorkerCount } from './page-workers'
import { PdfAssembly } from './pdf-assembly'
import type { Progress } from './pdf-document'

/** How a sheet run is spread over threads; tests choose small parts and a worker that cannot start. */
export interface SheetThreads {
  workers?: number
  pagesPerPart?: number
  workerModule?: string
}

/** A run of this many pages or fewer is drawn by the thread that asks for it: starting workers would cost more. */
const fewestPagesForWorkers = 50
/** Parts are as large as gives every worker an equal share of what is left, within these bounds: each part carries its own copy of the fonts it uses. */
const fewestPagesPerPart = 25
const mostPagesPerPart = 500

/**
 * Writes `pages` pages of bib sheets: parts of the run are drawn by worker threads, several at a
 * time, and joined into the one file strictly in order, each told to `joined` once it is in the
 * file. If a worker fails, the rest is drawn by this thread; a cancelled run stops every worker.
 */
export async function writeSheetRun(
  out: Writable,
  progress: Progress,
  run: SheetRun,
  pages: number,
  sheetPages: AsyncIterable<SheetPage>,
  joined: (part: SheetPage[]) => void,
  threads: SheetThreads = {},
): Promise<void> {
  const workerCount = threads.workers ?? (pages > fewestPagesForWorkers ? pageWorkerCount() : 0)
  let drawn = 0
  let stopped: unknown = null
  const workers =
    workerCount === 0
      ? null
      : PageWorkers.start(threads.workerModule ?? 'bib-sheet-worker', { run, fonts: faceFiles() } satisfies SheetWorkerData, workerCount, (count) => {
          drawn += count
          progress.step(drawn).catch((error: unknown) => {
            stopped = error
            workers?.fail(error as Error)
          })
        })
  // Parts shrink towards the end of the run, so no worker is left idle while another draws a long last part.
  const partAfter = (done: number): number =>
    threads.pagesPerPart ?? Math.max(fewestPagesPerPart, Math.min(mostPagesPerPart, Math.ceil((pages - done) / workerCount)))
  let here = workers === null
  const render = async (part: SheetPage[]): Promise<Uint8Array> => {
    if (!here) {
      try {
        return await (workers as PageWorkers).render(part)
      } catch (error) {
        if (stopped !== null) throw stopped
        // Other parts already given may come back refused too: the failure is told once.
        if (!here) console.error('[print] a print worker failed; the rest of the bib sheets are drawn in one thread:', error)
        here = true
      }
    }
    return renderSheetPages(run, part, () => progress.step(++drawn))
  }

  const assembly = new PdfAssembly(out, run.title)
  try {
    await assembly.start()
    // Parts are drawn ahead, one for each worker, and joined in order.
    const ahead: { part: SheetPage[]; pdf: Promise<Uint8Array> }[] = []
    const join = async (): Promise<void> => {
      const { part, pdf } = ahead.shift() as (typeof ahead)[number]
      await assembly.add(await pdf)
      joined(part)
    }
    for await (const part of parts(sheetPages, partAfter)) {
      const pdf = render(part)
      // Awaited in its turn; until then a failure must not count as unhandled.
      pdf.catch(() => {})
      ahead.push({ part, pdf })
      if (ahead.length > (here ? 0 : workerCount)) await join()
    }
    while (ahead.length > 0) await join()
    await assembly.end()
  } finally {
    await workers?.close()
  }
}

/** The items in parts, each as long as `sizeAfter` says for the number of items before it. */
async function* parts<T>(items: AsyncIterable<T>, sizeAfter: (done: number) => number): AsyncGenerator<T[]> {
  let part: T[] = []
  let done = 0
  let size = sizeAfter(0)
  for await (const item of items) {
    part.push(item)
    if (part.length === size) {
      yield part
      done += part.length
      size = sizeAfter(done)
      part = []
    }
  }
  if (part.length > 0) yield part
}
