import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Race } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { PrintPanel } from '../print/PrintPanel'
import { ChipsPanel } from './ChipsPanel'
import { NumberingPanel } from './NumberingPanel'
import { SwapPanel } from './SwapPanel'

export function BibsDesk() {
  const { t } = useTranslation()
  const races = useCommand('races.list', {}, ['races'])
  const [raceId, setRaceId] = useState<number | null>(null)
  const list = races.data ?? []
  const race: Race | undefined = list.find((r) => r.id === raceId) ?? list[0]

  return (
    <section className="bibs" aria-labelledby="bibs-title">
      <header className="desk-header">
        <h1 id="bibs-title">{t('bibs.title')}</h1>
        <p className="muted">{t('bibs.intro')}</p>
      </header>
      <ErrorBanner error={races.error} onRetry={races.reload} />
      {races.data !== undefined && list.length === 0 && <p className="empty">{t('bibs.noRaces')}</p>}
      {race !== undefined && (
        <>
          <div className="race-tabs" role="tablist" aria-label={t('bibs.race')}>
            {list.map((r) => (
              <button key={r.id} type="button" role="tab" aria-selected={r.id === race.id} className="race-tab" onClick={() => setRaceId(r.id)}>
                {r.colour !== null && <span className="swatch" style={{ background: r.colour }} />}
                {r.name}
              </button>
            ))}
          </div>
          <NumberingPanel key={race.id} race={race} />
          <PrintPanel races={list} />
          <SwapPanel />
          <ChipsPanel />
        </>
      )}
    </section>
  )
}
