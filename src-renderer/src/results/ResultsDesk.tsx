import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../app/session'
import { useCommand } from '../client/use-command'
import { KioskStartDialog } from '../checkin/KioskStartDialog'
import { KioskLock } from '../checkin/kiosk-lock'
import { ErrorBanner } from '../ui/ErrorBanner'
import { AwardsPanel } from './AwardsPanel'
import { ProblemsPanel } from './ProblemsPanel'
import { PublishPanel } from './PublishPanel'
import { ResultsTable } from './ResultsTable'
import { TeamsPanel } from './TeamsPanel'
import { resultTopics } from './topics'

const sections = ['list', 'problems', 'awards', 'teams', 'publish'] as const
type Section = (typeof sections)[number]

/** Results per race with their problems, awards, rules and exports; every screen stays live. */
export function ResultsDesk({ onScreen }: { onScreen: (screen: 'board' | 'results-kiosk') => void }) {
  const { t } = useTranslation()
  const { info } = useSession()
  const organiser = info.role === 'organiser'
  const overview = useCommand('results.races', {}, resultTopics)
  const [raceId, setRaceId] = useState<number | null>(null)
  const [section, setSection] = useState<Section>('list')
  const [startingKiosk, setStartingKiosk] = useState(false)
  const races = overview.data?.races ?? []
  const race = races.find((r) => r.id === raceId) ?? races[0]
  const open = overview.data?.openProblems ?? 0
  // Rules and exports are the organiser's; a viewer desk reads.
  const shown = organiser ? sections : sections.filter((s) => s !== 'publish')

  return (
    <section aria-labelledby="results-title">
      <header className="desk-header desk-header-row">
        <div>
          <h1 id="results-title">{t('results.title')}</h1>
          <p className="muted">{t('results.intro')}</p>
        </div>
        <div className="results-screens">
          <button type="button" className="button" onClick={() => onScreen('board')} data-testid="open-board">
            {t('results.screens.board')}
          </button>
          <button type="button" className="button" onClick={() => setStartingKiosk(true)} data-testid="open-results-kiosk">
            {t('results.screens.kiosk')}
          </button>
        </div>
      </header>
      {startingKiosk && (
        <KioskStartDialog
          title={t('resultsKiosk.startTitle')}
          onClose={() => setStartingKiosk(false)}
          onStart={(pin) => {
            new KioskLock(window.sessionStorage).start(pin)
            onScreen('results-kiosk')
          }}
        />
      )}
      <ErrorBanner error={overview.error} onRetry={overview.reload} />
      {overview.data !== undefined && (
        <p className={`provisional ${open > 0 ? 'provisional-open' : 'provisional-clear'}`} role="status" data-testid="provisional">
          {open > 0 ? t('results.provisional', { count: open }) : t('results.allChecked')}
        </p>
      )}
      {overview.data !== undefined && race === undefined && <p className="empty">{t('results.noRaces')}</p>}
      {race !== undefined && (
        <>
          <div className="race-tabs" role="tablist" aria-label={t('results.title')}>
            {races.map((r) => (
              <button key={r.id} type="button" role="tab" aria-selected={r.id === race.id} className="race-tab" onClick={() => setRaceId(r.id)}>
                {r.name}
                <span className="count">{r.counts.finished}</span>
              </button>
            ))}
          </div>
          <p className="results-rules muted">
            {t(`results.rankedBy.${race.rules.ranking}`)} · {t(`results.precision.${race.rules.precision}`)} ·{' '}
            {(['finished', 'onCourse', 'DNS', 'DNF', 'DQ'] as const).map((s) => `${race.counts[s]} ${t(`results.counts.${s}`)}`).join(' · ')}
          </p>
          <nav className="section-tabs" role="tablist" aria-label={race.name}>
            {shown.map((s) => (
              <button
                key={s}
                type="button"
                role="tab"
                aria-selected={section === s}
                className="section-tab"
                onClick={() => setSection(s)}
                data-testid={`results-tab-${s}`}
              >
                {t(`results.tabs.${s}`)}
                {s === 'problems' && open > 0 && <span className="badge badge-warn">{open}</span>}
              </button>
            ))}
          </nav>
          {section === 'list' && <ResultsTable key={race.id} race={race} canDecide={organiser} />}
          {section === 'problems' && <ProblemsPanel canCheck={organiser} />}
          {section === 'awards' && <AwardsPanel race={race} canPrint={organiser} />}
          {section === 'teams' && <TeamsPanel race={race} canPrint={organiser} />}
          {section === 'publish' && organiser && <PublishPanel race={race} reload={overview.reload} />}
        </>
      )}
    </section>
  )
}
