import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, CommandOutput } from '../../../src-shared/contract'
import { timerFields, type TimerField, type TypedClock } from '../../../src-shared/contract/manual-timing'
import { useClient, useCommand } from '../client/use-command'
import { uploadFile } from '../entrants/upload-file'
import { ErrorBanner } from '../ui/ErrorBanner'
import { FileButton } from '../ui/FileButton'
import { SampleTable } from '../ui/SampleTable'
import { PointOptions } from './PointOptions'

type Preview = CommandOutput<'times.preview'> & { id: string; fileName: string }
type Imported = CommandOutput<'times.import'>

/** A stopwatch's or timing app's export: mapped like chip reads, checked line by line, then imported. */
export function TimerFilesPanel() {
  const { t } = useTranslation()
  const client = useClient()
  const clocks = useCommand('clock.list', {}, ['timing', 'races'])
  const [preview, setPreview] = useState<Preview | null>(null)
  const [mapping, setMapping] = useState<Partial<Record<TimerField, string>>>({})
  const [point, setPoint] = useState('finish')
  const [clock, setClock] = useState<TypedClock>('elapsed')
  const [gun, setGun] = useState('')
  const [as, setAs] = useState<'main' | 'backup'>('main')
  const [device, setDevice] = useState('')
  const [progress, setProgress] = useState<number | null>(null)
  const [report, setReport] = useState<Imported | null>(null)
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const guns = clocks.data ?? []

  async function choose(file: File): Promise<void> {
    setReport(null)
    setFailure(null)
    setProgress(0)
    const uploaded = await uploadFile(client, file, setProgress)
    if (!uploaded.ok) {
      setProgress(null)
      return setFailure(uploaded.error)
    }
    const read = await client.call('times.preview', { id: uploaded.value })
    setProgress(null)
    if (!read.ok) return setFailure(read.error)
    setPreview({ ...read.value, id: uploaded.value, fileName: file.name })
    setMapping(read.value.mapping)
    setDevice(read.value.device)
    setAs(read.value.pointTimes > 0 ? 'backup' : 'main')
    setGun(guns.length === 1 && guns[0] !== undefined ? `${guns[0].raceId}:${guns[0].waveId ?? ''}` : '')
  }

  async function importTimes(skipInvalid: boolean): Promise<void> {
    if (preview === null) return
    const [raceId, waveId] = gun.split(':')
    setProgress(1)
    const result = await client.call('times.import', {
      id: preview.id,
      mapping,
      point,
      clock,
      skipInvalid,
      as,
      ...(device.trim() !== '' && { device: device.trim() }),
      ...(clock === 'elapsed' && raceId !== undefined && raceId !== '' && { raceId: Number(raceId) }),
      ...(clock === 'elapsed' && waveId !== undefined && waveId !== '' && { waveId: Number(waveId) }),
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
    <section className="card" aria-labelledby="timer-files-title" data-testid="timer-files">
      <div className="card-header">
        <h2 id="timer-files-title">{t('finish.timerFiles.title')}</h2>
        <FileButton label={t('finish.timerFiles.choose')} accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain" onFile={(f) => void choose(f)} />
      </div>
      <p className="muted">{t('finish.timerFiles.intro')}</p>
      {progress !== null && <progress className="busy" max={1} value={progress} aria-label={t('finish.reads.working')} />}
      <ErrorBanner error={failure} />
      {preview !== null && (
        <div className="form-grid" data-testid="timer-file-mapping">
          <p className="span-2">{t('finish.timerFiles.file', { name: preview.fileName, count: preview.rows })}</p>
          {timerFields.map((field) => (
            <div key={field} className="field">
              <label htmlFor={`timer-${field}`}>{t(`finish.timerFiles.fields.${field}`)}</label>
              <select
                id={`timer-${field}`}
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
            <label htmlFor="timer-point">{t('finish.reads.point')}</label>
            <select id="timer-point" value={point} onChange={(e) => setPoint(e.target.value)}>
              <PointOptions />
            </select>
          </div>
          <div className="field">
            <label htmlFor="timer-clock">{t('finish.typed.clock')}</label>
            <select id="timer-clock" value={clock} onChange={(e) => setClock(e.target.value as TypedClock)}>
              <option value="elapsed">{t('finish.typed.clocks.elapsed')}</option>
              <option value="timeOfDay">{t('finish.typed.clocks.timeOfDay')}</option>
            </select>
          </div>
          {clock === 'elapsed' && (
            <div className="field">
              <label htmlFor="timer-race">{t('finish.typed.race')}</label>
              <select id="timer-race" value={gun} onChange={(e) => setGun(e.target.value)}>
                <option value="">{t('finish.typed.chooseRace')}</option>
                {guns.map((c) => (
                  <option key={`${c.raceId}:${c.waveId ?? ''}`} value={`${c.raceId}:${c.waveId ?? ''}`}>
                    {c.wave === null ? c.race : `${c.race} · ${c.wave}`}
                    {c.gunAtMs === null ? ` (${t('finish.typed.noGun')})` : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="timer-as">{t('finish.timerFiles.as')}</label>
            <select id="timer-as" value={as} onChange={(e) => setAs(e.target.value === 'backup' ? 'backup' : 'main')} aria-describedby="timer-as-hint">
              <option value="main">{t('finish.timerFiles.roles.main')}</option>
              <option value="backup">{t('finish.timerFiles.roles.backup')}</option>
            </select>
            {preview.pointTimes > 0 && (
              <p id="timer-as-hint" className="muted">
                {t('finish.timerFiles.pointTimes', { count: preview.pointTimes })}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="timer-device">{t('finish.timerFiles.device')}</label>
            <input id="timer-device" value={device} maxLength={60} onChange={(e) => setDevice(e.target.value)} />
          </div>
          <SampleTable headers={preview.headers} rows={preview.sample} />
          <div className="form-actions span-2">
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void importTimes(false)} disabled={clock === 'elapsed' && gun === ''}>
              {t('finish.timerFiles.import')}
            </button>
          </div>
        </div>
      )}
      {report !== null && (
        <div className="reads-report" role="status" data-testid="timer-file-report">
          <p>
            {t(report.as === 'backup' ? 'finish.timerFiles.doneBackup' : 'finish.timerFiles.done', {
              imported: report.imported,
              duplicates: report.duplicates,
              withBib: report.withBib,
              device: report.device,
              point: report.point,
            })}
          </p>
          {report.rejected.length > 0 && (
            <>
              <ul className="chip-problems">
                {report.rejected.slice(0, 50).map((r) => (
                  <li key={`${r.row}-${r.field}`}>
                    {t('finish.timerFiles.rejected', {
                      row: r.row,
                      field: t(`finish.timerFiles.fields.${r.field}`, { defaultValue: r.field }),
                      message: t(`finish.timerFiles.problems.${r.code}`, { value: r.value ?? '', defaultValue: r.message }),
                    })}
                  </li>
                ))}
              </ul>
              {preview !== null && (
                <button type="button" className="button" onClick={() => void importTimes(true)}>
                  {t('finish.reads.skipInvalid', { count: report.rejected.length })}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </section>
  )
}
