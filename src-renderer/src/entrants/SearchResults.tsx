import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'

/** What the check-in desk will use: ranked matches as the volunteer types. */
export function SearchResults({ query, onOpen }: { query: string; onOpen: (hit: { id: string }) => void }) {
  const { t } = useTranslation()
  const results = useCommand('entrants.search', { query, limit: 20 }, ['entrants'])
  const items = results.data?.items ?? []
  return (
    <div className="search-results" aria-live="polite">
      <ErrorBanner error={results.error} />
      {results.data !== undefined && items.length === 0 && <p className="empty">{t('entrants.noMatches', { query })}</p>}
      <ul className="hits">
        {items.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="hit" onClick={() => onOpen(hit)} data-testid="search-hit">
              <span className="hit-bib">{hit.bib ?? '—'}</span>
              <span className="hit-name">
                <strong>{hit.familyName}</strong>, {hit.givenName}
                {hit.secondName !== null && <span className="hit-second"> · {hit.secondName}</span>}
              </span>
              <span className="hit-race">{hit.race}</span>
              <span className="hit-category">{hit.category ?? ''}</span>
              <span className={`status status-${hit.status}`}>{t(`entrants.status.${hit.status}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
