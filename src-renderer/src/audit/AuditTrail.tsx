import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateTimeFormat } from '../ui/format'
import type { CommandOutput } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { useCall } from '../client/use-call'

type Entry = CommandOutput<'audit.list'>['items'][number]

const pageSize = 100

/**
 * Changes newest first, each with who, which desk, when, the runner before → after, and Undo
 * where it is still safe. One runner's history when `entrantId` is given.
 */
export function AuditTrail({ entrantId, timeZone, compact = false }: { entrantId?: string; timeZone: string; compact?: boolean }) {
  const { t, i18n } = useTranslation()
  const notify = useNotify()
  const [beforeIds, setBeforeIds] = useState<number[]>([])
  const beforeId = beforeIds.at(-1)
  const trail = useCommand('audit.list', { ...(entrantId !== undefined && { entrantId }), ...(beforeId !== undefined && { beforeId }), limit: pageSize }, [
    'entrants',
    'checkin',
    'bibs',
    'audit',
    'races',
    'event',
    'timing',
    'results',
    'desks',
    'backups',
  ])
  const { call, failure } = useCall()
  const [busy, setBusy] = useState<number | null>(null)
  const when = dateTimeFormat(i18n.language, timeZone)
  const items = trail.data?.items ?? []

  async function undo(entry: Entry): Promise<void> {
    setBusy(entry.id)
    const result = await call('audit.undo', { id: entry.id })
    setBusy(null)
    if (result.ok) notify(t('audit.undone', { what: commandLabel(entry.command) }))
  }

  const commandLabel = (command: string): string => t(`audit.commands.${command}`, { defaultValue: command })
  const fieldLabel = (field: string): string => t(`audit.fields.${field}`, { defaultValue: field })
  // Status and sex are stored as codes; the screen says them in words.
  const valueText = (field: string, value: string): string =>
    field === 'status' || field === 'sex' ? t(`entrants.${field}.${value}`, { defaultValue: value }) : value

  return (
    <div className="audit-trail">
      <ErrorBanner error={failure ?? trail.error} />
      {trail.data !== undefined && items.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {items.length > 0 && (
        <table className="table audit-table">
          <thead>
            <tr>
              <th className="audit-when">{t('audit.columns.when')}</th>
              <th>{t('audit.columns.who')}</th>
              <th>{t('audit.columns.what')}</th>
              {!compact && <th>{t('audit.columns.runner')}</th>}
              <th>{t('audit.columns.change')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-command={entry.command} className={entry.undoneAtMs !== null ? 'audit-undone' : undefined}>
                <td className="audit-when">{when.format(entry.atMs)}</td>
                <td>
                  {entry.actor}
                  <span className="muted"> · {entry.desk}</span>
                </td>
                <td>
                  {commandLabel(entry.command)}
                  {entry.undoOf !== null && <span className="muted"> {t('audit.ofChange', { id: entry.undoOf })}</span>}
                </td>
                {!compact && <td>{entry.entrant === null ? '—' : `${entry.entrant.bib === null ? '' : `${entry.entrant.bib} · `}${entry.entrant.name}`}</td>}
                <td>
                  {entry.changes.length > 0 ? (
                    <ul className="audit-changes">
                      {entry.changes.map((change) => (
                        <li key={change.field}>
                          <span className="audit-field">{fieldLabel(change.field)}</span>{' '}
                          {change.before === null ? '—' : <del>{valueText(change.field, change.before)}</del>} →{' '}
                          {change.after === null ? '—' : <ins>{valueText(change.field, change.after)}</ins>}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <code className="audit-detail">{entry.detail}</code>
                  )}
                </td>
                <td className="col-actions">
                  {entry.undoneAtMs !== null ? (
                    <span className="muted">{t('audit.undoneBy', { actor: entry.undoneBy, when: when.format(entry.undoneAtMs) })}</span>
                  ) : (
                    entry.undoable && (
                      <button type="button" className="button" disabled={busy !== null} onClick={() => void undo(entry)} data-testid="audit-undo">
                        {t('audit.undo')}
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(beforeIds.length > 0 || trail.data?.more === true) && (
        <div className="form-actions">
          {beforeIds.length > 0 && (
            <button type="button" className="button button-quiet" onClick={() => setBeforeIds((ids) => ids.slice(0, -1))}>
              {t('audit.newer')}
            </button>
          )}
          {trail.data?.more === true && (
            <button type="button" className="button" onClick={() => setBeforeIds((ids) => [...ids, items.at(-1)?.id ?? 0])}>
              {t('audit.older')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
