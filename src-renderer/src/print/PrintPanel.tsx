import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, Race, Topic } from '../../../src-shared/contract'
import {
  labelFormats,
  listPapers,
  printLanguages,
  sheetLayouts,
  type PrintLanguage,
  type PrintRequestInput,
  type SheetLayout,
} from '../../../src-shared/contract/prints'
import { useClient } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Check, Choice } from '../ui/Choice'
import { PdfPreview } from './PdfPreview'
import { PrintReady } from './PrintReady'
import { usePrintJob } from './use-print-job'
import { initialPrintForm, toPrintRequest, type PrintForm } from './print-form'

const previewDelayMs = 350
const severalToAPage = new Set<SheetLayout>(['a4x2', 'a4x4', 'letterx2'])
const previewTopics = new Set<Topic>(['event', 'races', 'entrants', 'bibs'])

/** Bib sheets, pickup lists and labels: choose, see the first page, make the PDF, print it. */
export function PrintPanel({ races }: { races: readonly Race[] }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const [form, setForm] = useState<PrintForm>(() =>
    initialPrintForm((printLanguages as readonly string[]).includes(i18n.language) ? (i18n.language as PrintLanguage) : 'en'),
  )
  const [preview, setPreview] = useState<{ pdfBase64: string; items: number; pages: number } | null>(null)
  const { job, failure, setFailure, replace, cancel, open, downloadLink } = usePrintJob()
  const request = toPrintRequest(form)
  const requestKey = JSON.stringify(request)
  const change = (edits: Partial<PrintForm>): void => setForm((current) => ({ ...current, ...edits }))

  // Another desk (or this one) renumbering, editing runners or renaming the event changes the page.
  const [revision, setRevision] = useState(0)
  useEffect(() => client.onChange((change) => change.topics.some((topic) => previewTopics.has(topic)) && setRevision((r) => r + 1)), [client])

  // Keyed by the request's JSON: a new object with the same options previews nothing new.
  useEffect(() => {
    const wanted = JSON.parse(requestKey) as PrintRequestInput | null
    if (wanted === null) return
    let stale = false
    const timer = setTimeout(() => {
      void client.call('prints.preview', wanted).then((result) => {
        if (stale) return
        setPreview(result.ok ? result.value : null)
        setFailure(result.ok ? null : result.error)
      })
    }, previewDelayMs)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [client, requestKey, revision, setFailure])

  async function make(): Promise<void> {
    if (request === null) return
    setFailure(null)
    await replace(client.call('prints.start', request))
  }

  const running = job?.state === 'running'
  const selects = form.kind !== 'lists'
  return (
    <section className="card print-panel" aria-labelledby="print-title">
      <h2 id="print-title">{t('print.title')}</h2>
      <p className="muted">{t('print.intro')}</p>
      <div className="kind-tabs" role="radiogroup" aria-label={t('print.kind')}>
        {(['sheets', 'lists', 'labels'] as const).map((kind) => (
          <label key={kind} className={`kind-tab ${form.kind === kind ? 'kind-tab-chosen' : ''}`}>
            <input type="radio" name="print-kind" value={kind} checked={form.kind === kind} onChange={() => change({ kind })} disabled={running} />
            {t(`print.kinds.${kind}`)}
          </label>
        ))}
      </div>
      <div className="print-layout">
        <div className="form-grid print-options">
          {form.kind === 'sheets' && (
            <Choice
              id="print-layout"
              label={t('print.layout')}
              value={form.layout}
              options={sheetLayouts.map((v) => [v, t(`print.layouts.${v}`)])}
              onChange={(layout) => change({ layout })}
              wide
            />
          )}
          {form.kind === 'labels' && (
            <Choice
              id="print-format"
              label={t('print.format')}
              value={form.format}
              options={labelFormats.map((v) => [v, t(`print.formats.${v}`)])}
              onChange={(format) => change({ format })}
              wide
            />
          )}
          {form.kind === 'lists' && (
            <Choice
              id="print-paper"
              label={t('print.paper')}
              value={form.paper}
              options={listPapers.map((v) => [v, t(`print.papers.${v}`)])}
              onChange={(paper) => change({ paper })}
              wide
            />
          )}
          <Choice
            id="print-race"
            label={t('print.race')}
            value={form.raceId === null ? 'all' : String(form.raceId)}
            options={[['all', t('print.allRaces')], ...races.map((r): [string, string] => [String(r.id), r.name])]}
            onChange={(value) => change({ raceId: value === 'all' ? null : Number(value) })}
          />
          {selects && (
            <div className={`field ${request === null ? 'field-invalid' : ''}`}>
              <label htmlFor="print-bibs">{t('print.bibs')}</label>
              <input
                id="print-bibs"
                value={form.bibs}
                onChange={(e) => change({ bibs: e.target.value })}
                placeholder="101-250"
                inputMode="numeric"
                aria-invalid={request === null}
              />
              <p className={request === null ? 'field-error' : 'field-hint'}>{request === null ? t('print.bibsInvalid') : t('print.bibsHint')}</p>
            </div>
          )}
          <Choice
            id="print-language"
            label={t('print.language')}
            value={form.language}
            options={printLanguages.map((v) => [v, t(`print.languages.${v}`)])}
            onChange={(language) => change({ language })}
          />
          {form.kind === 'sheets' && (
            <Choice
              id="print-tabs"
              label={t('print.tabs')}
              value={String(form.tabs)}
              options={[0, 1, 2, 3].map((n) => [String(n), t('print.tabCount', { count: n })])}
              onChange={(tabs) => change({ tabs: Number(tabs) })}
            />
          )}
          <div className="field span-2 print-checks">
            {selects && <Check label={t('print.onlyUnprinted')} checked={form.onlyUnprinted} onChange={(onlyUnprinted) => change({ onlyUnprinted })} />}
            {form.kind === 'sheets' && (
              <>
                <Check label={t('print.code128')} checked={form.code128} onChange={(code128) => change({ code128 })} />
                <Check label={t('print.cropMarks')} checked={form.cropMarks} onChange={(cropMarks) => change({ cropMarks })} />
                {severalToAPage.has(form.layout) && <Check label={t('print.stack')} checked={form.stack} onChange={(stack) => change({ stack })} />}
              </>
            )}
          </div>
        </div>
        <figure className="print-preview">
          {preview === null ? (
            <div className="pdf-preview pdf-preview-empty">{failure === null ? t('print.previewing') : ''}</div>
          ) : (
            <PdfPreview pdfBase64={preview.pdfBase64} label={t('print.previewLabel')} />
          )}
          {preview !== null && (
            <figcaption className="print-summary">
              {t(`print.items.${form.kind}`, { count: preview.items })} · {t('print.pages', { count: preview.pages })}
            </figcaption>
          )}
        </figure>
      </div>
      <ErrorBanner error={failure} />
      <div className="form-actions print-actions" aria-live="polite">
        {running ? (
          <>
            <div className="print-progress" role="status">
              <progress max={job.items} value={job.done} />
              <span>{t(`print.making.${job.kind}`, { done: job.done, items: job.items })}</span>
            </div>
            <button type="button" className="button" onClick={() => void cancel()}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={() => void make()} disabled={request === null || preview === null}>
            {t('print.make')}
          </button>
        )}
        {job?.state === 'done' && job.downloadPath !== null && <PrintReady job={job} downloadLink={downloadLink} onOpen={() => void open(job.jobId)} />}
        {job?.state === 'cancelled' && <p className="muted">{t('print.cancelled')}</p>}
      </div>
      {/* A failed job, or a finished one whose bibs could not be marked printed, says why. */}
      {job !== null && job.state !== 'cancelled' && job.error !== null && (
        <ErrorBanner error={{ code: job.error.code as CommandErrorValue['code'], message: job.error.message }} />
      )}
    </section>
  )
}
