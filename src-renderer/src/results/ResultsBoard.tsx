import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResultRow } from '../../../src-shared/contract/results'
import { formatResultTime } from '../../../src-shared/results/format'
import { useCommand } from '../client/use-command'
import { resultTopics } from './topics'
import { personName } from '../../../src-shared/names/person-name'

/**
 * The finish-line TV: the latest finishers and the leaders of each race, in type readable across
 * a tent. It follows every new time as it is committed (the desks' change events), so a finisher
 * appears within a second of the official's key press.
 */
export function ResultsBoard({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation()
  const board = useCommand('results.board', { last: 10, leaders: 3 }, resultTopics)
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onExit()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onExit])
  const data = board.data
  const time = (r: ResultRow): string => formatResultTime(r.gunTimeMs, 's')

  return (
    <main className="board" data-testid="board">
      <header className="board-header">
        <h1>{data?.eventName ?? ''}</h1>
        {data !== undefined && (
          <p>
            {t('board.finishers', { count: data.finishers })} · {t('board.onCourse', { count: data.onCourse })}
          </p>
        )}
      </header>
      <div className="board-columns">
        <section className="board-latest" aria-labelledby="board-latest-title">
          <h2 id="board-latest-title">{t('board.latest')}</h2>
          {data !== undefined && data.latest.length === 0 && <p className="board-waiting">{t('board.waiting')}</p>}
          {data !== undefined && data.latest.length > 0 && (
            <div className="board-row board-head" aria-hidden="true">
              <span className="board-place">{t('board.place')}</span>
              <span className="board-bib">{t('board.bib')}</span>
              <span className="board-name">{t('board.runner')}</span>
              <span className="board-time">{t('board.time')}</span>
            </div>
          )}
          <ol className="board-rows" aria-live="polite">
            {data?.latest.map((r) => (
              <li key={r.entrantId} className="board-row" data-bib={r.bib ?? ''}>
                <span className="board-place">{r.place ?? ''}</span>
                <span className="board-bib">{r.bib}</span>
                <span className="board-name">
                  {personName(r.givenName, r.familyName)}
                  <small>
                    {r.race}
                    {r.category !== null && ` · ${r.category}`}
                  </small>
                </span>
                <span className="board-time">{time(r)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="board-leaders" aria-labelledby="board-leaders-title">
          <h2 id="board-leaders-title">{t('board.leaders')}</h2>
          {data?.leaders.map((race) => (
            <div key={race.raceId} className="board-race">
              <h3>
                {race.race}
                {race.provisional && <span className="board-provisional">{t('board.provisional')}</span>}
              </h3>
              {race.sexes.map((group) => (
                <div key={group.sex} className="board-sex">
                  <h4>{t(`results.sexes.${group.sex}`)}</h4>
                  <ol>
                    {group.rows.map((r) => (
                      <li key={r.entrantId}>
                        <span className="board-name">{personName(r.givenName, r.familyName)}</span>
                        <span className="board-time">{formatResultTime(race.ranking === 'gun' ? r.gunTimeMs : r.netTimeMs, 's')}</span>
                      </li>
                    ))}
                  </ol>
                </div>
              ))}
              {race.teams.length > 0 && (
                <div className="board-sex board-teams" data-testid="board-teams">
                  <h4>{t('board.teams')}</h4>
                  <ol>
                    {race.teams.map((team) => (
                      <li key={`${team.sex ?? ''}${team.team}`}>
                        <span className="board-name">
                          {team.place}. {team.team}
                          {team.sex !== null && ` · ${t(`results.sexes.${team.sex}`)}`}
                        </span>
                        <span className="board-time">{team.score}</span>
                      </li>
                    ))}
                  </ol>
                </div>
              )}
            </div>
          ))}
        </section>
      </div>
      <p className="board-leave">{t('board.leave')}</p>
    </main>
  )
}
