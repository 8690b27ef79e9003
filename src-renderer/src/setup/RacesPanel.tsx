import { useEffect, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Race } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { formatDistance, formatStart } from '../ui/format'
import { DeleteRaceDialog } from './DeleteRaceDialog'
import { RaceDialog } from './RaceDialog'
import { formatBibRanges } from './race-form'

type Editing = { mode: 'new' } | { mode: 'edit'; race: Race } | { mode: 'delete'; race: Race } | null

export function RacesPanel() {
  const { t, i18n } = useTranslation()
  const races = useCommand('races.list', {}, ['races'])
  const event = useCommand('event.get', {}, ['event'])
  const [editing, setEditing] = useState<Editing>(null)

  useEffect(() => {
    const onKey = (keyEvent: globalThis.KeyboardEvent): void => {
      if (keyEvent.altKey && keyEvent.code === 'KeyN') {
        keyEvent.preventDefault()
        setEditing({ mode: 'new' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const clock = event.data === undefined ? null : { date: event.data.date, timeZone: event.data.timeZone }
  const list = races.data ?? []

  function onRowKey(keyEvent: KeyboardEvent<HTMLTableRowElement>, race: Race): void {
    if (keyEvent.key === 'Enter') setEditing({ mode: 'edit', race })
    if (keyEvent.key === 'Delete') setEditing({ mode: 'delete', race })
  }

  return (
    <section className="card" aria-labelledby="races-title">
      <div className="card-header">
        <h2 id="races-title">
          {t('setup.races.title')} <span className="count">{t('setup.races.count', { count: list.length })}</span>
        </h2>
        <button type="button" className="button button-primary" onClick={() => setEditing({ mode: 'new' })} aria-keyshortcuts="Alt+N">
          {t('setup.races.add')} <kbd>{t('setup.races.addShortcut')}</kbd>
        </button>
      </div>
      <ErrorBanner error={races.error} onRetry={races.reload} />
      {races.data !== undefined && list.length === 0 && <p className="empty">{t('setup.races.empty')}</p>}
      {list.length > 0 && (
        <table className="table races-table">
          <thead>
            <tr>
              <th scope="col" className="col-colour">
                <span className="visually-hidden">{t('setup.races.columns.colour')}</span>
              </th>
              <th scope="col">{t('setup.races.columns.name')}</th>
              <th scope="col" className="numeric">
                {t('setup.races.columns.distance')}
              </th>
              <th scope="col">{t('setup.races.columns.start')}</th>
              <th scope="col">{t('setup.races.columns.bibs')}</th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">{t('setup.races.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((race) => (
              <tr key={race.id} tabIndex={0} onKeyDown={(e) => onRowKey(e, race)} title={t('setup.races.rowHint')} data-testid="race-row">
                <td className="col-colour">
                  <span
                    className={`swatch ${race.colour === null ? 'swatch-none' : ''}`}
                    style={race.colour === null ? undefined : { background: race.colour }}
                  />
                </td>
                <th scope="row" className="race-name">
                  {race.name}
                </th>
                <td className="numeric">{formatDistance(race.distanceM, i18n.language)}</td>
                <td>
                  {race.startAt === null || clock === null ? (
                    <span className="muted">{t('setup.races.notScheduled')}</span>
                  ) : (
                    formatStart(race.startAt, clock.timeZone)
                  )}
                </td>
                <td>{race.bibRanges.length === 0 ? <span className="muted">{t('setup.races.noBibs')}</span> : formatBibRanges(race.bibRanges, '–')}</td>
                <td className="col-actions">
                  <button type="button" className="button button-quiet" onClick={() => setEditing({ mode: 'edit', race })}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="button button-quiet button-danger" onClick={() => setEditing({ mode: 'delete', race })}>
                    {t('common.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {clock !== null && (editing?.mode === 'new' || editing?.mode === 'edit') && (
        <RaceDialog race={editing.mode === 'edit' ? editing.race : null} clock={clock} onClose={() => setEditing(null)} />
      )}
      {editing?.mode === 'delete' && <DeleteRaceDialog race={editing.race} onClose={() => setEditing(null)} />}
    </section>
  )
}
