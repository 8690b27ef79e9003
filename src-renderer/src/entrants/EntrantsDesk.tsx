import { useCallback, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entrant, EntrantStatus } from '../../../src-shared/contract'
import { entrantStatuses } from '../../../src-shared/contract/entrants'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { EntrantDialog } from './EntrantDialog'
import { EntrantsTable, type SortKey } from './EntrantsTable'
import { ImportWizard } from './ImportWizard'
import { SearchResults, type SearchHit } from './SearchResults'
import { useEntrantPages } from './use-entrant-pages'

export function EntrantsDesk() {
  const { t } = useTranslation()
  const races = useCommand('races.list', {}, ['races'])
  const [query, setQuery] = useState('')
  const [raceId, setRaceId] = useState<number | undefined>(undefined)
  const [status, setStatus] = useState<EntrantStatus | undefined>(undefined)
  const [category, setCategory] = useState<string | undefined>(undefined)
  const categories = useCommand('entrants.categories', raceId === undefined ? {} : { raceId }, ['entrants', 'races', 'event'])
  const [sort, setSort] = useState<SortKey>('familyName')
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc')
  const [editing, setEditing] = useState<string | null>(null)
  const [importing, setImporting] = useState(false)
  const pages = useEntrantPages({
    sort,
    direction,
    ...(raceId !== undefined && { raceId }),
    ...(status !== undefined && { status }),
    ...(category !== undefined && { category }),
  })

  const onSort = (key: SortKey): void => {
    if (key === sort) setDirection(direction === 'asc' ? 'desc' : 'asc')
    else {
      setSort(key)
      setDirection('asc')
    }
  }
  const open = (entrant: { id: string }): void => setEditing(entrant.id)
  // The search's matches: ↑ ↓ move the highlight, Enter opens the highlighted runner.
  const [hits, setHits] = useState<readonly SearchHit[]>([])
  const [selected, setSelected] = useState(0)
  const shown = useRef<readonly SearchHit[]>([])
  const onResults = useCallback((items: readonly SearchHit[]) => {
    // The same matches fetched again (a change made at another desk) keep the highlight where it is.
    const same = items.length === shown.current.length && items.every((hit, index) => hit.id === shown.current[index]?.id)
    shown.current = items
    setHits(items)
    if (!same) setSelected(0)
  }, [])
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setSelected((current) => Math.max(0, Math.min(hits.length - 1, current + (e.key === 'ArrowDown' ? 1 : -1))))
    } else if (e.key === 'Enter' && hits[selected] !== undefined) {
      e.preventDefault()
      open(hits[selected])
    }
  }

  return (
    <section className="entrants" aria-labelledby="entrants-title">
      <header className="desk-header desk-header-row">
        <div>
          <h1 id="entrants-title">
            {t('entrants.title')} {pages.total !== null && <span className="count">{t('entrants.count', { count: pages.total })}</span>}
          </h1>
          <p className="muted">{t('entrants.intro')}</p>
        </div>
        <button type="button" className="button button-primary" onClick={() => setImporting(true)}>
          {t('entrants.import')}
        </button>
      </header>

      <div className="find">
        <label htmlFor="entrant-search" className="find-label">
          {t('entrants.searchLabel')}
        </label>
        <input
          id="entrant-search"
          className="find-input"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          placeholder={t('entrants.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-describedby="entrant-search-hint"
        />
        <p id="entrant-search-hint" className="field-hint">
          {t('entrants.searchHint')}
        </p>
      </div>

      {query.trim() !== '' ? (
        <SearchResults query={query} selected={selected} onOpen={open} onResults={onResults} />
      ) : (
        <>
          <div className="filters">
            <label>
              {t('entrants.filterRace')}
              <select value={raceId ?? ''} onChange={(e) => setRaceId(e.target.value === '' ? undefined : Number(e.target.value))}>
                <option value="">{t('entrants.allRaces')}</option>
                {(races.data ?? []).map((race) => (
                  <option key={race.id} value={race.id}>
                    {race.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('entrants.filterStatus')}
              <select value={status ?? ''} onChange={(e) => setStatus(e.target.value === '' ? undefined : (e.target.value as EntrantStatus))}>
                <option value="">{t('entrants.allStatuses')}</option>
                {entrantStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`entrants.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('entrants.filterCategory')}
              <select value={category ?? ''} onChange={(e) => setCategory(e.target.value === '' ? undefined : e.target.value)}>
                <option value="">{t('entrants.allCategories')}</option>
                {(categories.data ?? []).map((c) => (
                  <option key={c.category} value={c.category}>
                    {c.category} ({c.count})
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ErrorBanner error={pages.error} />
          {pages.total === 0 && raceId === undefined && status === undefined && category === undefined ? (
            <p className="empty">{t('entrants.empty')}</p>
          ) : (
            pages.total !== null && (
              <EntrantsTable
                total={pages.total}
                row={pages.row}
                request={pages.request}
                sort={sort}
                direction={direction}
                onSort={onSort}
                onOpen={(e: Entrant) => open(e)}
              />
            )
          )}
        </>
      )}
      {editing !== null && <EntrantDialog id={editing} onClose={() => setEditing(null)} />}
      {importing && <ImportWizard onClose={() => setImporting(false)} />}
    </section>
  )
}
