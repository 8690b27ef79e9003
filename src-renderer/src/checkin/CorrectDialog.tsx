import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CheckinStatus } from '../../../src-shared/contract/checkin'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { useNotify } from '../ui/Notices'
import { correctFields, readCorrection, type CorrectField, type CorrectValues, type FormErrors } from './desk-forms'
import { personName } from '../../../src-shared/names/person-name'
import { useCall } from '../client/use-call'

/** Names, contacts and notes as the runner corrects them; nothing else is the desk's to change. */
export function CorrectDialog({ entrant, onClose }: { entrant: CheckinStatus['entrant']; onClose: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const saved: CorrectValues = Object.fromEntries(correctFields.map((f) => [f, entrant[f] ?? ''])) as CorrectValues
  const [values, setValues] = useState(saved)
  const [errors, setErrors] = useState<FormErrors<CorrectField>>({})
  const { call, failure } = useCall()

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const read = readCorrection(entrant.id, values, saved)
    if (!read.ok) return setErrors(read.errors)
    if (read.input === null) return onClose()
    const result = await call('checkin.correct', read.input)
    if (!result.ok) return
    notify(t('checkin.corrected', { name: personName(result.value.givenName, result.value.familyName) }))
    onClose()
  }

  const field = (key: CorrectField, wide = false) => (
    <Field
      key={key}
      className={wide ? 'span-2' : undefined}
      label={t(`checkin.fields.${key}`)}
      value={values[key]}
      onChange={(e) => {
        setValues({ ...values, [key]: e.target.value })
        setErrors({ ...errors, [key]: undefined })
      }}
      error={errors[key]}
      data-testid={`correct-${key}`}
    />
  )

  return (
    <Dialog title={t('checkin.correct')} labelledBy="correct-title" onClose={onClose}>
      <ErrorBanner error={failure} />
      <form className="form-grid" onSubmit={(e) => void save(e)} noValidate>
        {field('givenName')}
        {field('familyName')}
        {field('secondName', true)}
        {field('phone')}
        {field('email')}
        {field('emergencyName')}
        {field('emergencyPhone')}
        {field('notes', true)}
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="correct-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
