import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../src-shared/contract/entrants'
import { useCommand } from '../client/use-command'
import { AuditTrail } from './AuditTrail'
import { personName } from '../../../src-shared/names/person-name'

/** The Audit desk: every change in the event, or one runner's, with undo where it is safe. */
export function AuditDesk() {
  const { t } = useTranslation()
  const event = useCommand('event.get', {}, ['event'])
  const [query, setQuery] = useState('')
  const [runner, setRunner] = useState<SearchHit | null>(null)
  const matches = useCommand('entrants.search', { query: query.trim(), limit: 8 }, ['entrants'])
  const timeZone = event.data?.timeZone ?? 'UTC'
  return (
    <section className="audit" aria-labelledby="audit-title">
      <header className="desk-header">
        <h1 id="audit-title">{t('audit.title')}</h1>
        <p className="muted">{t('audit.intro')}</p>
      </header>
      <div className="card audit-filter">
        {runner === null ? (
          <>
            <label htmlFor="audit-runner">{t('audit.filter')}</label>
            <input
              id="audit-runner"
              type="search"
              value={query}
              placeholder={t('audit.filterPlaceholder')}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="audit-filter"
            />
            {query.trim() !== '' && (
              <ul className="audit-matches">
                {(matches.data?.items ?? []).map((hit) => (
                  <li key={hit.id}>
                    <button type="button" className="button button-chip" onClick={() => setRunner(hit)} data-testid="audit-match">
                      {hit.bib === null ? '' : `${hit.bib} · `}
                      {personName(hit.givenName, hit.familyName)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="audit-showing">
            {t('audit.historyOf', { name: personName(runner.givenName, runner.familyName) })}{' '}
            <button type="button" className="button button-quiet" onClick={() => setRunner(null)} data-testid="audit-clear">
              {t('audit.showAll')}
            </button>
          </p>
        )}
      </div>
      <AuditTrail key={runner?.id ?? 'all'} {...(runner !== null && { entrantId: runner.id })} timeZone={timeZone} />
    </section>
  )
}
