import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../src-shared/contract'
import { namesakes } from '../../../src-shared/names/namesakes'
import { personName } from '../../../src-shared/names/person-name'
import { TellApart } from '../ui/TellApart'
import type { PickupMatches } from './use-pickup-search'

/** Ranked matches; the chosen one is what Enter picks. `data-for` says which query they answer. */
export function MatchList({ matches, typed, selected, onPick }: { matches: PickupMatches; typed: string; selected: number; onPick: (hit: SearchHit) => void }) {
  const { t } = useTranslation()
  if (typed === '') return null
  const current = matches.query === typed
  const alike = namesakes(matches.items)
  return (
    <div className="pickup-matches-wrap">
      {current && matches.items.length === 0 && matches.error === null && (
        <p className="empty" data-testid="no-match">
          {t('checkin.noMatch', { query: typed })}
        </p>
      )}
      <ul id="pickup-matches" className="pickup-matches" role="listbox" data-testid="pickup-matches" data-for={matches.query}>
        {matches.items.map((hit, index) => (
          <li
            key={hit.id}
            id={`match-${hit.id}`}
            role="option"
            aria-selected={index === selected}
            className={`pickup-match ${index === selected ? 'pickup-match-selected' : ''} ${hit.status === 'checked-in' ? 'pickup-match-done' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(hit)}
            data-testid="pickup-match"
          >
            <span className="match-bib">{hit.bib ?? '—'}</span>
            <span className="match-name">
              {personName(hit.givenName, hit.familyName)}
              {hit.secondName !== null && <span className="match-second"> · {hit.secondName}</span>}
              {alike.has(hit.id) && <TellApart birthYear={hit.birthYear} club={hit.club} reference={null} />}
            </span>
            <span className="match-race">{[hit.race, hit.category, hit.ref].filter((part) => part !== null).join(' · ')}</span>
            <span className={`status status-${hit.status}`}>{t(`entrants.status.${hit.status}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
