import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entrant } from '../../../src-shared/contract'
import type { entrantSortKeys } from '../../../src-shared/contract/entrants'
import { namesakes } from '../../../src-shared/names/namesakes'
import { TellApart } from '../ui/TellApart'
import { FiledName } from '../ui/FiledName'

export type SortKey = (typeof entrantSortKeys)[number]

const rowHeight = 52

const columns: { key: string; sort?: SortKey; className: string }[] = [
  { key: 'bib', sort: 'bib', className: 'col-bib numeric' },
  { key: 'name', sort: 'familyName', className: 'col-name' },
  { key: 'secondName', className: 'col-second' },
  { key: 'race', sort: 'race', className: 'col-race' },
  { key: 'category', sort: 'category', className: 'col-category' },
  { key: 'age', className: 'col-age numeric' },
  { key: 'club', className: 'col-club' },
  { key: 'status', className: 'col-status' },
]

/** 50,000 rows scroll smoothly: only the rows in view are in the page. */
export function EntrantsTable({
  total,
  row,
  request,
  sort,
  direction,
  onSort,
  onOpen,
}: {
  total: number
  row: (index: number) => Entrant | undefined
  request: (first: number, last: number) => void
  sort: SortKey
  direction: 'asc' | 'desc'
  onSort: (key: SortKey) => void
  onOpen: (entrant: Entrant) => void
}) {
  const { t } = useTranslation()
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the intended way to render only visible rows
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const [first, last] = [items[0]?.index ?? 0, items.at(-1)?.index ?? 0]
  useEffect(() => request(first, last), [request, first, last])
  // Sorted by name, namesakes sit next to each other: a row is compared with its neighbours.
  const hasNamesake = (index: number, entrant: Entrant): boolean =>
    [row(index - 1), row(index + 1)].some((other) => other !== undefined && namesakes([entrant, other]).size > 0)

  function onKey(event: KeyboardEvent<HTMLDivElement>, entrant: Entrant | undefined, index: number): void {
    if (event.key === 'Enter' && entrant !== undefined) onOpen(entrant)
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = Math.max(0, Math.min(total - 1, index + step))
    virtualizer.scrollToIndex(next)
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus())
  }

  return (
    <div className="grid" role="table" aria-rowcount={total + 1} aria-label={t('entrants.title')}>
      <div className="grid-row grid-head" role="row">
        {columns.map((column) => (
          <div
            key={column.key}
            role="columnheader"
            className={column.className}
            aria-sort={column.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {column.sort === undefined ? (
              t(`entrants.columns.${column.key}`)
            ) : (
              <button
                type="button"
                className="sort-button"
                onClick={() => onSort(column.sort as SortKey)}
                title={t('entrants.sortBy', { column: t(`entrants.columns.${column.key}`) })}
              >
                {t(`entrants.columns.${column.key}`)}
                <span aria-hidden="true">{column.sort === sort ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            )}
          </div>
        ))}
      </div>
      <div ref={scroller} className="grid-body" data-testid="entrants-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entrant = row(item.index)
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                data-testid="entrant-row"
                tabIndex={0}
                className={`grid-row ${entrant === undefined ? 'grid-row-loading' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
                onDoubleClick={() => entrant !== undefined && onOpen(entrant)}
                onKeyDown={(event) => onKey(event, entrant, item.index)}
              >
                {entrant === undefined ? (
                  <div role="cell" className="col-loading">
                    …
                  </div>
                ) : (
                  <>
                    <div role="cell" className="col-bib numeric">
                      {entrant.bib ?? ''}
                    </div>
                    <div role="cell" className="col-name">
                      <FiledName givenName={entrant.givenName} familyName={entrant.familyName} />
                      {hasNamesake(item.index, entrant) && (
                        <TellApart
                          birthYear={entrant.birthDate === null || entrant.birthDate === undefined ? null : Number(entrant.birthDate.slice(0, 4))}
                          club={null}
                          reference={entrant.ref}
                        />
                      )}
                    </div>
                    <div role="cell" className="col-second">
                      {entrant.secondName ?? ''}
                    </div>
                    <div role="cell" className="col-race">
                      {entrant.race}
                    </div>
                    <div role="cell" className="col-category">
                      {entrant.category ?? ''}
                    </div>
                    <div role="cell" className="col-age numeric">
                      {entrant.age ?? ''}
                    </div>
                    <div role="cell" className="col-club">
                      {entrant.club ?? ''}
                    </div>
                    <div role="cell" className="col-status">
                      <span className={`status status-${entrant.status}`}>{t(`entrants.status.${entrant.status}`)}</span>
                    </div>
                  </>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
