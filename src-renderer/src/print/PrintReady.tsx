import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintJob } from '../../../src-shared/contract/prints'

/**
 * A finished document: downloaded in a browser, opened in the system's viewer (to print) on the
 * desktop. `autoOpen` does it at once, for the single bib printed at a desk.
 */
export function PrintReady({ job, downloadUrl, onOpen, autoOpen = false }: { job: PrintJob; downloadUrl: string | null; onOpen: () => void; autoOpen?: boolean }) {
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
      <p>
        {t('print.ready', { fileName: job.fileName, pages: job.pages })}
        {job.kind === 'sheets' && job.error === null && ` ${t('print.markedPrinted')}`}
      </p>
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
