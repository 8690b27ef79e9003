import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { checkinConfirmations } from '../../../src-shared/contract/checkin'
import { useCommand } from '../client/use-command'
import { Check } from '../ui/Choice'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { useNotify } from '../ui/Notices'
import { useDraft } from '../ui/use-draft'
import { readSettingsForm, settingsFormFrom, type CheckinSettingsField, type CheckinSettingsValues } from './checkin-settings-form'
import { useCall } from '../client/use-call'

/** What check-in desks confirm and hand over, shirt stock per size, and the kiosk's bag tables. */
export function CheckinSettings() {
  const { t } = useTranslation()
  const notify = useNotify()
  const saved = useCommand('checkin.settings', {}, ['checkin'])
  const { edits, setEdits, committed } = useDraft<CheckinSettingsValues, typeof saved.data>(saved.data, saved.reload)
  const [errors, setErrors] = useState<CheckinSettingsField[]>([])
  const { call, failure } = useCall()
  if (saved.data === undefined) return null
  const values = edits ?? settingsFormFrom(saved.data)
  const set = (field: CheckinSettingsField, value: string): void => {
    setEdits({ ...values, [field]: value })
    setErrors(errors.filter((e) => e !== field))
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const read = readSettingsForm(values)
    if (!read.ok) return setErrors(read.errors)
    const result = await call('checkin.configure', read.input)
    if (!result.ok) return
    committed()
    notify(t('setup.checkin.saved'))
  }

  const text = (field: CheckinSettingsField, placeholder: string) => (
    <Field
      className="span-2"
      label={t(`setup.checkin.${field}`)}
      value={values[field]}
      onChange={(e) => set(field, e.target.value)}
      placeholder={placeholder}
      hint={t(`setup.checkin.${field}Hint`)}
      error={errors.includes(field) ? { key: `setup.checkin.${field}Invalid` } : undefined}
      optional
      data-testid={`checkin-settings-${field}`}
    />
  )

  return (
    <section className="card" aria-labelledby="checkin-settings-title">
      <h2 id="checkin-settings-title">{t('setup.checkin.title')}</h2>
      <p className="muted">{t('setup.checkin.intro')}</p>
      <ErrorBanner error={failure} />
      <form className="form-grid" onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="span-2 field">
          <legend>{t('setup.checkin.confirmations')}</legend>
          {checkinConfirmations.map((c) => (
            <Check
              key={c}
              label={t(`checkin.confirmations.${c}`)}
              checked={values.confirmations.includes(c)}
              onChange={(on) => setEdits({ ...values, confirmations: on ? [...values.confirmations, c] : values.confirmations.filter((x) => x !== c) })}
              testId={`checkin-settings-${c}`}
            />
          ))}
        </fieldset>
        {text('items', t('setup.checkin.itemsPlaceholder'))}
        {text('shirts', 'XS 50, S 200, M 400, L 300, XL 120')}
        {text('tables', t('setup.checkin.tablesPlaceholder'))}
        <div className="form-actions span-2">
          {edits !== null && <span className="unsaved">{t('common.unsavedChanges')}</span>}
          <button type="submit" className="button button-primary" disabled={edits === null} data-testid="checkin-settings-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  )
}
