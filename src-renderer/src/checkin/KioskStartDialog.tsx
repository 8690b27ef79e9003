import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui/Dialog'
import { PinFields, pinLength } from '../ui/PinFields'

/** Before the screen is left to runners: the PIN that will take it back (the check-in kiosk's, or another's `title`). */
export function KioskStartDialog({ onStart, onClose, title }: { onStart: (pin: string) => void; onClose: () => void; title?: string }) {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (pin !== again) return setMismatch(true)
    onStart(pin)
  }
  return (
    <Dialog title={title ?? t('checkin.kiosk.startTitle')} labelledBy="kiosk-start-title" onClose={onClose}>
      <p className="muted">{t('checkin.kiosk.startIntro')}</p>
      <form className="form-grid" onSubmit={submit} noValidate>
        <PinFields
          pin={pin}
          onPin={setPin}
          again={again}
          onAgain={(next) => {
            setAgain(next)
            setMismatch(false)
          }}
          mismatch={mismatch}
          testId="kiosk-pin"
        />
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pin.length !== pinLength} data-testid="kiosk-start">
            {t('checkin.kiosk.start')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
