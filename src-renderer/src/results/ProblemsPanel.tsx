import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResultProblem } from '../../../src-shared/contract/results'
import { formatResultTime } from '../../../src-shared/results/format'
import { useCommand } from '../client/use-command'
import { timeOfDay } from '../finish/times'
import { ErrorBanner } from '../ui/ErrorBanner'
import { resultTopics } from './topics'
import { useCall } from '../client/use-call'

/** What an official clears before publishing: each problem fixed, or checked with a note. */
// How far a time was ahead of the office's clock, or before the first gun, rather than a runner's time.
const timesKey: Partial<Record<ResultProblem['kind'], string>> = { futureTime: 'results.problems.ahead', beforeFirstGun: 'results.problems.beforeGun' }

export function ProblemsPanel({ canCheck }: { canCheck: boolean }) {
  const { t } = useTranslation()
  const problems = useCommand('results.problems', {}, resultTopics)
  const event = useCommand('event.get', {}, ['event'])
  const [showChecked, setShowChecked] = useState(false)
  const zone = event.data?.timeZone ?? 'UTC'
  const list = (problems.data?.problems ?? []).filter((p) => showChecked || p.checked === null)

  return (
    <div className="card">
      <div className="card-header">
        <h2>
          {t('results.problems.title')}
          <span className="count">{problems.data?.open ?? ''}</span>
        </h2>
        <label className="checkbox">
          <input type="checkbox" checked={showChecked} onChange={(e) => setShowChecked(e.target.checked)} />
          {t('results.problems.showChecked')}
        </label>
      </div>
      <p className="muted">{t('results.problems.intro')}</p>
      <ErrorBanner error={problems.error} onRetry={problems.reload} />
      {problems.data !== undefined && list.length === 0 && <p className="all-good">{t('results.problems.none')}</p>}
      <ul className="problem-list" data-testid="problems">
        {list.map((p) => (
          <li key={p.key} className={`problem ${p.checked !== null ? 'problem-checked' : ''}`} data-kind={p.kind}>
            <div className="problem-what">
              <strong>{t(`results.problems.kinds.${p.kind}`)}</strong>
              <span>
                {[
                  p.race,
                  p.bib !== null ? `${t('results.bib')} ${p.bib}` : null,
                  p.name,
                  p.device !== null ? t('results.problems.device', { device: p.device }) : null,
                  p.count !== null ? t('results.problems.count', { count: p.count }) : null,
                  p.atMs !== null ? t('results.problems.at', { time: timeOfDay(p.atMs, zone) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {p.timesMs.length > 0 && (
                <span className="muted">
                  {t(timesKey[p.kind] ?? 'results.problems.times', { times: p.timesMs.map((ms) => formatResultTime(ms, 's')).join(', ') })}
                </span>
              )}
              {p.checked !== null && <span className="muted">{t('results.problems.checked', { actor: p.checked.actor, note: p.checked.note })}</span>}
              {p.candidates.length > 0 && <NearMisses problem={p} canFix={canCheck} />}
              {p.kind === 'crossCheck' && <span className="muted">{t('results.problems.crossCheckHint')}</span>}
            </div>
            {canCheck && p.checked === null && p.kind !== 'crossCheck' && <CheckForm problem={p} />}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A bib nobody wears: the bibs it most likely meant, and (for a finish-line time) the fix in one click. */
function NearMisses({ problem, canFix }: { problem: ResultProblem; canFix: boolean }) {
  const { t } = useTranslation()
  const { call, busy, failure } = useCall()
  const fix = async (bib: number): Promise<void> => {
    if (problem.captureId === null) return
    await call('timing.correct', {
      action: 'editBib',
      captureId: problem.captureId,
      bib,
      reason: t('results.problems.nearMissReason', { typed: problem.bib, bib }),
    })
  }
  return (
    <div className="near-misses">
      <span className="muted">{t('results.problems.perhaps')}</span>
      {problem.candidates.map((c) =>
        canFix && problem.captureId !== null ? (
          <button key={c.bib} type="button" className="button button-quiet" disabled={busy} onClick={() => void fix(c.bib)}>
            {t('results.problems.itIs', { bib: c.bib, name: c.name, race: c.race })}
          </button>
        ) : (
          <span key={c.bib}>{t('results.problems.candidate', { bib: c.bib, name: c.name, race: c.race })}</span>
        ),
      )}
      <ErrorBanner error={failure} />
    </div>
  )
}

function CheckForm({ problem }: { problem: ResultProblem }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const { call, failure } = useCall()
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    await call('results.checkProblem', { key: problem.key, note: note.trim() })
  }
  const id = `check-${problem.key.replace(/[^a-z0-9]/gi, '')}`
  return (
    <form className="problem-check" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        {t('results.problems.note')}
      </label>
      <input
        id={id}
        value={note}
        maxLength={300}
        placeholder={t('results.problems.notePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
        data-testid="problem-note"
      />
      <button type="submit" className="button" disabled={note.trim() === ''} data-testid="problem-check">
        {t('results.problems.check')}
      </button>
      <ErrorBanner error={failure} />
    </form>
  )
}
