import { useTranslation } from 'react-i18next'
import type { ResultRules, TeamRules } from '../../../src-shared/contract/result-rules'
import { CountField } from '../ui/CountField'

const defaultTeams: TeamRules = { score: 'places', size: 4, sex: 'open', mixedMin: 1, places: 'team', from: 'club' }

/** How the race scores teams: none, or the first N by the sum of places or times, open, by sex or mixed. */
export function TeamRulesFields({ rules, setRules }: { rules: ResultRules; setRules: (rules: ResultRules) => void }) {
  const { t } = useTranslation()
  const teams = rules.teams
  const set = (change: Partial<TeamRules>): void => setRules({ ...rules, teams: { ...(teams ?? defaultTeams), ...change } })
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
              <label htmlFor="teams-from">{t('results.teams.fromLabel')}</label>
              <select id="teams-from" value={teams.from} onChange={(e) => set({ from: e.target.value as TeamRules['from'] })}>
                <option value="club">{t('results.teams.fromOptions.club')}</option>
                <option value="team">{t('results.teams.fromOptions.team')}</option>
              </select>
            </div>
            <CountField id="teams-size" label={t('results.teams.size')} value={teams.size} min={1} max={20} onChange={(size) => set({ size })} />
            <div className="field">
              <label htmlFor="teams-sex">{t('results.teams.sexLabel')}</label>
              <select id="teams-sex" value={teams.sex} onChange={(e) => set({ sex: e.target.value as TeamRules['sex'] })}>
                <option value="open">{t('results.teams.sexes.open')}</option>
                <option value="bySex">{t('results.teams.sexes.bySex')}</option>
                <option value="mixed">{t('results.teams.sexes.mixed', { count: teams.mixedMin })}</option>
              </select>
            </div>
            <CountField
              id="teams-awards"
              label={t('results.teams.awards')}
              value={rules.awardTeams}
              max={20}
              onChange={(awardTeams) => setRules({ ...rules, awardTeams })}
            />
            {teams.sex === 'mixed' && (
              <CountField
                id="teams-mixed"
                label={t('results.teams.mixedMin')}
                value={teams.mixedMin}
                min={1}
                max={10}
                onChange={(mixedMin) => set({ mixedMin })}
              />
            )}
          </>
        )}
      </div>
    </fieldset>
  )
}
