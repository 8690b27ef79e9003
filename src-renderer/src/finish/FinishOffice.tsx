import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, CommandOutput } from '../../../src-shared/contract'
import { readFields, syncPackage, type ReadField } from '../../../src-shared/contract/timing'
import { sendInBatches } from '../../../src-shared/timing/sync-batches'
import { useClient, useCommand } from '../client/use-command'
import { uploadFile } from '../entrants/upload-file'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { FileButton } from '../ui/FileButton'
import { SampleTable } from '../ui/SampleTable'
import { useNotify } from '../ui/Notices'
import { saveFile } from '../ui/save-file'
import { DecoderLinksPanel } from './DecoderLinksPanel'
import { PointOptions } from './PointOptions'
import { timeOfDay } from './times'
import { ChutePaperPanel } from './ChutePaperPanel'
import { TimerFilesPanel } from './TimerFilesPanel'
import { TimingPoints } from './TimingPoints'
import { useCall } from '../client/use-call'

type Preview = CommandOutput<'reads.preview'> & { id: string; fileName: string }
type Imported = CommandOutput<'reads.import'>
type Mapping = Partial<Record<ReadField, string>>

/** The organiser's side of the finish line: chip reads from the timing company, and finish laptops' packages. */
export function FinishOffice() {
  return (
    <>
      <TimingPoints />
      <ChipReads />
      <TimerFilesPanel />
      <ChutePaperPanel />
      <DecoderLinksPanel />
      <DeviceSync />
      <LiveSyncPanel />
    </>
  )
}

function ChipReads() {
  const { t } = useTranslation()
  const client = useClient()
  const summary = useCommand('reads.summary', {}, ['timing', 'bibs'])
  const [preview, setPreview] = useState<Preview | null>(null)
  const [mapping, setMapping] = useState<Mapping>({})
  const [point, setPoint] = useState('')
  const [anchor, setAnchor] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  const [report, setReport] = useState<Imported | null>(null)
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)

  async function choose(file: File): Promise<void> {
    setReport(null)
    setFailure(null)
    setProgress(0)
    const uploaded = await uploadFile(client, file, setProgress)
    if (!uploaded.ok) {
      setProgress(null)
      return setFailure(uploaded.error)
    }
    const read = await client.call('reads.preview', { id: uploaded.value })
    setProgress(null)
    if (!read.ok) return setFailure(read.error)
    setPreview({ ...read.value, id: uploaded.value, fileName: file.name })
    setMapping(read.value.mapping)
    setPoint(read.value.mapping.point === undefined ? 'finish' : '')
    setAnchor('')
  }

  async function importReads(skipInvalid: boolean): Promise<void> {
    if (preview === null) return
    setProgress(1)
    const result = await client.call('reads.import', {
      id: preview.id,
      skipInvalid,
      ...(preview.decoder === null && { mapping }),
      ...(point !== '' && { point }),
      ...(anchor.trim() !== '' && { anchor: anchor.trim() }),
    })
    setProgress(null)
    if (result.ok) {
      setReport(result.value)
      setPreview(null)
      setFailure(null)
    } else {
      setFailure(result.error)
      const details = result.error.details as Imported | undefined
      if (details?.rejected !== undefined && details.rejected.length > 0) setReport(details)
    }
  }

  return (
    <section className="card" aria-labelledby="reads-title">
      <div className="card-header">
        <h2 id="reads-title">{t('finish.reads.title')}</h2>
        <FileButton label={t('finish.reads.choose')} accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain" onFile={(f) => void choose(f)} />
      </div>
      <p className="muted">{t('finish.reads.intro')}</p>
      {progress !== null && <progress className="busy" max={1} value={progress} aria-label={t('finish.reads.working')} />}
      <ErrorBanner error={failure} />
      {preview !== null && (
        <div className="form-grid" data-testid="reads-mapping">
          <p className="span-2">
            {preview.decoder === null
              ? t('finish.reads.file', { name: preview.fileName, rows: preview.rows })
              : t('finish.reads.decoder', { name: preview.fileName, rows: preview.rows, format: t(`finish.reads.formats.${preview.decoder.format}`) })}
          </p>
          {preview.decoder === null &&
            readFields.map((field) => (
              <div key={field} className="field">
                <label htmlFor={`read-${field}`}>{t(`finish.reads.fields.${field}`)}</label>
                <select
                  id={`read-${field}`}
                  value={mapping[field] ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' ? undefined : e.target.value })}
                >
                  <option value="">{t('finish.reads.none')}</option>
                  {preview.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          <div className="field">
            <label htmlFor="read-point">{t('finish.reads.point')}</label>
            <select id="read-point" value={point} onChange={(e) => setPoint(e.target.value)}>
              {preview.decoder === null && <option value="">{t('finish.reads.pointFromFile')}</option>}
              <PointOptions />
            </select>
          </div>
          {preview.decoder?.needsAnchor === true && (
            <div className="field">
              <label htmlFor="read-anchor">{t('finish.reads.anchor')}</label>
              <input id="read-anchor" type="time" step="1" value={anchor} onChange={(e) => setAnchor(e.target.value)} aria-describedby="read-anchor-hint" />
              <p id="read-anchor-hint" className="muted">
                {t('finish.reads.anchorHint')}
              </p>
            </div>
          )}
          {preview.decoder !== null ? (
            <pre className="span-2 decoder-sample">{preview.sample.map((row) => row.join('')).join('\n')}</pre>
          ) : (
            <SampleTable headers={preview.headers} rows={preview.sample} />
          )}
          <div className="form-actions span-2">
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void importReads(false)}>
              {t('finish.reads.import')}
            </button>
          </div>
        </div>
      )}
      {report !== null && <ReadsReport report={report} onSkip={preview === null ? null : () => void importReads(true)} />}
      {summary.data !== undefined && summary.data.points.length > 0 && (
        <table className="table" data-testid="reads-summary">
          <thead>
            <tr>
              <th>{t('finish.reads.pointColumn')}</th>
              <th>{t('finish.reads.readsColumn')}</th>
              <th>{t('finish.reads.runnersColumn')}</th>
              <th>{t('finish.reads.unknownColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.data.points.map((p) => (
              <tr key={p.point}>
                <td>{p.point}</td>
                <td>{p.reads}</td>
                <td>{p.runners}</td>
                <td>{p.unknownChipReads}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.data !== undefined && summary.data.unknownChips.length > 0 && (
        <p className="field-error">{t('finish.reads.unknownChips', { chips: summary.data.unknownChips.map((c) => `${c.chip} (${c.reads})`).join(', ') })}</p>
      )}
    </section>
  )
}

function ReadsReport({ report, onSkip }: { report: Imported; onSkip: (() => void) | null }) {
  const { t } = useTranslation()
  return (
    <div className="reads-report" role="status" data-testid="reads-report">
      <p>{t('finish.reads.done', { imported: report.imported, duplicates: report.duplicates, runners: report.runners })}</p>
      {report.format !== null && <p className="muted">{t('finish.reads.readAs', { format: t(`finish.reads.formats.${report.format}`) })}</p>}
      {report.unknownChips.length > 0 && (
        <p className="field-error">{t('finish.reads.unknownChips', { chips: report.unknownChips.map((c) => `${c.chip} (${c.reads})`).join(', ') })}</p>
      )}
      {report.rejected.length > 0 && (
        <>
          <ul className="chip-problems">
            {report.rejected.slice(0, 50).map((r) => (
              <li key={`${r.row}-${r.field}`}>
                {t('finish.reads.rejected', {
                  row: r.row,
                  field: t(`finish.reads.fields.${r.field}`, { defaultValue: r.field }),
                  message: t(`finish.reads.problems.${r.field}.${r.code}`, { value: r.value ?? '', defaultValue: r.message }),
                })}
              </li>
            ))}
          </ul>
          {onSkip !== null && (
            <button type="button" className="button" onClick={onSkip}>
              {t('finish.reads.skipInvalid', { count: report.rejected.length })}
            </button>
          )}
        </>
      )}
    </div>
  )
}

/** A batch of a package the office refused: the import stops there and says why. */
class BatchRefused extends Error {
  constructor(readonly error: CommandErrorValue) {
    super(error.message)
  }
}

/** A finish laptop's package in, or this file's captures out, with what happened said plainly. */
function DeviceSync() {
  const { t } = useTranslation()
  const client = useClient()
  const notify = useNotify()
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const [report, setReport] = useState<CommandOutput<'sync.import'> | null>(null)
  const [progress, setProgress] = useState<number | null>(null)

  async function exportPackage(): Promise<void> {
    const pkg = await client.call('sync.export', {})
    if (!pkg.ok) return setFailure(pkg.error)
    saveFile(
      `${pkg.value.event.name} finish ${new Date(pkg.value.exportedAtMs).toISOString().slice(0, 16).replace(':', '')}.json`,
      new Blob([JSON.stringify(pkg.value)], { type: 'application/json' }),
    )
    notify(t('finish.sync.exported', { captures: pkg.value.captures.length }))
  }

  async function importPackage(file: File): Promise<void> {
    setReport(null)
    let parsed: ReturnType<typeof syncPackage.safeParse>
    try {
      parsed = syncPackage.safeParse(JSON.parse(await file.text()))
    } catch {
      return setFailure({ code: 'INVALID_INPUT', message: t('finish.sync.notAPackage') })
    }
    if (!parsed.success) return setFailure({ code: 'INVALID_INPUT', message: t('finish.sync.notAPackage') })
    setProgress(0)
    try {
      const total = await sendInBatches(parsed.data, async (batch, index, count) => {
        const result = await client.call('sync.import', { package: batch })
        if (!result.ok) throw new BatchRefused(result.error)
        setProgress((index + 1) / count)
        return result.value
      })
      setFailure(null)
      setReport(total)
    } catch (error) {
      if (!(error instanceof BatchRefused)) throw error
      setFailure(error.error)
    } finally {
      setProgress(null)
    }
  }

  return (
    <section className="card" aria-labelledby="sync-title">
      <div className="card-header">
        <h2 id="sync-title">{t('finish.sync.title')}</h2>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void exportPackage()}>
            {t('finish.sync.export')}
          </button>
          <FileButton label={t('finish.sync.import')} accept=".json,application/json" onFile={(f) => void importPackage(f)} />
        </div>
      </div>
      <p className="muted">{t('finish.sync.intro')}</p>
      {progress !== null && <progress className="busy" max={1} value={progress} aria-label={t('finish.sync.importing')} />}
      <ErrorBanner error={failure} />
      {report !== null && (
        <div role="status" data-testid="sync-report">
          <p>
            {t('finish.sync.done', {
              captures: report.captures.added,
              capturesKept: report.captures.unchanged,
              changes: report.changes.added,
              clocks: report.clocks.added,
            })}
          </p>
          <p className={report.clockMeasured ? 'muted' : 'field-error'} data-testid="sync-clock">
            {t(report.clockMeasured ? 'finish.sync.clockMeasured' : 'finish.sync.clockUnknown')}
          </p>
          {report.conflicts.length > 0 && (
            <ul className="chip-problems">
              {report.conflicts.map((c) => (
                <li key={c.id}>{c.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}

/**
 * A finish laptop on its own copy of the event, when it can reach the office: paired with the
 * office's finish code, it sends its work every few seconds; the status says when it last arrived.
 */
function LiveSyncPanel() {
  const { t } = useTranslation()
  const status = useCommand('sync.status', {}, ['timing'])
  const event = useCommand('event.get', {}, ['event'])
  const [office, setOffice] = useState('')
  const [code, setCode] = useState('')
  const [person, setPerson] = useState('')
  const { call, busy, failure } = useCall()
  const connected = status.data?.office ?? null
  const { reload } = status

  // The pushes happen in the background: the status is read again while connected.
  useEffect(() => {
    if (connected === null) return
    const timer = setInterval(reload, 2000)
    return () => clearInterval(timer)
  }, [connected, reload])

  async function connect(e: FormEvent): Promise<void> {
    e.preventDefault()
    const result = await call('sync.connect', { office: office.trim(), code: code.trim(), person: person.trim() || '—' })
    if (!result.ok) return
    reload()
  }

  async function disconnect(): Promise<void> {
    await call('sync.disconnect', {})
    reload()
  }

  const last = status.data?.last ?? null
  return (
    <section className="card" aria-labelledby="live-sync-title">
      <h2 id="live-sync-title">{t('finish.live.title')}</h2>
      <p className="muted">{t('finish.live.intro')}</p>
      <ErrorBanner error={failure} />
      {connected === null ? (
        <form className="form-grid" onSubmit={(e) => void connect(e)} noValidate>
          <Field
            className="span-2"
            label={t('finish.live.office')}
            value={office}
            onChange={(e) => setOffice(e.target.value)}
            placeholder="http://192.168.1.10:4780"
            inputMode="url"
          />
          <Field label={t('finish.live.code')} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="off" />
          <Field label={t('finish.live.person')} value={person} onChange={(e) => setPerson(e.target.value)} />
          <div className="form-actions span-2">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('finish.live.connect')}
            </button>
          </div>
        </form>
      ) : (
        <div role="status" data-testid="live-sync-status">
          <p>
            <strong>{t('finish.live.connected', { office: connected })}</strong>
          </p>
          {status.data?.error != null ? (
            <p className="finish-pending-offline">
              {t('finish.live.failing', { message: t(`errors.${status.data.error.code}`, { defaultValue: status.data.error.message }) })}
            </p>
          ) : (
            last !== null &&
            status.data?.lastAtMs != null && (
              <p>
                {t('finish.live.sent', {
                  time: timeOfDay(status.data.lastAtMs, event.data?.timeZone ?? 'UTC').slice(0, 8),
                  count: last.captures.added,
                  total: status.data.sentCaptures,
                })}
              </p>
            )
          )}
          {last !== null && last.conflicts.length > 0 && (
            <ul className="chip-problems">
              {last.conflicts.map((c) => (
                <li key={c.id}>{c.message}</li>
              ))}
            </ul>
          )}
          <button type="button" className="button" onClick={() => void disconnect()}>
            {t('finish.live.disconnect')}
          </button>
        </div>
      )}
    </section>
  )
}
