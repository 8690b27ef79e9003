import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { resultStatuses, type ResultRow, type ResultStatus } from '../../../src-shared/contract/results'
import { formatAgeGrade, formatResultTime } from '../../../src-shared/results/format'
import { useCommand } from '../client/use-command'
import { Choice } from '../ui/Choice'
import { ErrorBanner } from '../ui/ErrorBanner'
import { RunnerResultDialog } from './RunnerResultDialog'
import { resultTopics } from './topics'
import { personName } from '../../../src-shared/names/person-name'

type RaceInfo = CommandOutput<'results.races'>['races'][number]
const pageSize = 200

/** "Wheelchair 2 · Corporate 5"; only the chosen division's while the list shows one. */
function divisionPlaces(row: ResultRow, chosen: string): string {
  return row.division
    .map((name, i) => ({ name, place: row.divisionPlaces[i] }))
    .filter((d) => chosen === '' || d.name.toLocaleLowerCase('en') === chosen.toLocaleLowerCase('en'))
    .map((d) => `${d.name} ${d.place ?? ''}`.trim())
    .join(' · ')
}

/** One race's results: filters, a search, every runner with their status; a row opens the runner. */
export function ResultsTable({ race, canDecide }: { race: RaceInfo; canDecide: boolean }) {
  const { t } = useTranslation()
  const [sex, setSex] = useState<'' | 'F' | 'M' | 'X'>('')
  const [category, setCategory] = useState('')
  const [division, setDivision] = useState('')
  const [status, setStatus] = useState<'' | ResultStatus>('')
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<'place' | 'ageGrade'>('place')
  // A page at a time: a marathon's 30,000 finishers are paged, searched or filtered, never drawn at once.
  const [page, setPage] = useState(0)
  const [open, setOpen] = useState<ResultRow | null>(null)
  const input = {
    raceId: race.id,
    offset: page * pageSize,
    limit: pageSize,
    ...(sex !== '' && { sex }),
    ...(category !== '' && { category }),
    ...(division !== '' && { division }),
    ...(status !== '' && { status }),
    ...(search.trim() !== '' && { search: search.trim() }),
    ...(race.ageGrading && { sort }),
  }
  const list = useCommand('results.list', input, resultTopics)
  // A new filter starts again at the first page.
  const filter = (change: () => void): void => {
    change()
    setPage(0)
  }
  const time = (ms: number | null): string => formatResultTime(ms, race.rules.precision)
  const rows = list.data?.rows ?? []

  return (
    <div className="card">
      <div className="filters results-filters">
        <div className="field">
          <label htmlFor="results-search">{t('results.search')}</label>
          <input
            id="results-search"
            type="search"
            value={search}
            placeholder={t('results.searchPlaceholder')}
            onChange={(e) => filter(() => setSearch(e.target.value))}
            data-testid="results-search"
          />
        </div>
        <Choice
          id="results-sex"
          label={t('results.sex')}
          value={sex}
          options={[['', t('results.everyone')], ...(['F', 'M', 'X'] as const).map((s) => [s, t(`results.sexes.${s}`)] as const)]}
          onChange={(next) => filter(() => setSex(next))}
        />
        <Choice
          id="results-category"
          label={t('results.category')}
          value={category}
          options={[['', t('results.allCategories')], ...race.categories.map((c) => [c, c] as const)]}
          onChange={(next) => filter(() => setCategory(next))}
        />
        {race.divisions.length > 0 && (
          <Choice
            id="results-division"
            label={t('results.division')}
            value={division}
            options={[['', t('results.allDivisions')], ...race.divisions.map((d) => [d, d] as const)]}
            onChange={(next) => filter(() => setDivision(next))}
          />
        )}
        {race.ageGrading && (
          <Choice
            id="results-sort"
            label={t('results.sortBy')}
            value={sort}
            options={[
              ['place', t('results.sorts.place')],
              ['ageGrade', t('results.sorts.ageGrade')],
            ]}
            onChange={(next) => filter(() => setSort(next))}
          />
        )}
        <Choice
          id="results-status"
          label={t('results.statusFilter')}
          value={status}
          options={[['', t('results.everyStatus')], ...resultStatuses.map((s) => [s, t(`results.status.${s}`)] as const)]}
          onChange={(next) => filter(() => setStatus(next))}
        />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      <div className="results-table-scroll">
        <table className="table results-table" data-testid="results-table">
          <thead>
            <tr>
              <th className="numeric">{t('results.place')}</th>
              <th className="numeric">{t('results.bib')}</th>
              <th>{t('results.name')}</th>
              <th>{t('results.sexPlace')}</th>
              <th>{t('results.categoryPlace')}</th>
              {race.divisions.length > 0 && <th>{t('results.divisionPlace')}</th>}
              <th className="numeric">{t('results.gunTime')}</th>
              <th className="numeric">{t('results.netTime')}</th>
              {race.ageGrading && (
                <>
                  <th className="numeric">{t('results.ageGrade')}</th>
                  <th className="numeric">{t('results.ageGradedTime')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.entrantId}
                tabIndex={0}
                data-bib={r.bib ?? ''}
                data-place={r.place ?? ''}
                className={`result-row result-${r.status}`}
                onClick={() => setOpen(r)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setOpen(r)
                }}
              >
                <td className="numeric result-place">
                  {r.place ?? <span className={`status-word status-${r.status}`}>{t(`results.statusShort.${r.status}`)}</span>}
                </td>
                <td className="numeric">{r.bib ?? ''}</td>
                <td className="result-who">
                  <span className="result-name">{personName(r.givenName, r.familyName)}</span>
                  {r.club !== null && <span className="muted result-club"> · {r.club}</span>}
                  {r.statusReason !== null && <span className="muted result-reason"> · {r.statusReason}</span>}
                </td>
                <td>
                  {t(`results.sexShort.${r.sex}`)} {r.sexPlace ?? ''}
                </td>
                <td>
                  {r.category ?? ''} {r.categoryPlace ?? ''}
                </td>
                {race.divisions.length > 0 && <td className="result-divisions">{divisionPlaces(r, division)}</td>}
                <td className="numeric">{time(r.gunTimeMs)}</td>
                <td className="numeric">{time(r.netTimeMs)}</td>
                {race.ageGrading && (
                  <>
                    <td className="numeric" title={r.ageGradeReason === null ? undefined : t(`results.ageGradeReasons.${r.ageGradeReason}`)}>
                      {r.ageGradePct !== null ? formatAgeGrade(r.ageGradePct) : r.ageGradeReason !== null ? '—' : ''}
                    </td>
                    <td className="numeric">{time(r.ageGradedTimeMs)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data !== undefined && rows.length === 0 && <p className="empty">{t('results.none')}</p>}
      {list.data !== undefined && list.data.total > 0 && (
        <p className="muted results-shown">
          {t('results.shown', { first: page * pageSize + 1, last: page * pageSize + rows.length, total: list.data.total })}
          <button type="button" className="button button-quiet" onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
            {t('results.previous')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPage((p) => p + 1)} disabled={(page + 1) * pageSize >= list.data.total}>
            {t('results.next')}
          </button>
        </p>
      )}
      {open !== null && <RunnerResultDialog row={open} precision={race.rules.precision} canDecide={canDecide} onClose={() => setOpen(null)} />}
    </div>
  )
}
