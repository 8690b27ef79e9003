import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue } from '../../../src-shared/contract'
import type { PrintJob } from '../../../src-shared/contract/prints'
import type { Transport } from '../client/transport'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useCall } from '../client/use-call'

/**
 * A finished document: downloaded in a browser, opened in the system's viewer (to print) on the
 * desktop. `autoOpen` does it at once, for the single bib printed at a desk.
 */
export function PrintReady({
  job,
  downloadLink,
  onOpen,
  autoOpen = false,
}: {
  job: PrintJob
  downloadLink: Transport['downloadLink']
  onOpen: () => void
  autoOpen?: boolean
}) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const opened = useRef(false)
  /** Downloads the document; what went wrong, or null. */
  const download = useCallback(async (): Promise<CommandErrorValue | null> => {
    if (downloadLink === null || job.downloadPath === null) return null
    // Asked for at the click: the address works once, for this document, for a minute.
    const link = await downloadLink(job.jobId, job.downloadPath)
    if (!link.ok) return link.error
    const anchor = document.createElement('a')
    anchor.href = link.value
    anchor.download = job.fileName
    anchor.click()
    return null
  }, [downloadLink, job.jobId, job.downloadPath, job.fileName])
  useEffect(() => {
    if (!autoOpen || opened.current) return
    opened.current = true
    if (downloadLink === null) onOpen()
    else void download().then(setFailure)
  }, [autoOpen, downloadLink, download, onOpen])
  return (
    <div className="print-ready" role="status" data-testid="print-ready">
      <p>{t('print.ready', { fileName: job.fileName, count: job.pages })}</p>
      {job.kind === 'sheets' && <MarkPrinted jobId={job.jobId} items={job.items} />}
      <ErrorBanner error={failure} />
      {downloadLink === null ? (
        <button type="button" className="button button-primary" onClick={onOpen}>
          {t('print.open')}
        </button>
      ) : (
        <a
          className="button button-primary"
          href={job.downloadPath ?? undefined}
          download={job.fileName}
          onClick={(event) => {
            event.preventDefault()
            void download().then(setFailure)
          }}
        >
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
