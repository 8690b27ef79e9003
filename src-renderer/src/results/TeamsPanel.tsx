import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import type { TeamRules } from '../../../src-shared/contract/result-rules'
import { formatResultTime } from '../../../src-shared/results/format'
import { useCommand } from '../client/use-command'
import { DocumentButton } from '../print/DocumentButton'
import { ErrorBanner } from '../ui/ErrorBanner'
import { printLanguage } from './documents'
import { resultTopics } from './topics'

type RaceInfo = CommandOutput<'results.races'>['races'][number]

/** The rule in the screen's words, said above every team list. */
export function useTeamRuleText(): (rules: TeamRules) => string {
  const { t } = useTranslation()
  return (rules) =>
    t('results.teams.rule', {
      from: t(`results.teams.froms.${rules.from}`),
      size: rules.size,
      who: rules.sex === 'mixed' ? t('results.teams.sexes.mixed', { count: rules.mixedMin }) : t(`results.teams.sexes.${rules.sex}`),
      how: t(rules.score === 'times' ? 'results.teams.scores.times' : `results.teams.scores.${rules.places}`),
    })
}

/** A race's team results as they stand: complete teams by place, then the incomplete ones. */
export function TeamsPanel({ race, canPrint }: { race: RaceInfo; canPrint: boolean }) {
  const { t, i18n } = useTranslation()
  const teams = useCommand('results.teams', { raceId: race.id }, resultTopics)
  const ruleText = useTeamRuleText()
  const rules = race.rules.teams
  const result = teams.data?.races[0]
  const time = (ms: number): string => formatResultTime(ms, race.rules.precision)
  return (
    <div className="card" data-testid="teams">
      <div className="card-header">
        <h2>{t('results.teams.title')}</h2>
        {canPrint && rules !== null && (
          <DocumentButton
            label={t('results.teams.print')}
            request={{ kind: 'teams', raceId: race.id, language: printLanguage(i18n.language) }}
            testId="print-teams"
          />
        )}
      </div>
      {rules === null ? (
        <p className="muted">{t('results.teams.none')}</p>
      ) : (
        <>
          <p className="muted" data-testid="teams-rule">
            {ruleText(rules)}
          </p>
          {result?.provisional === true && <p className="badge badge-warn">{t('results.awards.provisional')}</p>}
          <ErrorBanner error={teams.error} onRetry={teams.reload} />
          {result !== undefined && result.teams.length === 0 && <p className="empty">{t('results.teams.noTeams')}</p>}
          <table className="table results-table">
            <thead>
              <tr>
                <th className="numeric">{t('results.place')}</th>
                <th>{t('results.teams.team')}</th>
                <th className="numeric">{t('results.teams.score')}</th>
                <th>{t('results.teams.scorers')}</th>
              </tr>
            </thead>
            <tbody>
              {result?.teams.map((team) => (
                <tr key={`${team.sex ?? ''}${team.team}`} className={team.complete ? '' : 'team-incomplete'}>
                  <td className="numeric result-place">{team.place ?? <span className="status-word">{t('results.teams.incomplete')}</span>}</td>
                  <td>
                    <strong>{team.team}</strong>
                    {team.sex !== null && <span className="muted"> · {t(`results.sexes.${team.sex}`)}</span>}
                  </td>
                  <td className="numeric">{rules.score === 'times' ? time(team.score) : team.score}</td>
                  <td className="muted team-scorers">{team.scorers.map((s) => `${s.bib ?? ''} ${s.name} (${s.place}, ${time(s.timeMs)})`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
