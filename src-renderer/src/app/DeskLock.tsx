import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { PinFields, pinLength } from '../ui/PinFields'
import { useSession } from './session'
import { useCall } from '../client/use-call'

/**
 * The organiser's screen locked to check-in for a volunteer, and unlocked with the PIN. The office
 * enforces the lock: a locked screen's calls act as a check-in desk's, whatever the screen shows.
 */
export function DeskLock() {
  const { t } = useTranslation()
  const { info } = useSession()
  const [open, setOpen] = useState(false)
  if (info.role !== 'organiser' && !info.locked) return null
  return (
    <>
      {info.locked && <span className="desk-mode-badge">{t('lock.badge')}</span>}
      <button type="button" className="button button-quiet top-bar-button" onClick={() => setOpen(true)} data-testid={info.locked ? 'unlock' : 'lock'}>
        {info.locked ? t('lock.unlock') : t('lock.lock')}
      </button>
      {open && <PinDialog locking={!info.locked} onClose={() => setOpen(false)} />}
    </>
  )
}

function PinDialog({ locking, onClose }: { locking: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { reload } = useSession()
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const { call, failure } = useCall()

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (locking && pin !== again) return setMismatch(true)
    const result = await call(locking ? 'session.lock' : 'session.unlock', { pin })
    if (!result.ok) return
    onClose()
    // The screen now opens other desks: start again at the one this role lands on.
    window.location.hash = locking ? '/checkin' : '/setup'
    reload()
  }

  return (
    <Dialog title={locking ? t('lock.lockTitle') : t('lock.unlockTitle')} labelledBy="pin-dialog-title" onClose={onClose}>
      <p className="muted">{locking ? t('lock.lockIntro') : t('lock.unlockIntro')}</p>
      <ErrorBanner error={failure} />
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <PinFields
          pin={pin}
          onPin={setPin}
          {...(locking && {
            again,
            onAgain: (next: string) => {
              setAgain(next)
              setMismatch(false)
            },
            mismatch,
          })}
        />
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pin.length !== pinLength}>
            {locking ? t('lock.lock') : t('lock.unlock')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
