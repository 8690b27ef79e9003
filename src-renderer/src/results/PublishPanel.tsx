import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, CommandOutput } from '../../../src-shared/contract'
import type { ResultRules, TeamRules } from '../../../src-shared/contract/result-rules'
import type { exportFormats } from '../../../src-shared/contract/results'
import { useClient } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { saveExported } from '../ui/save-file'
import { useDraft } from '../ui/use-draft'
import { DocumentButton } from '../print/DocumentButton'
import { printLanguage } from './documents'
import { useCall } from '../client/use-call'

type RaceInfo = CommandOutput<'results.races'>['races'][number]

/** A race's result rules, and the results as files: spreadsheet, website, PDF lists. */
export function PublishPanel({ race, reload }: { race: RaceInfo; reload: () => void }) {
  return (
    <>
      <RulesForm race={race} reload={reload} />
      <Exports race={race} />
    </>
  )
}

function RulesForm({ race, reload }: { race: RaceInfo; reload: () => void }) {
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
  const count = (value: string): number => Math.max(0, Math.min(50, Math.round(Number(value) || 0)))
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
        <div className="field">
          <label htmlFor="rules-overall">{t('results.rules.awardOverall')}</label>
          <input
            id="rules-overall"
            type="number"
            min={0}
            max={50}
            value={rules.awardOverall}
            onChange={(e) => setRules({ ...rules, awardOverall: count(e.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="rules-category">{t('results.rules.awardCategory')}</label>
          <input
            id="rules-category"
            type="number"
            min={0}
            max={50}
            value={rules.awardCategory}
            onChange={(e) => setRules({ ...rules, awardCategory: count(e.target.value) })}
          />
        </div>
        {race.ageGrading && (
          <div className="field">
            <label htmlFor="rules-age-graded">{t('results.rules.awardAgeGraded')}</label>
            <input
              id="rules-age-graded"
              type="number"
              min={0}
              max={50}
              value={rules.awardAgeGraded}
              onChange={(e) => setRules({ ...rules, awardAgeGraded: count(e.target.value) })}
            />
          </div>
        )}
        <TeamRulesFields rules={rules} setRules={setRules} />
        <label className="checkbox span-2">
          <input type="checkbox" checked={rules.awardExcludeOverall} onChange={(e) => setRules({ ...rules, awardExcludeOverall: e.target.checked })} />
          {t('results.rules.excludeOverall')}
        </label>
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

type ExportFormat = (typeof exportFormats)[number]

function Exports({ race }: { race: RaceInfo }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const notify = useNotify()
  const [scope, setScope] = useState<'race' | 'all'>('race')
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const language = printLanguage(i18n.language)
  const raceId = scope === 'race' ? { raceId: race.id } : {}

  // ITRA and UltraSignup take one file per race: always this race's.
  const save = async (format: ExportFormat): Promise<void> => {
    setBusy(format)
    const result = await client.call('results.export', { format, language, ...(format === 'itra' || format === 'ultrasignup' ? { raceId: race.id } : raceId) })
    setBusy(null)
    if (!result.ok) return setFailure(result.error)
    setFailure(null)
    saveExported(result.value)
    notify(t('results.publish.exported', { file: result.value.fileName }))
  }

  return (
    <div className="card">
      <h2>{t('results.publish.title')}</h2>
      <p className="muted">{t('results.publish.intro')}</p>
      <div className="radio-row" role="radiogroup" aria-label={t('results.publish.title')}>
        {(['race', 'all'] as const).map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="export-scope" checked={scope === s} onChange={() => setScope(s)} />
            {s === 'race' ? `${t('results.publish.thisRace')} (${race.name})` : t('results.publish.allRaces')}
          </label>
        ))}
      </div>
      <ul className="exports">
        <li>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void save('csv')} data-testid="export-csv">
            {t('results.publish.csv')}
          </button>
          <span className="muted">{t('results.publish.csvHint')}</span>
        </li>
        <li>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void save('html')} data-testid="export-html">
            {t('results.publish.site')}
          </button>
          <span className="muted">{t('results.publish.siteHint')}</span>
        </li>
        {(['itra', 'ultrasignup'] as const).map((format) => (
          <li key={format}>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void save(format)} data-testid={`export-${format}`}>
              {t(`results.publish.${format}`)}
            </button>
            <span className="muted">{t(`results.publish.${format}Hint`, { race: race.name })}</span>
          </li>
        ))}
        <li>
          <DocumentButton label={t('results.publish.pdf')} request={{ kind: 'results', language, ...raceId }} testId="print-results" />
          <span className="muted">{t('results.publish.pdfHint')}</span>
        </li>
      </ul>
      {busy !== null && (
        <p className="busy" role="status">
          <span className="spinner" aria-hidden="true" /> {t('results.publish.exporting')}
        </p>
      )}
      <ErrorBanner error={failure} />
    </div>
  )
}

const defaultTeams: TeamRules = { score: 'places', size: 4, sex: 'open', mixedMin: 1, places: 'team' }

/** How the race scores teams: none, or the first N by the sum of places or times, open, by sex or mixed. */
function TeamRulesFields({ rules, setRules }: { rules: ResultRules; setRules: (rules: ResultRules) => void }) {
  const { t } = useTranslation()
  const teams = rules.teams
  const set = (change: Partial<TeamRules>): void => setRules({ ...rules, teams: { ...(teams ?? defaultTeams), ...change } })
  const whole = (value: string, max: number): number => Math.max(1, Math.min(max, Math.round(Number(value) || 1)))
  return (
    <fieldset className="span-2 team-rules" data-testid="team-rules">
      <legend>{t('results.teams.rules')}</legend>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="teams-score">{t('results.teams.scoreBy')}</label>
          <select
            id="teams-score"
            value={teams === null ? 'none' : teams.score === 'times' ? 'times' : teams.places}
            onChange={(e) => {
              const value = e.target.value
              if (value === 'none') setRules({ ...rules, teams: null })
              else if (value === 'times') set({ score: 'times' })
              else set({ score: 'places', places: value === 'overall' ? 'overall' : 'team' })
            }}
          >
            <option value="none">{t('results.teams.scoreNone')}</option>
            <option value="team">{t('results.teams.scores.team')}</option>
            <option value="overall">{t('results.teams.scores.overall')}</option>
            <option value="times">{t('results.teams.scores.times')}</option>
          </select>
        </div>
        {teams !== null && (
          <>
            <div className="field">
              <label htmlFor="teams-size">{t('results.teams.size')}</label>
              <input id="teams-size" type="number" min={1} max={20} value={teams.size} onChange={(e) => set({ size: whole(e.target.value, 20) })} />
            </div>
            <div className="field">
              <label htmlFor="teams-sex">{t('results.teams.sexLabel')}</label>
              <select id="teams-sex" value={teams.sex} onChange={(e) => set({ sex: e.target.value as TeamRules['sex'] })}>
                <option value="open">{t('results.teams.sexes.open')}</option>
                <option value="bySex">{t('results.teams.sexes.bySex')}</option>
                <option value="mixed">{t('results.teams.sexes.mixed', { count: teams.mixedMin })}</option>
              </select>
            </div>
            {teams.sex === 'mixed' && (
              <div className="field">
                <label htmlFor="teams-mixed">{t('results.teams.mixedMin')}</label>
                <input id="teams-mixed" type="number" min={1} max={10} value={teams.mixedMin} onChange={(e) => set({ mixedMin: whole(e.target.value, 10) })} />
              </div>
            )}
          </>
        )}
      </div>
    </fieldset>
  )
}
