import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { useDraft } from '../ui/use-draft'
import { readTimingPoints, type SplitRow, type TimingPointsProblem } from './timing-points-form'
import { useCall } from '../client/use-call'

type Draft = { rows: SplitRow[]; window: string }

/** Splits between start and finish (captured and imported like the finish), and the chip-read window. */
export function TimingPoints() {
  const { t } = useTranslation()
  const notify = useNotify()
  const saved = useCommand('timing.points', {}, ['timing'])
  const { edits, setEdits, committed } = useDraft<Draft, typeof saved.data>(saved.data, saved.reload)
  const [problems, setProblems] = useState<TimingPointsProblem[]>([])
  const { call, failure } = useCall()
  if (saved.data === undefined) return null
  const values: Draft = edits ?? {
    rows: saved.data.splits.map((s) => ({ name: s.name, km: String(s.distanceM / 1000) })),
    window: String(saved.data.readWindowMs / 1000),
  }
  const rows = [...values.rows, { name: '', km: '' }]
  const problem = (row: number, field: 'name' | 'km'): boolean => problems.some((p) => p.field === field && 'row' in p && p.row === row)
  const setRow = (index: number, row: SplitRow): void =>
    setEdits({ ...values, rows: rows.map((r, i) => (i === index ? row : r)).filter((r, i) => i < rows.length - 1 || r.name !== '' || r.km !== '') })

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const read = readTimingPoints(values.rows, values.window)
    if (!read.ok) return setProblems(read.problems)
    setProblems([])
    const result = await call('timing.setPoints', read.input)
    if (!result.ok) return
    committed()
    notify(t('finish.points.saved'))
  }

  return (
    <section className="card" aria-labelledby="points-title">
      <h2 id="points-title">{t('finish.points.title')}</h2>
      <p className="muted">{t('finish.points.intro')}</p>
      <ErrorBanner error={failure} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <table className="table split-table">
          <thead>
            <tr>
              <th scope="col">{t('finish.points.name')}</th>
              <th scope="col">{t('finish.points.km')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>
                  <input
                    aria-label={t('finish.points.nameOf', { n: index + 1 })}
                    value={row.name}
                    onChange={(e) => setRow(index, { ...row, name: e.target.value })}
                    aria-invalid={problem(index, 'name')}
                    placeholder={index === rows.length - 1 ? t('finish.points.newPlaceholder') : undefined}
                  />
                  {problem(index, 'name') && <p className="field-error">{t('finish.points.nameInvalid')}</p>}
                </td>
                <td>
                  <input
                    aria-label={t('finish.points.kmOf', { n: index + 1 })}
                    value={row.km}
                    onChange={(e) => setRow(index, { ...row, km: e.target.value })}
                    aria-invalid={problem(index, 'km')}
                    inputMode="decimal"
                  />
                  {problem(index, 'km') && <p className="field-error">{t('finish.points.kmInvalid')}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className={`field ${problems.some((p) => p.field === 'window') ? 'field-invalid' : ''}`}>
          <label htmlFor="read-window">{t('finish.points.window')}</label>
          <input
            id="read-window"
            value={values.window}
            onChange={(e) => setEdits({ ...values, window: e.target.value })}
            inputMode="decimal"
            aria-describedby="read-window-hint"
          />
          <p id="read-window-hint" className="field-hint">
            {t('finish.points.windowHint')}
          </p>
          {problems.some((p) => p.field === 'window') && <p className="field-error">{t('finish.points.windowInvalid')}</p>}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={edits === null}>
            {t('finish.points.save')}
          </button>
        </div>
      </form>
    </section>
  )
}
