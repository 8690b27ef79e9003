import { useTranslation } from 'react-i18next'
import type { Race } from '../../../src-shared/contract'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { useCall } from '../client/use-call'

/** Asks before deleting; Cancel has the focus, so a stray Enter deletes nothing. */
export function DeleteRaceDialog({ race, onClose }: { race: Race; onClose: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const { call, busy: deleting, failure } = useCall()

  async function remove(): Promise<void> {
    const result = await call('races.delete', { id: race.id })
    if (!result.ok) return
    notify(t('setup.races.deleted', { name: race.name }))
    onClose()
  }

  return (
    <Dialog title={t('setup.races.deleteTitle', { name: race.name })} labelledBy="delete-race-title" onClose={onClose}>
      <p>{t('setup.races.deleteBody')}</p>
      <ErrorBanner error={failure} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger-solid" onClick={() => void remove()} disabled={deleting || failure !== null}>
          {t('common.delete')}
        </button>
      </div>
    </Dialog>
  )
}
