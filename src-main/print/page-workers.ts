import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** What a page worker answers: bibs drawn so far (now and then), then its part's PDF or what went wrong. */
export type WorkerReply = { drawn: number } | { pdf: Uint8Array } | { error: string }

interface Task {
  pages: unknown
  resolve: (pdf: Uint8Array) => void
  reject: (error: Error) => void
}

/**
 * Each worker thread holds its own PDF writer and fonts, some 60 MB: more than four would
 * cost memory for little, as the one thread joining their parts then becomes the limit.
 */
const mostWorkers = 4

/** How many threads a long print may use on this machine; none on a machine with one core. */
export function pageWorkerCount(): number {
  const cores = availableParallelism()
  return cores < 2 ? 0 : Math.min(mostWorkers, cores)
}

/**
 * Worker threads that render parts of a document, each started with the run's shared data and
 * then given one part at a time. A worker that fails fails the pool: what was given to it, and
 * everything after, is refused with the error, and the caller renders those parts itself.
 */
export class PageWorkers {
  private readonly idle: Worker[] = []
  private readonly busy = new Map<Worker, Task>()
  private readonly queue: Task[] = []
  private failure: Error | null = null
  private closing = false

  constructor(
    private readonly workers: Worker[],
    onDrawn: (count: number) => void,
  ) {
    for (const worker of workers) {
      worker.on('message', (reply: WorkerReply) => {
        if ('drawn' in reply) return onDrawn(reply.drawn)
        const task = this.busy.get(worker) as Task
        this.busy.delete(worker)
        this.idle.push(worker)
        if ('error' in reply) task.reject(new Error(reply.error))
        else task.resolve(reply.pdf)
        this.next()
      })
      worker.on('error', (error) => this.fail(error))
      worker.on('exit', (code) => this.closing || this.fail(new Error(`a print worker stopped (exit code ${code})`)))
      this.idle.push(worker)
    }
  }

  /** Starts `count` workers of the module `name` (beside this one), each given `data`. */
  static start(name: string, data: unknown, count: number, onDrawn: (count: number) => void): PageWorkers {
    return new PageWorkers(
      Array.from({ length: count }, () => startWorker(name, data)),
      onDrawn,
    )
  }

  render(pages: unknown): Promise<Uint8Array> {
    if (this.failure !== null) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.queue.push({ pages, resolve, reject })
      this.next()
    })
  }

  /** Refuses every part not yet rendered with `error`, and stops the workers. */
  fail(error: Error): void {
    this.failure ??= error
    for (const task of [...this.busy.values(), ...this.queue]) task.reject(this.failure)
    this.busy.clear()
    this.queue.length = 0
    void this.close()
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker
      const task = this.queue.shift() as Task
      this.busy.set(worker, task)
      worker.postMessage(task.pages)
    }
  }
}

/**
 * A part needs some 60 MB of live heap. Left to itself V8 lets each thread's heap grow to several
 * times that before collecting, and three threads' worth of garbage would double the print's
 * memory; a worker that still runs out fails, and its parts are drawn by the thread that started it.
 */
const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 }

/**
 * The built app runs the worker's JavaScript beside this module (out/main); from the sources
 * (tests, benchmarks) its TypeScript is loaded through tsx, a development dependency.
 */
function startWorker(name: string, workerData: unknown): Worker {
  const options = { workerData, resourceLimits }
  const here = fileURLToPath(import.meta.url)
  if (!here.endsWith('.ts')) return new Worker(join(dirname(here), `${name}.js`), options)
  const source = JSON.stringify(pathToFileURL(join(dirname(here), `${name}.ts`)).href)
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  return new Worker(`import(${tsx}).then((tsx) => tsx.tsImport(${source}, ${source}))`, { ...options, eval: true })
}
