import { randomUUID } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CommandError, type Session } from '../../src-shared/contract'
import type { PrintJob } from '../../src-shared/contract/prints'
import type { PreparedDocument } from './document'
import { PrintCancelled, progressEvery } from './pdf-document'

const keptJobs = 20

interface Job {
  status: PrintJob
  document: PreparedDocument
  session: Session
  path: string
  cancelled: boolean
  finished: Promise<PrintJob>
}

export interface PrintJobsOptions {
  /** Opens a finished PDF in the system's viewer, where it is printed; only the desktop app can. */
  openFile?: (path: string) => Promise<void>
}

/**
 * Documents being made, one temporary file each. A job writes its PDF page by page in the
 * background, yielding between pages so desks keep being answered, and reports how far it is;
 * the finished file is downloaded (browser) or opened for printing (desktop) until the office closes.
 */
export class PrintJobs {
  private readonly jobs = new Map<string, Job>()
  private dir: string | null = null

  constructor(private readonly options: PrintJobsOptions = {}) {}

  start(document: PreparedDocument, session: Session): PrintJob {
    this.forgetOld()
    const jobId = randomUUID()
    const path = join(this.folder(), `${jobId}.pdf`)
    const status: PrintJob = {
      jobId,
      kind: document.kind,
      state: 'running',
      done: 0,
      items: document.items,
      pages: document.pages,
      fileName: document.fileName,
      downloadPath: null,
      error: null,
    }
    const job: Job = { status, document, session, path, cancelled: false, finished: Promise.resolve(status) }
    job.finished = this.run(job)
    this.jobs.set(jobId, job)
    return { ...status }
  }

  /** The job, if this session may see it: the organiser sees every job, a desk only its own. */
  ownJob(jobId: string, session: Session): string {
    const job = this.job(jobId)
    if (session.role !== 'organiser' && job.session !== session) throw new CommandError('PRINT_NOT_FOUND', 'There is no such document.', { jobId })
    return jobId
  }

  status(jobId: string): PrintJob {
    return { ...this.job(jobId).status }
  }

  /** Resolves when the job has finished, failed or been cancelled. */
  finished(jobId: string): Promise<PrintJob> {
    return this.job(jobId).finished
  }

  cancel(jobId: string): PrintJob {
    const job = this.job(jobId)
    job.cancelled = true
    return { ...job.status }
  }

  /** The finished PDF's file; refused while the job is still running or if it failed. */
  file(jobId: string): { path: string; fileName: string; document: PreparedDocument } {
    const job = this.job(jobId)
    if (job.status.state !== 'done') throw new CommandError('PRINT_NOT_READY', 'This document is not finished yet.', { state: job.status.state })
    return { path: job.path, fileName: job.status.fileName, document: job.document }
  }

  async open(jobId: string): Promise<void> {
    const { path } = this.file(jobId)
    if (this.options.openFile === undefined) {
      throw new CommandError('NOT_AVAILABLE_HERE', 'Only the desktop app opens documents for printing; in a browser, download the PDF.')
    }
    await this.options.openFile(path)
  }

  /** Stops every job and removes their files: the office is closing. */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.cancelled = true
    await Promise.allSettled([...this.jobs.values()].map((job) => job.finished))
    this.jobs.clear()
    if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true })
    this.dir = null
  }

  private async run(job: Job): Promise<PrintJob> {
    const { status } = job
    const progress = progressEvery(
      Math.max(1, Math.floor(job.document.items / 200)),
      // A part a failed worker had begun is drawn again from its start and counted twice.
      (done) => (status.done = Math.min(done, status.items)),
      () => job.cancelled,
    )
    const out = createWriteStream(job.path)
    try {
      await job.document.write(out, progress)
      if (job.cancelled) throw new PrintCancelled()
    } catch (error) {
      // A document stopped half-way never ends its file: close it, or every cancel leaks a descriptor.
      // Wait for it to close: a file still being opened would otherwise appear after its folder is gone.
      await new Promise<void>((resolve) => {
        if (out.closed) return resolve()
        out.once('close', () => resolve())
        out.once('error', () => resolve())
        out.destroy()
      })
      rmSync(job.path, { force: true })
      status.state = error instanceof PrintCancelled ? 'cancelled' : 'failed'
      status.error =
        error instanceof CommandError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: 'The document could not be made.' }
      if (!(error instanceof CommandError)) console.error('[print]', error)
      return { ...status }
    }
    status.done = status.items
    status.state = 'done'
    status.downloadPath = `/prints/${status.jobId}`
    return { ...status }
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId)
    if (job === undefined)
      throw new CommandError('PRINT_NOT_FOUND', 'There is no such document; it may have been made before the office last opened.', { jobId })
    return job
  }

  private folder(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'race-office-prints-'))
    return this.dir
  }

  /** Keeps the newest finished documents; older files are removed. */
  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((job) => job.status.state !== 'running')
    for (const job of finished.slice(0, Math.max(0, finished.length - keptJobs + 1))) {
      rmSync(job.path, { force: true })
      this.jobs.delete(job.status.jobId)
    }
  }
}
