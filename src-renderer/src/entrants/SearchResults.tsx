import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { namesakes } from '../../../src-shared/names/namesakes'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { TellApart } from '../ui/TellApart'
import { FiledName } from '../ui/FiledName'

export type SearchHit = CommandOutput<'entrants.search'>['items'][number]

interface Props {
  query: string
  /** The highlighted match (↑ ↓ in the search box); Enter there opens it. */
  selected: number
  onOpen: (hit: { id: string }) => void
  /** The matches shown, for the search box's keys. */
  onResults: (items: readonly SearchHit[]) => void
}

/** Ranked matches as the organiser types; the highlighted one opens with Enter. */
export function SearchResults({ query, selected, onOpen, onResults }: Props) {
  const { t } = useTranslation()
  const results = useCommand('entrants.search', { query, limit: 20 }, ['entrants'])
  const data = results.data
  useEffect(() => onResults(data?.items ?? []), [data, onResults])
  const items = useMemo(() => data?.items ?? [], [data])
  const alike = useMemo(() => namesakes(items), [items])
  return (
    <div className="search-results" aria-live="polite">
      <ErrorBanner error={results.error} />
      {results.data !== undefined && items.length === 0 && <p className="empty">{t('entrants.noMatches', { query })}</p>}
      <ul className="hits">
        {items.map((hit, index) => (
          <li key={hit.id}>
            <button
              type="button"
              className={`hit ${index === selected ? 'hit-selected' : ''}`}
              aria-current={index === selected}
              onClick={() => onOpen(hit)}
              data-testid="search-hit"
            >
              <span className="hit-bib">{hit.bib ?? '—'}</span>
              <span className="hit-name">
                <FiledName givenName={hit.givenName} familyName={hit.familyName} />
                {hit.secondName !== null && <span className="hit-second"> · {hit.secondName}</span>}
                {alike.has(hit.id) && <TellApart birthYear={hit.birthYear} club={hit.club} reference={hit.ref} />}
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
