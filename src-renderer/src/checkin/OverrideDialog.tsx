import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../ui/Dialog'
import { Field } from '../ui/Field'

/** Checking in a runner who already picked up: only with a reason, kept in the history. */
export function OverrideDialog({ onClose, onConfirm }: { onClose: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (reason.trim() !== '') onConfirm(reason.trim())
  }
  return (
    <Dialog title={t('checkin.override.title')} labelledBy="override-title" onClose={onClose}>
      <p>{t('checkin.override.intro')}</p>
      <form className="form-grid" onSubmit={submit}>
        <Field
          className="span-2"
          label={t('checkin.override.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={300}
          autoFocus
          data-testid="override-reason"
        />
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger-solid" disabled={reason.trim() === ''} data-testid="override-confirm">
            {t('checkin.override.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
