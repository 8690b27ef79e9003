import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { formatAgeGrade, formatResultTime } from '../../../src-shared/results/format'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { DocumentButton } from '../print/DocumentButton'
import { printLanguage } from './documents'
import { resultTopics } from './topics'
import { personName } from '../../../src-shared/names/person-name'

type RaceInfo = CommandOutput<'results.races'>['races'][number]

/** Who goes up on the podium in this race, and the award list and certificates to print. */
export function AwardsPanel({ race, canPrint }: { race: RaceInfo; canPrint: boolean }) {
  const { t, i18n } = useTranslation()
  const awards = useCommand('results.awards', { raceId: race.id }, resultTopics)
  const award = awards.data?.races[0]
  const { rules } = race
  const time = (ms: number | null): string => formatResultTime(ms, rules.precision)
  const groups =
    award === undefined
      ? []
      : [
          ...award.overall.map((g) => ({ ...g, title: t('results.awards.overall', { sex: t(`results.sexes.${g.sex ?? 'X'}`) }), ageGraded: false })),
          ...award.categories.map((g) => ({ ...g, ageGraded: false })),
          ...award.ageGraded.map((g) => ({ ...g, title: t('results.awards.ageGraded', { sex: t(`results.sexes.${g.sex ?? 'X'}`) }), ageGraded: true })),
          ...award.divisions.map((g) => ({
            ...g,
            title: g.sex === null ? (g.division ?? '') : t('results.awards.divisionOfSex', { division: g.division, sex: t(`results.sexes.${g.sex}`) }),
            ageGraded: false,
          })),
        ]

  return (
    <div className="card">
      <div className="card-header">
        <h2>{t('results.awards.title')}</h2>
        {canPrint && (
          <div className="document-buttons">
            <DocumentButton
              label={t('results.awards.printList')}
              request={{ kind: 'awards', raceId: race.id, language: printLanguage(i18n.language) }}
              testId="print-awards"
            />
            <DocumentButton
              label={t('results.awards.printCertificates')}
              request={{ kind: 'certificates', raceId: race.id, language: printLanguage(i18n.language) }}
              testId="print-certificates"
            />
          </div>
        )}
      </div>
      <p className="muted">
        {t('results.awards.intro', { overall: rules.awardOverall, category: rules.awardCategory })}{' '}
        {t(rules.awardExcludeOverall ? 'results.awards.excluded' : 'results.awards.included')}
      </p>
      {award?.provisional === true && groups.length > 0 && (
        <p className="badge badge-warn" data-testid="awards-provisional">
          {t('results.awards.provisional')}
        </p>
      )}
      <ErrorBanner error={awards.error} onRetry={awards.reload} />
      {award !== undefined && groups.length === 0 && award.teams.length === 0 && <p className="empty">{t('results.awards.none')}</p>}
      <div className="award-groups" data-testid="awards">
        {groups.map((group) => (
          <section key={group.title} className="award-group">
            <h3>{group.title}</h3>
            <ol>
              {group.rows.map((r) => (
                <li key={r.entrantId}>
                  <span className="award-bib">{r.bib}</span>
                  <span className="award-name">{personName(r.givenName, r.familyName)}</span>
                  <span className="award-time">
                    {group.ageGraded ? formatAgeGrade(r.ageGradePct) : time(rules.ranking === 'gun' ? r.gunTimeMs : r.netTimeMs)}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
        {award?.teams.map((group) => (
          <section key={`teams-${group.sex ?? 'open'}`} className="award-group" data-testid="team-awards">
            <h3>{group.sex === null ? t('results.awards.teams') : t('results.awards.teamsOfSex', { sex: t(`results.sexes.${group.sex}`) })}</h3>
            <ol>
              {group.teams.map((team) => (
                <li key={team.team}>
                  <span className="award-bib">{team.place}</span>
                  <span className="award-name">{team.team}</span>
                  <span className="award-time">{rules.teams?.score === 'times' ? time(team.score) : team.score}</span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </div>
  )
}
