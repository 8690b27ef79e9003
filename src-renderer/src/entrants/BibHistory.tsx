import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateTimeFormat } from '../ui/format'
import type { Entrant } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { personName } from '../../../src-shared/names/person-name'
import { useCall } from '../client/use-call'

/** Every number this runner has had, and voiding a lost or damaged bib. */
export function BibHistory({ entrant, timeZone }: { entrant: Entrant; timeZone: string }) {
  const { t, i18n } = useTranslation()
  const notify = useNotify()
  const history = useCommand('bibs.history', { entrantId: entrant.id }, ['bibs'])
  const [voiding, setVoiding] = useState(false)
  const [reason, setReason] = useState('')
  const { call, failure } = useCall()
  const when = dateTimeFormat(i18n.language, timeZone, false)

  async function voidBib(): Promise<void> {
    const result = await call('bibs.void', { entrantId: entrant.id, reason: reason.trim() })
    if (!result.ok) return
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
