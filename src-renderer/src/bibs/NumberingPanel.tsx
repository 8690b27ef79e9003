import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput, Race } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import type { Message } from '../ui/messages'
import { useNotify } from '../ui/Notices'
import { useDraft } from '../ui/use-draft'
import { formatBibRanges } from '../setup/race-form'
import { formatReserved, readNumbers, readReserved } from './settings-form'
import { useCall } from '../client/use-call'

const rules = ['registration', 'alphabetical', 'predicted', 'fill'] as const
type Rule = (typeof rules)[number]
const shownChanges = 200

/** One race: its numbers, its rule and held-back numbers, and the plan before it is applied. */
export function NumberingPanel({ race }: { race: Race }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const settings = useCommand('bibs.settings', { raceId: race.id }, ['bibs', 'races'])
  const { edits, setEdits, committed } = useDraft<{ rule: Rule; reserved: string; excluded: string }, typeof settings.data>(settings.data, settings.reload)
  const [errors, setErrors] = useState<{ reserved?: Message; excluded?: Message }>({})
  const [plan, setPlan] = useState<CommandOutput<'bibs.plan'> | null>(null)
  const { call, busy, failure } = useCall()

  if (settings.data === undefined) return <ErrorBanner error={settings.error} onRetry={settings.reload} />
  const saved = { rule: settings.data.rule, reserved: formatReserved(settings.data.reserved), excluded: settings.data.excluded.join(', ') }
  const values = edits ?? saved
  const dirty = values.rule !== saved.rule || values.reserved !== saved.reserved || values.excluded !== saved.excluded

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const reserved = readReserved(values.reserved)
    const excluded = readNumbers(values.excluded)
    const problems = {
      ...(reserved === null && { reserved: { key: 'bibs.errors.reserved' } }),
      ...(excluded === null && { excluded: { key: 'bibs.errors.excluded' } }),
    }
    setErrors(problems)
    if (reserved === null || excluded === null) return
    const configured = await call('bibs.configure', { raceId: race.id, rule: values.rule, reserved })
    const excludedResult = configured.ok ? await call('bibs.exclude', { bibs: excluded }) : configured
    if (!excludedResult.ok) return
    committed()
    setPlan(null)
    notify(t('bibs.settingsSaved'))
  }

  async function preview(): Promise<void> {
    const result = await call('bibs.plan', { raceId: race.id, rule: values.rule })
    if (!result.ok) return
    setPlan(result.value)
  }

  async function apply(): Promise<void> {
    const result = await call('bibs.apply', { raceId: race.id, rule: values.rule })
    if (!result.ok) return
    setPlan(null)
    notify(t('bibs.applied', result.value))
  }

  return (
    <div className="card">
      <p>
        <strong>{t('bibs.ranges')}:</strong>{' '}
        {race.bibRanges.length === 0 ? <span className="field-error">{t('bibs.noRanges')}</span> : formatBibRanges(race.bibRanges, '–')}
        {settings.data.voided.length > 0 && <span className="muted"> · {t('bibs.voided', { bibs: settings.data.voided.join(', ') })}</span>}
      </p>
      <ErrorBanner error={failure} />
      <form className="form-grid" onSubmit={(e) => void save(e)} noValidate>
        <div className="field span-2">
          <label htmlFor="bib-rule">{t('bibs.rule')}</label>
          <select id="bib-rule" value={values.rule} onChange={(e) => setEdits({ ...values, rule: e.target.value as Rule })}>
            {rules.map((rule) => (
              <option key={rule} value={rule}>
                {t(`bibs.rules.${rule}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('bibs.reserved')}
          value={values.reserved}
          onChange={(e) => setEdits({ ...values, reserved: e.target.value })}
          hint={t('bibs.reservedHint')}
          placeholder={t('bibs.reservedPlaceholder')}
          error={errors.reserved}
          optional
        />
        <Field
          label={t('bibs.excluded')}
          value={values.excluded}
          onChange={(e) => setEdits({ ...values, excluded: e.target.value })}
          hint={t('bibs.excludedHint')}
          placeholder="13, 666"
          error={errors.excluded}
          optional
        />
        <div className="form-actions span-2">
          <button type="submit" className="button" disabled={!dirty || busy}>
            {t('bibs.saveSettings')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void preview()} disabled={busy || race.bibRanges.length === 0}>
            {t('bibs.preview')}
          </button>
        </div>
      </form>
      {plan !== null && (
        <div className="plan" role="region" aria-label={t('bibs.preview')} aria-live="polite">
          {plan.missing > 0 ? (
            <p className="field-error">{t('bibs.planMissing', { missing: plan.missing })}</p>
          ) : plan.changes.length === 0 && plan.reseeded === 0 ? (
            <p className="all-good">{t('bibs.planNothing')}</p>
          ) : (
            <p className="plan-summary">{t('bibs.planSummary', { count: plan.changes.length, unchanged: plan.unchanged })}</p>
          )}
          {plan.changes.length > 0 && (
            <ol className="plan-changes">
              {plan.changes.slice(0, shownChanges).map((change) => (
                <li key={change.entrantId}>{t('bibs.change', { name: change.name, from: change.from ?? '—', to: change.to })}</li>
              ))}
            </ol>
          )}
          {plan.changes.length > shownChanges && <p className="muted">{t('bibs.moreChanges', { count: plan.changes.length - shownChanges })}</p>}
          {plan.waves.length > 0 && (
            <p className="plan-waves">
              {t('bibs.waveLineUp', { waves: plan.waves.map((w) => t('bibs.waveCount', { name: w.name, count: w.runners })).join(' · ') })}
            </p>
          )}
          {plan.missing === 0 && (plan.changes.length > 0 || plan.reseeded > 0) && (
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={() => void apply()} disabled={busy}>
                {plan.changes.length > 0 ? t('bibs.apply', { count: plan.changes.length }) : t('bibs.applySeeding', { count: plan.reseeded })}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
