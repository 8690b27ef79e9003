import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateTimeFormat } from '../ui/format'
import type { CommandErrorValue, Entrant } from '../../../src-shared/contract'
import { useClient, useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { personName } from '../../../src-shared/names/person-name'

/** Every number this runner has had, and voiding a lost or damaged bib. */
export function BibHistory({ entrant, timeZone }: { entrant: Entrant; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const notify = useNotify()
  const history = useCommand('bibs.history', { entrantId: entrant.id }, ['bibs'])
  const [voiding, setVoiding] = useState(false)
  const [reason, setReason] = useState('')
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const when = dateTimeFormat(i18n.language, timeZone, false)

  async function voidBib(): Promise<void> {
    const result = await client.call('bibs.void', { entrantId: entrant.id, reason: reason.trim() })
    if (!result.ok) return setFailure(result.error)
    setFailure(null)
    setVoiding(false)
    setReason('')
    notify(t('entrants.edit.voided', { ...result.value, name: personName(entrant.givenName, entrant.familyName) }))
  }

  return (
    <section className="bib-history" aria-labelledby="bib-history-title">
      <h3 id="bib-history-title">{t('entrants.edit.history')}</h3>
      <ErrorBanner error={failure ?? history.error} />
      {history.data !== undefined && history.data.length === 0 && <p className="muted">{t('entrants.edit.noHistory')}</p>}
      <ul>
        {(history.data ?? []).map((event, index) => (
          <li key={index}>
            {t('entrants.edit.historyLine', {
              when: when.format(event.atMs),
              change: `${t(`entrants.edit.kinds.${event.kind}`)} ${event.from ?? '—'} → ${event.to ?? '—'}`,
              reason: event.reason,
              actor: event.actor,
              desk: event.desk,
            })}
          </li>
        ))}
      </ul>
      {entrant.bib !== null &&
        (voiding ? (
          <div className="void-form">
            <label htmlFor="void-reason">{t('entrants.edit.voidReason')}</label>
            <input id="void-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            <button type="button" className="button button-danger-solid" onClick={() => void voidBib()} disabled={reason.trim() === ''}>
              {t('entrants.edit.voidConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setVoiding(false)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button-quiet button-danger" onClick={() => setVoiding(true)}>
            {t('entrants.edit.voidBib')}
          </button>
        ))}
    </section>
  )
}
