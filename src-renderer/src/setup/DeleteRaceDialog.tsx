import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, Race } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'

/** Asks before deleting; Cancel has the focus, so a stray Enter deletes nothing. */
export function DeleteRaceDialog({ race, onClose }: { race: Race; onClose: () => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const notify = useNotify()
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const [deleting, setDeleting] = useState(false)

  async function remove(): Promise<void> {
    setDeleting(true)
    const result = await client.call('races.delete', { id: race.id })
    setDeleting(false)
    if (!result.ok) return setFailure(result.error)
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
