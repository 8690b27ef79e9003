import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { useNotify } from '../ui/Notices'
import { useCall } from '../client/use-call'

/** Another size, chosen with the live stock of every size in view. */
export function ShirtDialog({ entrantId, current, onClose }: { entrantId: string; current: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const stats = useCommand('checkin.stats', {}, ['checkin'])
  const [size, setSize] = useState(current ?? '')
  const { call, failure } = useCall()
  const stocked = stats.data?.shirts ?? []

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (size.trim() === '') return
    const result = await call('checkin.changeShirt', { entrantId, size: size.trim() })
    if (!result.ok) return
    const left = result.value.left
    notify(
      left === null
        ? t('checkin.shirtChanged', { size: result.value.shirtSize })
        : t('checkin.shirtChangedLeft', { size: result.value.shirtSize, count: left }),
      left === 0 ? 'error' : 'success',
    )
    onClose()
  }

  return (
    <Dialog title={t('checkin.changeShirt')} labelledBy="shirt-title" onClose={onClose}>
      <ErrorBanner error={failure} />
      <form onSubmit={(e) => void save(e)}>
        {stocked.length > 0 ? (
          <div className="shirt-sizes" role="radiogroup" aria-label={t('checkin.shirt')}>
            {stocked.map((s) => (
              <label key={s.size} className={`shirt-size ${s.left <= 0 ? 'shirt-size-out' : ''} ${s.size === size ? 'shirt-size-chosen' : ''}`}>
                <input
                  type="radio"
                  name="shirt-size"
                  value={s.size}
                  checked={s.size === size}
                  disabled={s.left <= 0 && s.size !== current}
                  onChange={() => setSize(s.size)}
                  data-testid={`size-${s.size}`}
                />
                <span className="shirt-size-name">{s.size}</span>
                <span className="shirt-size-left">{s.left <= 0 ? t('checkin.sizeGone') : t('checkin.shirtsLeft', { count: s.left })}</span>
              </label>
            ))}
          </div>
        ) : (
          <Field label={t('checkin.shirt')} value={size} onChange={(e) => setSize(e.target.value)} maxLength={20} autoFocus />
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={size.trim() === '' || size === current} data-testid="shirt-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
