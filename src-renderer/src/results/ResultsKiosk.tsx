import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { readBibScanCode } from '../../../src-shared/contract/scan-code'
import { formatAgeGrade, formatResultTime, pacePerKm } from '../../../src-shared/results/format'
import { LeaveKiosk } from '../checkin/Kiosk'
import { errorText } from '../ui/messages'
import { personName } from '../../../src-shared/names/person-name'
import { useCall } from '../client/use-call'

type Found = CommandOutput<'results.runner'>
const idleMs = 60_000

/** A screen for finishers: a bib typed or scanned shows their times, splits and places, and prints a slip. */
export function ResultsKiosk({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [found, setFound] = useState<Found | null>(null)
  const [problem, setProblem] = useState<{ key: 'notFound' | 'notFinished'; bib: number } | null>(null)
  const { attempt, failure, setFailure } = useCall()
  const [leaving, setLeaving] = useState(false)
  const box = useRef<HTMLInputElement>(null)

  const restart = useCallback((): void => {
    setFound(null)
    setProblem(null)
    setFailure(null)
    setText('')
    box.current?.focus()
  }, [setFailure])

  // The next runner finds a clean screen.
  useEffect(() => {
    if (found === null && problem === null) return
    const timer = setTimeout(restart, idleMs)
    return () => clearTimeout(timer)
  }, [found, problem, restart])

  const look = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const bib = readBibScanCode(text)?.bib ?? Number(text.trim())
    if (!Number.isInteger(bib) || bib <= 0) return setText('')
    const result = await attempt('results.runner', { bib })
    setText('')
    if (!result.ok) {
      if (result.error.code === 'NOT_FOUND') return setProblem({ key: 'notFound', bib })
      return setFailure(result.error)
    }
    if (result.value.row.status === 'onCourse') return setProblem({ key: 'notFinished', bib })
    setProblem(null)
    setFound(result.value)
  }

  const row = found?.row
  const precision = found?.race.rules.precision ?? 's'
  const time = (ms: number | null): string => formatResultTime(ms, precision)
  const official = row === undefined ? null : found?.race.rules.ranking === 'net' ? row.netTimeMs : row.gunTimeMs

  return (
    <main className="kiosk results-kiosk" data-testid="results-kiosk">
      {row === undefined && (
        <form className="kiosk-panel" onSubmit={(e) => void look(e)}>
          <h1>{t('resultsKiosk.title')}</h1>
          <label htmlFor="results-kiosk-bib" className="kiosk-lead">
            {t('resultsKiosk.prompt')}
          </label>
          <input
            id="results-kiosk-bib"
            ref={box}
            className="kiosk-input"
            value={text}
            autoFocus
            autoComplete="off"
            inputMode="numeric"
            onChange={(e) => setText(e.target.value)}
            aria-label={t('resultsKiosk.bibLabel')}
            data-testid="results-kiosk-bib"
          />
          <div className="kiosk-actions">
            <button type="submit" className="button button-primary kiosk-button">
              {t('resultsKiosk.show')}
            </button>
          </div>
          {problem !== null && (
            <p className="kiosk-lead kiosk-warning" role="alert">
              {t(`resultsKiosk.${problem.key}`, { bib: problem.bib })}
            </p>
          )}
          {failure !== null && (
            <p className="kiosk-lead kiosk-warning" role="alert">
              {errorText(t, failure)}
            </p>
          )}
        </form>
      )}
      {row !== undefined && found !== null && (
        <div className="kiosk-panel result-slip" data-testid="result-slip">
          <p className="slip-race">{row.race}</p>
          <h2 className="slip-name">{personName(row.givenName, row.familyName)}</h2>
          <p className="slip-bib">
            {t('results.bib')} {row.bib}
          </p>
          {row.status === 'finished' ? (
            <>
              <p className="slip-time" data-testid="slip-time">
                {time(official)}
              </p>
              <p className="slip-times">
                {t('results.gunTime')} {time(row.gunTimeMs)} · {t('results.netTime')} {time(row.netTimeMs)} ·{' '}
                {t('resultsKiosk.pace', { pace: pacePerKm(row.netTimeMs, found.race.distanceM) })}
              </p>
              {row.ageGradePct !== null && (
                <p className="slip-times" data-testid="slip-age-grade">
                  {t('resultsKiosk.ageGrade', { pct: formatAgeGrade(row.ageGradePct), time: time(row.ageGradedTimeMs) })}
                </p>
              )}
              {row.place !== null && (
                <ul className="slip-places">
                  <li>{t('resultsKiosk.place', { place: row.place, of: found.finishers })}</li>
                  {row.sexPlace !== null && (
                    <li>{t('resultsKiosk.sexPlace', { sex: t(`results.sexes.${row.sex}`), place: row.sexPlace, of: found.sexFinishers })}</li>
                  )}
                  {row.category !== null && row.categoryPlace !== null && (
                    <li>{t('resultsKiosk.categoryPlace', { category: row.category, place: row.categoryPlace, of: found.categoryFinishers })}</li>
                  )}
                </ul>
              )}
              {row.splits.length > 0 && (
                <table className="table slip-splits">
                  <tbody>
                    {row.splits.map((s) => (
                      <tr key={s.point}>
                        <th scope="row">{s.point}</th>
                        <td className="numeric">{time(found.race.rules.ranking === 'net' ? s.netTimeMs : s.gunTimeMs)}</td>
                        <td className="numeric">{s.position}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          ) : (
            <p className="slip-status">{t('resultsKiosk.decided', { status: t(`results.status.${row.status}`) })}</p>
          )}
          <div className="slip-actions">
            <button type="button" className="button button-primary kiosk-button" onClick={() => window.print()} data-testid="print-slip">
              {t('resultsKiosk.print')}
            </button>
            <button type="button" className="button kiosk-button" onClick={restart}>
              {t('resultsKiosk.again')}
            </button>
          </div>
        </div>
      )}
      {leaving ? (
        <LeaveKiosk onLeave={onExit} onStay={() => setLeaving(false)} />
      ) : (
        <button type="button" className="button button-quiet kiosk-exit" onClick={() => setLeaving(true)}>
          {t('kiosk.exit')}
        </button>
      )}
    </main>
  )
}
