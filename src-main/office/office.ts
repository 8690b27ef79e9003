import { openEventFile, type EventFile, type OpenOptions } from '../db/open'
import { createRouter, type Router } from '../router/router'

/** An open event file with its router: what the desktop shell and `serve` both run. */
export interface Office {
  file: EventFile
  router: Router
  /** Drains calls under way, then closes the file cleanly (WAL checkpointed). */
  close(): Promise<void>
}

export async function openOffice(path: string, options: OpenOptions = {}): Promise<Office> {
  const file = await openEventFile(path, options)
  const router = createRouter({ db: file.db, sqlite: file.sqlite })
  return {
    file,
    router,
    async close() {
      await router.drain()
      await file.close()
    },
  }
}
