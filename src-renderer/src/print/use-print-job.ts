import { useCallback, useEffect, useState } from 'react'
import type { CommandErrorValue, CommandResult } from '../../../src-shared/contract'
import type { PrintJob } from '../../../src-shared/contract/prints'
import { useClient } from '../client/use-command'

const pollMs = 400

/** A print job followed to its end: progress while it runs, then the file to download or open. */
export function usePrintJob() {
  const client = useClient()
  const [job, setJob] = useState<PrintJob | null>(null)
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)

  useEffect(() => {
    if (job?.state !== 'running') return
    const timer = setInterval(() => {
      void client.call('prints.status', { jobId: job.jobId }).then((result) => {
        if (result.ok) setJob(result.value)
        else setFailure(result.error)
      })
    }, pollMs)
    return () => clearInterval(timer)
  }, [client, job?.jobId, job?.state])

  const follow = useCallback((started: CommandResult<PrintJob>) => {
    setFailure(started.ok ? null : started.error)
    setJob(started.ok ? started.value : null)
  }, [])

  // A new document replaces the one shown at once: the finished one's download and "mark printed"
  // go while the next is made, so nobody marks the wrong run printed.
  const replace = useCallback(
    async (starting: Promise<CommandResult<PrintJob>>) => {
      setJob(null)
      follow(await starting)
    },
    [follow],
  )

  const cancel = useCallback(async () => {
    if (job === null) return
    const result = await client.call('prints.cancel', { jobId: job.jobId })
    if (!result.ok) setFailure(result.error)
  }, [client, job])

  const open = useCallback(
    async (jobId: string) => {
      const result = await client.call('prints.open', { jobId })
      if (!result.ok) setFailure(result.error)
    },
    [client],
  )

  return { job, failure, setFailure, follow, replace, cancel, open, downloadLink: client.downloadLink }
}
