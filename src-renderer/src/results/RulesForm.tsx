import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import type { BandAdaptation, ResultRules } from '../../../src-shared/contract/result-rules'
import { useCall } from '../client/use-call'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { useDraft } from '../ui/use-draft'
import { CountField } from '../ui/CountField'
import { DivisionAwardFields } from './DivisionAwardFields'
import { TeamRulesFields } from './TeamRulesFields'

type RaceInfo = CommandOutput<'results.races'>['races'][number]

/** How a race is ranked, rounded and awarded; saving works every place out again. */
export function RulesForm({ race, reload }: { race: RaceInfo; reload: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const { edits, setEdits: setRules, committed } = useDraft<ResultRules, ResultRules>(race.rules, reload)
  const rules = edits ?? race.rules
  const editing = edits !== null
  const { call, failure } = useCall()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const result = await call('races.update', { id: race.id, ...rules })
    if (!result.ok) return
    committed()
    notify(t('results.rules.saved'))
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="rules-form">
      <h2>{t('results.rules.title', { race: race.name })}</h2>
      <div className="form-grid">
        <fieldset className="radio-group span-2">
          <legend>{t('results.rules.ranking')}</legend>
          {(['gun', 'net'] as const).map((basis) => (
            <label key={basis} className="radio">
              <input
                type="radio"
                name="ranking"
                checked={rules.ranking === basis}
                onChange={() => setRules({ ...rules, ranking: basis })}
                data-testid={`ranking-${basis}`}
              />
              {t(basis === 'gun' ? 'results.rules.rankingGun' : 'results.rules.rankingNet')}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="rules-precision">{t('results.rules.precision')}</label>
          <select id="rules-precision" value={rules.precision} onChange={(e) => setRules({ ...rules, precision: e.target.value as ResultRules['precision'] })}>
            <option value="s">{t('results.rules.precisionS')}</option>
            <option value="ds">{t('results.rules.precisionDs')}</option>
            <option value="cs">{t('results.rules.precisionCs')}</option>
          </select>
        </div>
        <BandFields bands={rules.bands} onChange={(bands) => setRules({ ...rules, bands })} />
        <CountField
          id="rules-overall"
          label={t('results.rules.awardOverall')}
          value={rules.awardOverall}
          onChange={(awardOverall) => setRules({ ...rules, awardOverall })}
        />
        <CountField
          id="rules-category"
          label={t('results.rules.awardCategory')}
          value={rules.awardCategory}
          onChange={(awardCategory) => setRules({ ...rules, awardCategory })}
        />
        {race.ageGrading && (
          <CountField
            id="rules-age-graded"
            label={t('results.rules.awardAgeGraded')}
            value={rules.awardAgeGraded}
            onChange={(awardAgeGraded) => setRules({ ...rules, awardAgeGraded })}
          />
        )}
        <label className="checkbox span-2">
          <input type="checkbox" checked={rules.awardExcludeOverall} onChange={(e) => setRules({ ...rules, awardExcludeOverall: e.target.checked })} />
          {t('results.rules.excludeOverall')}
        </label>
        <DivisionAwardFields awards={rules.divisions} divisions={race.divisions} onChange={(divisions) => setRules({ ...rules, divisions })} />
        <TeamRulesFields rules={rules} setRules={setRules} />
      </div>
      <ErrorBanner error={failure} />
      <div className="form-actions">
        {editing && <span className="unsaved">{t('common.unsavedChanges')}</span>}
        <button type="submit" className="button button-primary" disabled={!editing} data-testid="rules-save">
          {t('results.rules.save')}
        </button>
      </div>
    </form>
  )
}

/** Age bands as set, or split and merged by how many runners each holds. */
function BandFields({ bands, onChange }: { bands: BandAdaptation | null; onChange: (bands: BandAdaptation | null) => void }) {
  const { t } = useTranslation()
  const runners = bands?.runners ?? 10
  return (
    <>
      <div className="field">
        <label htmlFor="rules-bands">{t('results.rules.bands')}</label>
        <select
          id="rules-bands"
          value={bands?.adapt ?? 'fixed'}
          onChange={(e) => onChange(e.target.value === 'fixed' ? null : { adapt: e.target.value as BandAdaptation['adapt'], runners })}
          aria-describedby="rules-bands-hint"
        >
          <option value="fixed">{t('results.rules.bandsFixed')}</option>
          <option value="split">{t('results.rules.bandsSplit')}</option>
          <option value="merge">{t('results.rules.bandsMerge')}</option>
        </select>
        <p className="field-hint" id="rules-bands-hint">
          {t('results.rules.bandsHint')}
        </p>
      </div>
      {bands !== null && (
        <CountField
          id="rules-bands-runners"
          label={t('results.rules.bandsRunners')}
          value={runners}
          min={2}
          max={10_000}
          onChange={(n) => onChange({ ...bands, runners: n })}
        />
      )}
    </>
  )
}
