import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { EventSettings as Settings } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { formatEventDate } from '../ui/format'
import { useNotify } from '../ui/Notices'
import { useDraft } from '../ui/use-draft'
import { LogoPicker } from './LogoPicker'
import { knownTimeZones, readEventForm, type EventFormErrors } from './event-form'
import { useCall } from '../client/use-call'

const timeZones = knownTimeZones()

export function EventSettings() {
  const { t, i18n } = useTranslation()
  const notify = useNotify()
  const saved = useCommand('event.get', {}, ['event'])
  // Null while the organiser has not typed anything: the form then shows what is saved, so
  // another desk's change appears at once without overwriting edits in progress.
  const { edits, setEdits, committed } = useDraft<Settings, typeof saved.data>(saved.data, saved.reload)
  const [errors, setErrors] = useState<EventFormErrors>({})
  const { call, busy: saving, failure } = useCall()

  if (saved.data === undefined) {
    return (
      <section className="card" aria-busy={saved.error === null}>
        <ErrorBanner error={saved.error} onRetry={saved.reload} />
        {saved.error === null && <p className="muted">{t('common.loading')}</p>}
      </section>
    )
  }
  const stored = saved.data
  const values = edits ?? stored
  const dirty = (Object.keys(values) as (keyof Settings)[]).some((key) => values[key] !== stored[key])

  const set = (field: keyof Settings) => (event: { target: { value: string } }) => {
    setEdits({ ...values, [field]: event.target.value })
    setErrors({ ...errors, [field]: undefined })
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const read = readEventForm(values, stored)
    if (!read.ok) return setErrors(read.errors)
    if (read.input === null) return
    const result = await call('event.update', read.input)
    if (!result.ok) return
    committed()
    notify(t('setup.event.saved'))
  }

  return (
    <section className="card" aria-labelledby="event-title">
      <h2 id="event-title">{t('setup.event.title')}</h2>
      <ErrorBanner error={failure} />
      <form className="form-grid" onSubmit={(e) => void save(e)} noValidate>
        <Field className="span-2" label={t('setup.event.name')} value={values.name} onChange={set('name')} error={errors.name} maxLength={200} required />
        {/* The browser writes a date field in the computer's own order: the hint says the day in words. */}
        <Field
          label={t('setup.event.date')}
          type="date"
          value={values.date}
          onChange={set('date')}
          error={errors.date}
          required
          {...(/^\d{4}-\d{2}-\d{2}$/.test(values.date) && { hint: formatEventDate(values.date, i18n.language) })}
        />
        <Field
          label={t('setup.event.timeZone')}
          value={values.timeZone}
          onChange={set('timeZone')}
          error={errors.timeZone}
          hint={t('setup.event.timeZoneHint')}
          list="time-zones"
          spellCheck={false}
          autoComplete="off"
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <Field
          className="span-2"
          label={t('setup.event.place')}
          value={values.place}
          onChange={set('place')}
          error={errors.place}
          placeholder={t('setup.event.placePlaceholder')}
          optional
        />
        <div className="form-actions span-2">
          {dirty && <span className="muted unsaved">{t('common.unsavedChanges')}</span>}
          <button type="submit" className="button button-primary" disabled={!dirty || saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      <LogoPicker />
    </section>
  )
}
