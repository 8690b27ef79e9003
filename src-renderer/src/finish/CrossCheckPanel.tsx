import { useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CrossCheckFinding } from '../../../src-shared/contract/manual-timing'
import { useCall } from '../client/use-call'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import type { FinishDevice } from './device'
import { timeOfDay } from './times'

const seconds = (ms: number): string => `${ms >= 0 ? '+' : '−'}${(Math.abs(ms) / 1000).toFixed(2)} s`

/**
 * A backup timer's times against the point's own: each press the main timer missed or made twice,
 * and each pair too far apart, with the fix the office proposes. Enter takes the chosen finding's
 * fix, K keeps the main timer's times as they are; both are kept in the captures' history.
 */
export function CrossCheckPanel({ point, device, timeZone }: { point: string; device: FinishDevice; timeZone: string }) {
  const { t } = useTranslation()
  const checked = useCommand('timing.crossCheck', { point }, ['timing'])
  const { call, busy, failure } = useCall()
  const [chosen, setChosen] = useState(0)
  const data = checked.data
  if (data === undefined || data.backups.length === 0) return null
  const open = data.findings.filter((f) => f.fix !== 'none')
  const others = data.findings.filter((f) => f.fix === 'none')
  const current = open[Math.min(chosen, open.length - 1)]

  const apply = async (finding: CrossCheckFinding, action: 'fix' | 'keep'): Promise<void> => {
    const done = await call('timing.applyCrossCheck', { point, finding: finding.id, action, device: device.id, seq: device.nextSeq() })
    if (done.ok) checked.reload()
  }

  const onKey = (e: KeyboardEvent<HTMLOListElement>): void => {
    if (current === undefined || busy) return
    if (e.key === 'ArrowDown') setChosen(Math.min(open.length - 1, chosen + 1))
    else if (e.key === 'ArrowUp') setChosen(Math.max(0, chosen - 1))
    else if (e.key === 'Enter') void apply(current, 'fix')
    else if (e.key.toLowerCase() === 'k') void apply(current, 'keep')
    else return
    e.preventDefault()
  }

  const describe = (f: CrossCheckFinding): string => {
    const at = f.main ?? f.backup
    return t(`finish.crossCheck.kinds.${f.kind}`, {
      device: f.device,
      place: f.main?.order ?? '—',
      time: at === null ? '' : timeOfDay(at.atMs, timeZone),
      difference: f.differenceMs === null ? '' : seconds(f.differenceMs),
    })
  }

  return (
    <section className="card" aria-labelledby="cross-check-title" data-testid="cross-check">
      <div className="card-header">
        <h2 id="cross-check-title">{t('finish.crossCheck.title')}</h2>
        <span className="count">{t('finish.crossCheck.open', { count: open.length })}</span>
      </div>
      {data.backups.map((b) => (
        <p key={b.device} className="muted">
          {t('finish.crossCheck.backup', { device: b.device, times: b.times, matched: b.matched, main: data.mainTimes, offset: seconds(b.offsetMs) })}
        </p>
      ))}
      <ErrorBanner error={failure} />
      {open.length === 0 ? (
        <p className="cross-check-clear">{t('finish.crossCheck.clear')}</p>
      ) : (
        <>
          <p className="muted">{t('finish.crossCheck.keys')}</p>
          <ol
            className="cross-check-findings"
            role="listbox"
            tabIndex={0}
            aria-label={t('finish.crossCheck.title')}
            aria-activedescendant={current === undefined ? undefined : `finding-${open.indexOf(current)}`}
            onKeyDown={onKey}
          >
            {open.map((f, i) => (
              <li
                key={f.id}
                id={`finding-${i}`}
                role="option"
                aria-selected={f === current}
                className={`cross-check-finding ${f === current ? 'cross-check-current' : ''}`}
                onClick={() => setChosen(i)}
              >
                <span>
                  <strong>{describe(f)}</strong> — {t(`finish.crossCheck.fixes.${f.fix}`)}
                </span>
                <span className="button-row">
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void apply(f, 'fix')}>
                    {t('finish.crossCheck.apply')}
                  </button>
                  <button type="button" className="button" disabled={busy} onClick={() => void apply(f, 'keep')}>
                    {t('finish.crossCheck.keep')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {others.length > 0 && (
        <details>
          <summary>{t('finish.crossCheck.others', { count: others.length })}</summary>
          <ul>
            {others.map((f) => (
              <li key={f.id}>{describe(f)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
