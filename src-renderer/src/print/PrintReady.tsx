import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintJob } from '../../../src-shared/contract/prints'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useCall } from '../client/use-call'

/**
 * A finished document: downloaded in a browser, opened in the system's viewer (to print) on the
 * desktop. `autoOpen` does it at once, for the single bib printed at a desk.
 */
export function PrintReady({
  job,
  downloadUrl,
  onOpen,
  autoOpen = false,
}: {
  job: PrintJob
  downloadUrl: string | null
  onOpen: () => void
  autoOpen?: boolean
}) {
  const { t } = useTranslation()
  const link = useRef<HTMLAnchorElement>(null)
  const opened = useRef(false)
  useEffect(() => {
    if (!autoOpen || opened.current) return
    opened.current = true
    if (downloadUrl === null) onOpen()
    else link.current?.click()
  }, [autoOpen, downloadUrl, onOpen])
  return (
    <div className="print-ready" role="status" data-testid="print-ready">
      <p>{t('print.ready', { fileName: job.fileName, count: job.pages })}</p>
      {job.kind === 'sheets' && <MarkPrinted jobId={job.jobId} items={job.items} />}
      {downloadUrl === null ? (
        <button type="button" className="button button-primary" onClick={onOpen}>
          {t('print.open')}
        </button>
      ) : (
        <a ref={link} className="button button-primary" href={downloadUrl} download={job.fileName}>
          {t('print.download')}
        </a>
      )}
    </div>
  )
}

/**
 * A PDF made is not a bib printed: once every page has come out of the printer, the bibs are
 * marked printed, and until then they stay among "only bibs not printed yet" (a jammed printer
 * loses nothing).
 */
function MarkPrinted({ jobId, items }: { jobId: string; items: number }) {
  const { t } = useTranslation()
  const [marked, setMarked] = useState<number | null>(null)
  const { call, failure } = useCall()
  async function mark(): Promise<void> {
    const result = await call('bibs.markPrinted', { jobId })
    if (result.ok) setMarked(result.value.marked)
  }
  if (marked !== null) return <p data-testid="marked-printed">{t('print.marked', { count: marked })}</p>
  return (
    <div className="mark-printed">
      <p className="muted">{t('print.markAsk')}</p>
      <button type="button" className="button" onClick={() => void mark()} data-testid="mark-printed">
        {t('print.markButton', { count: items })}
      </button>
      <ErrorBanner error={failure} />
    </div>
  )
}
