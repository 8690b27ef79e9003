import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { formatDate } from '../ui/format'
import { SexChoice } from '../ui/SexChoice'
import { ShirtSizeChoice } from '../ui/ShirtSizeChoice'
import { useNotify } from '../ui/Notices'
import { AuditTrail } from '../audit/AuditTrail'
import { BibHistory } from './BibHistory'
import { entrantFormFrom, readEntrantForm, type EntrantFormErrors, type EntrantFormField, type EntrantFormValues } from './entrant-form'
import { personName } from '../../../src-shared/names/person-name'
import { useCall } from '../client/use-call'

const fieldOfError: Partial<Record<string, EntrantFormField>> = { BIB_TAKEN: 'bib', BIB_OUT_OF_RANGE: 'bib', REF_TAKEN: 'ref' }

export function EntrantDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const notify = useNotify()
  // The browser writes a date field in the computer's own order: the hint says it in words.
  const dateHint = (value: string, more: string | null): string | undefined =>
    [value === '' ? null : formatDate(value, i18n.language), more].filter((part) => part !== null).join(' · ') || undefined
  const entrant = useCommand('entrants.get', { id }, ['entrants'])
  const races = useCommand('races.list', {}, ['races'])
  const event = useCommand('event.get', {}, ['event'])
  const stocked = useCommand('checkin.stats', {}, ['checkin']).data?.shirts ?? []
  const [edits, setEdits] = useState<EntrantFormValues | null>(null)
  const [errors, setErrors] = useState<EntrantFormErrors>({})
  const { call, attempt, busy, failure, setFailure } = useCall()
  const [confirmDelete, setConfirmDelete] = useState(false)

  const title =
    entrant.data === undefined ? t('common.loading') : t('entrants.edit.title', { name: personName(entrant.data.givenName, entrant.data.familyName) })
  if (entrant.data === undefined) {
    return (
      <Dialog title={title} labelledBy="entrant-dialog-title" onClose={onClose}>
        <ErrorBanner error={entrant.error} />
      </Dialog>
    )
  }
  const current = entrant.data
  const saved = entrantFormFrom(current)
  const values = edits ?? saved
  const waves = races.data?.find((race) => String(race.id) === values.raceId)?.waves ?? []
  const name = personName(current.givenName, current.familyName)
  const set = (field: EntrantFormField) => (event: { target: { value: string } }) => {
    setEdits({ ...values, [field]: event.target.value })
    setErrors({ ...errors, [field]: undefined })
  }
  const field = (key: EntrantFormField, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field label={t(`entrants.edit.${key}`)} value={values[key]} onChange={set(key)} error={errors[key]} {...extra} />
  )

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const read = readEntrantForm(id, values, saved)
    if (!read.ok) return setErrors(read.errors)
    if (read.input === null) return onClose()
    const result = await attempt('entrants.update', read.input)
    if (!result.ok) {
      const target = fieldOfError[result.error.code]
      if (target === undefined) return setFailure(result.error)
      return setErrors({ [target]: { key: `errors.${result.error.code}`, ...(result.error.details !== undefined && { params: result.error.details }) } })
    }
    notify(t('entrants.edit.saved', { name: personName(result.value.givenName, result.value.familyName) }))
    onClose()
  }

  async function remove(): Promise<void> {
    const result = await call('entrants.delete', { id })
    if (!result.ok) return
    notify(t('entrants.edit.deleted', { name }))
    onClose()
  }

  return (
    <Dialog title={title} labelledBy="entrant-dialog-title" onClose={onClose}>
      <ErrorBanner error={failure} />
      {confirmDelete ? (
        <div>
          <h3>{t('entrants.edit.deleteTitle', { name })}</h3>
          <p>{t('entrants.edit.deleteBody')}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setConfirmDelete(false)} autoFocus>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-danger-solid" onClick={() => void remove()} disabled={busy}>
              {t('common.delete')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form-grid" onSubmit={(e) => void save(e)} noValidate>
          {field('givenName', { autoFocus: true, required: true })}
          {field('familyName', { required: true })}
          {field('secondName', { hint: t('entrants.edit.secondNameHint') })}
          <SexChoice name="entrant-sex" label={t('entrants.edit.sex')} value={values.sex} onChange={(sex) => set('sex')({ target: { value: sex } })} />
          {field('birthDate', {
            type: 'date',
            hint: dateHint(values.birthDate, current.category === null ? null : t('entrants.edit.category', { category: current.category })),
          })}
          {field('age', { inputMode: 'numeric', hint: t('entrants.edit.ageHint'), disabled: values.birthDate !== '' })}
          <div className="field">
            <label htmlFor="entrant-race">{t('entrants.edit.race')}</label>
            <select id="entrant-race" value={values.raceId} onChange={(e) => setEdits({ ...values, raceId: e.target.value, waveId: '' })}>
              {(races.data ?? []).map((race) => (
                <option key={race.id} value={race.id}>
                  {race.name}
                </option>
              ))}
            </select>
          </div>
          {waves.length > 0 && (
            <div className="field">
              <label htmlFor="entrant-wave">{t('entrants.edit.wave')}</label>
              <select id="entrant-wave" value={values.waveId} onChange={set('waveId')}>
                <option value="">{t('entrants.edit.noWave')}</option>
                {waves.map((wave) => (
                  <option key={wave.id} value={wave.id}>
                    {wave.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {field('bib', { inputMode: 'numeric' })}
          {field('nationality', { hint: t('entrants.edit.nationalityHint'), maxLength: 3 })}
          {field('club')}
          {field('team')}
          {field('divisions', { hint: t('entrants.edit.divisionsHint') })}
          {field('email', { type: 'email' })}
          {field('phone', { type: 'tel' })}
          {field('emergencyName')}
          {field('emergencyPhone', { type: 'tel' })}
          {stocked.length > 0 ? (
            <ShirtSizeChoice
              id="entrant-shirt"
              label={t('entrants.edit.shirtSize')}
              value={values.shirtSize}
              stocked={stocked}
              noneLabel={t('entrants.edit.noShirt')}
              onChange={(size) => set('shirtSize')({ target: { value: size } })}
            />
          ) : (
            field('shirtSize')
          )}
          {field('ref')}
          <div className="form-actions span-2">
            <button
              type="button"
              className="button button-quiet button-danger unsaved"
              onClick={() => setConfirmDelete(true)}
              disabled={current.status === 'checked-in'}
            >
              {t('common.delete')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      )}
      {!confirmDelete && <BibHistory entrant={current} timeZone={event.data?.timeZone ?? 'UTC'} />}
      {!confirmDelete && (
        <section className="entrant-audit" aria-labelledby="entrant-audit-title">
          <h3 id="entrant-audit-title">{t('audit.entrantHistory')}</h3>
          <AuditTrail entrantId={current.id} timeZone={event.data?.timeZone ?? 'UTC'} compact />
        </section>
      )}
    </Dialog>
  )
}
