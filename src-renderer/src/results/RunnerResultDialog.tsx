import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TimePrecision } from '../../../src-shared/contract/result-rules'
import { overrideStatuses, type ResultRow } from '../../../src-shared/contract/results'
import { formatAgeGrade, formatResultTime } from '../../../src-shared/results/format'
import { useCommand } from '../client/use-command'
import { timeOfDay } from '../finish/times'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { DocumentButton } from '../print/DocumentButton'
import { printLanguage } from './documents'
import { resultTopics } from './topics'
import { personName } from '../../../src-shared/names/person-name'
import { useCall } from '../client/use-call'

type Decision = '' | (typeof overrideStatuses)[number]

/** One runner's result: times, where they came from, splits and places; the official's decisions. */
export function RunnerResultDialog({
  row: listed,
  precision,
  canDecide,
  onClose,
}: {
  row: ResultRow
  precision: TimePrecision
  canDecide: boolean
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const notify = useNotify()
  const event = useCommand('event.get', {}, ['event'])
  const live = useCommand('results.runner', { bib: listed.bib ?? 1 }, resultTopics)
  const history = useCommand('results.history', { entrantId: listed.entrantId }, ['results'])
  const row = listed.bib !== null && live.data?.row.entrantId === listed.entrantId ? live.data.row : listed
  const current: Decision = row.status === 'DNS' || row.status === 'DNF' || row.status === 'DQ' ? row.status : ''
  const [decision, setDecision] = useState<Decision>(current)
  const [reason, setReason] = useState('')
  const [missingReason, setMissingReason] = useState(false)
  const { call, busy: saving, failure } = useCall()
  const zone = event.data?.timeZone ?? 'UTC'
  const time = (ms: number | null): string => formatResultTime(ms, precision)
  const name = personName(row.givenName, row.familyName)

  const decide = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (reason.trim() === '') return setMissingReason(true)
    const result = await call('results.override', { entrantId: row.entrantId, status: decision === '' ? null : decision, reason: reason.trim() })
    if (!result.ok) return
    setReason('')
    notify(t('results.runner.recorded'))
  }

  return (
    <Dialog
      title={row.bib === null ? `${t('results.runner.noBib')} · ${name}` : t('results.runner.title', { bib: row.bib, name })}
      labelledBy="runner-result-title"
      onClose={onClose}
    >
      <div className="runner-result" data-testid="runner-result">
        <p className="muted">
          {row.race}
          {row.wave !== null && ` · ${t('results.wave')} ${row.wave}`}
          {row.category !== null && ` · ${row.category}`}
          {row.club !== null && ` · ${row.club}`}
        </p>
        <dl className="result-times">
          <div>
            <dt>{t('results.gunTime')}</dt>
            <dd>{time(row.gunTimeMs) || t(`results.status.${row.status}`)}</dd>
          </div>
          <div>
            <dt>{t('results.netTime')}</dt>
            <dd>{time(row.netTimeMs) || '—'}</dd>
          </div>
          {(row.ageGradePct !== null || row.ageGradeReason !== null) && (
            <div>
              <dt>{t('results.ageGrade')}</dt>
              <dd data-testid="runner-age-grade">
                {row.ageGradePct !== null
                  ? `${formatAgeGrade(row.ageGradePct)} · ${time(row.ageGradedTimeMs)}`
                  : t(`results.ageGradeReasons.${row.ageGradeReason as NonNullable<typeof row.ageGradeReason>}`)}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('results.runner.places')}</dt>
            <dd>
              {row.place === null
                ? '—'
                : `${t('results.runner.overall')} ${row.place} · ${t(`results.sexShort.${row.sex}`)} ${row.sexPlace ?? ''}${row.category !== null ? ` · ${row.category} ${row.categoryPlace ?? ''}` : ''}${row.division.map((d, i) => ` · ${d} ${row.divisionPlaces[i] ?? ''}`).join('')}`}
            </dd>
          </div>
        </dl>
        <p className="muted">
          {row.finishAtMs !== null &&
            `${t('results.runner.finishAt')} ${timeOfDay(row.finishAtMs, zone)} (${t(row.finishSource === 'chip' ? 'results.runner.fromChip' : 'results.runner.fromCapture')})`}
          {row.finishAtMs !== null && ' · '}
          {row.startAtMs !== null
            ? `${t('results.runner.startAt')} ${timeOfDay(row.startAtMs, zone)}`
            : row.finishAtMs !== null
              ? t('results.runner.noStart')
              : ''}
        </p>
        {row.splits.length > 0 && (
          <table className="table">
            <caption className="visually-hidden">{t('results.runner.splits')}</caption>
            <thead>
              <tr>
                <th>{t('results.runner.point')}</th>
                <th className="numeric">{t('results.gunTime')}</th>
                <th className="numeric">{t('results.netTime')}</th>
                <th className="numeric">{t('results.runner.position')}</th>
              </tr>
            </thead>
            <tbody>
              {row.splits.map((s) => (
                <tr key={s.point}>
                  <td>{s.point}</td>
                  <td className="numeric">{time(s.gunTimeMs)}</td>
                  <td className="numeric">{time(s.netTimeMs)}</td>
                  <td className="numeric">{s.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canDecide && row.bib !== null && row.place !== null && (
          <DocumentButton
            label={t('results.runner.certificate')}
            request={{ kind: 'certificates', bib: row.bib, language: printLanguage(i18n.language) }}
            testId="print-certificate"
          />
        )}
        {canDecide && (
          <form className="decision" onSubmit={(e) => void decide(e)} noValidate>
            <h3>{t('results.runner.decision')}</h3>
            <p className="muted">{t('results.runner.decisionIntro')}</p>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="decision-status">{t('results.runner.decision')}</label>
                <select id="decision-status" value={decision} onChange={(e) => setDecision(e.target.value as Decision)} data-testid="decision-status">
                  <option value="">{t('results.runner.decisionNone')}</option>
                  {overrideStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`results.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className={`field ${missingReason ? 'field-invalid' : ''}`}>
                <label htmlFor="decision-reason">{t('results.runner.reason')}</label>
                <input
                  id="decision-reason"
                  value={reason}
                  maxLength={300}
                  aria-invalid={missingReason}
                  aria-describedby="decision-reason-hint"
                  onChange={(e) => {
                    setReason(e.target.value)
                    setMissingReason(false)
                  }}
                  data-testid="decision-reason"
                />
                <p id="decision-reason-hint" className={missingReason ? 'field-error' : 'field-hint'} role={missingReason ? 'alert' : undefined}>
                  {missingReason ? t('results.runner.reasonRequired') : t('results.runner.reasonHint')}
                </p>
              </div>
            </div>
            <ErrorBanner error={failure} />
            <div className="form-actions">
              <button type="button" className="button" onClick={onClose}>
                {t('common.close')}
              </button>
              <button
                type="submit"
                className="button button-primary"
                disabled={saving || (decision === current && decision === '')}
                data-testid="decision-save"
              >
                {t('results.runner.record')}
              </button>
            </div>
          </form>
        )}
        {!canDecide && (
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        )}
        {(history.data?.length ?? 0) > 0 && (
          <section className="decision-history">
            <h3>{t('results.runner.history')}</h3>
            <ul>
              {history.data?.map((h) => (
                <li key={h.id}>
                  <strong>{h.status === null ? t('results.runner.withdrawn') : t(`results.status.${h.status}`)}</strong> — {h.reason}
                  <span className="muted"> ({t('results.runner.by', { actor: h.actor, desk: h.desk, at: timeOfDay(h.atMs, zone) })})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Dialog>
  )
}
