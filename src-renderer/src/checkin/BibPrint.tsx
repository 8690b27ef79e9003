import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'
import { PrintReady } from '../print/PrintReady'
import { usePrintJob } from '../print/use-print-job'
import { ErrorBanner } from '../ui/ErrorBanner'

/** One runner's bib made as a PDF at once, then downloaded or opened for printing. */
export function BibPrint({ entrantId }: { entrantId: string }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const { job, failure, follow, open, downloadLink } = usePrintJob()
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void client.call('checkin.printBib', { entrantId, language: i18n.language === 'ko' ? 'ko' : 'en' }).then(follow)
  }, [client, entrantId, follow, i18n.language])
  return (
    <div className="bib-print" aria-live="polite">
      {(job === null || job.state === 'running') && failure === null && (
        <p className="busy" role="status">
          <span className="spinner" aria-hidden="true" /> {t('checkin.printing')}
        </p>
      )}
      {job?.state === 'done' && job.downloadPath !== null && <PrintReady job={job} downloadLink={downloadLink} onOpen={() => void open(job.jobId)} autoOpen />}
      <ErrorBanner error={failure ?? (job?.error != null ? { code: job.error.code as CommandErrorValue['code'], message: job.error.message } : null)} />
    </div>
  )
}
