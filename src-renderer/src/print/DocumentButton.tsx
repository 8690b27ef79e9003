import type { CommandErrorValue } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'
import { PrintReady } from './PrintReady'
import { usePrintJob } from './use-print-job'
import { ErrorBanner } from '../ui/ErrorBanner'
import type { PrintRequestInput } from '../../../src-shared/contract/prints'

/** A document made as a print job: progress while it is made, then download or open. */
export function DocumentButton({ label, request, testId }: { label: string; request: PrintRequestInput; testId: string }) {
  const client = useClient()
  const { job, failure, follow, open, downloadLink } = usePrintJob()
  const running = job?.state === 'running'
  return (
    <div className="document-button">
      <button type="button" className="button" disabled={running} onClick={() => void client.call('prints.start', request).then(follow)} data-testid={testId}>
        {label}
      </button>
      {running && (
        <div className="print-progress" role="status">
          <progress max={job.items} value={job.done} />
        </div>
      )}
      {job?.state === 'done' && job.downloadPath !== null && <PrintReady job={job} downloadLink={downloadLink} onOpen={() => void open(job.jobId)} />}
      <ErrorBanner error={failure ?? (job?.error != null ? { code: job.error.code as CommandErrorValue['code'], message: job.error.message } : null)} />
    </div>
  )
}
