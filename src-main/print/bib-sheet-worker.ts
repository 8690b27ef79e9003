import { parentPort, workerData } from 'node:worker_threads'
import { renderSheetPages, type SheetPage, type SheetWorkerData } from './bib-sheet-pages'
import { adoptFaceFiles } from './fonts'
import type { WorkerReply } from './page-workers'

// A worker thread of a long bib-sheet run (see PageWorkers): given runs of pages, it answers each
// with their PDF, and tells how many bibs it has drawn every so often, for the job's progress.

const { run, fonts } = workerData as SheetWorkerData
adoptFaceFiles(fonts)
const port = parentPort as NonNullable<typeof parentPort>
const reportEvery = 50

port.on('message', (pages: SheetPage[]) => {
  let unreported = 0
  const drawn = async (): Promise<void> => {
    if (++unreported < reportEvery) return
    port.postMessage({ drawn: unreported } satisfies WorkerReply)
    unreported = 0
  }
  renderSheetPages(run, pages, drawn, 'thread').then(
    (pdf) => {
      if (unreported > 0) port.postMessage({ drawn: unreported } satisfies WorkerReply)
      port.postMessage({ pdf } satisfies WorkerReply)
    },
    (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply),
  )
})
