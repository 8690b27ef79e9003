import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Race } from '../../../src-shared/contract'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { messageText } from '../ui/messages'
import { useNotify } from '../ui/Notices'
import {
  colourSwatches,
  distancePresets,
  emptyRaceForm,
  fieldOfError,
  raceFormFrom,
  readRaceForm,
  type EventClock,
  type RaceField,
  type RaceFormErrors,
} from './race-form'
import { useCall } from '../client/use-call'

/** Create a race (race is null) or edit one. Enter saves, Escape cancels. */
export function RaceDialog({ race, clock, onClose }: { race: Race | null; clock: EventClock; onClose: () => void }) {
  const { t } = useTranslation()
  const notify = useNotify()
  const [values, setValues] = useState(race === null ? emptyRaceForm : raceFormFrom(race, clock))
  const [errors, setErrors] = useState<RaceFormErrors>({})
  const { attempt, busy: saving, failure, setFailure } = useCall()

  const isCustomColour = values.colour !== '' && !(colourSwatches as readonly string[]).includes(values.colour)

  const set = (field: RaceField, value: string | boolean): void => {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => ({ ...current, [field]: undefined }))
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    const read = readRaceForm(values, clock)
    if (!read.ok) return setErrors(read.errors)
    const result = race === null ? await attempt('races.create', read.input) : await attempt('races.update', { id: race.id, ...read.input })
    if (!result.ok) {
      const field = fieldOfError(result.error)
      if (field === null) return setFailure(result.error)
      return setErrors({ [field]: { key: `errors.${result.error.code}`, ...(result.error.details !== undefined && { params: result.error.details }) } })
    }
    notify(t(race === null ? 'setup.races.created' : 'setup.races.updated', { name: result.value.name }))
    onClose()
  }

  return (
    <Dialog
      title={race === null ? t('setup.races.newTitle') : t('setup.races.editTitle', { name: race.name })}
      labelledBy="race-dialog-title"
      onClose={onClose}
    >
      <ErrorBanner error={failure} />
      <form className="form-grid" onSubmit={(e) => void save(e)} noValidate>
        <Field
          className="span-2"
          label={t('setup.race.name')}
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
          placeholder={t('setup.race.namePlaceholder')}
          maxLength={100}
          autoFocus
          required
        />
        <div className="span-2 field-with-presets">
          <Field
            label={t('setup.race.distance')}
            value={values.distanceKm}
            onChange={(e) => set('distanceKm', e.target.value)}
            error={errors.distanceKm}
            inputMode="decimal"
            placeholder="42.195"
            required
          />
          <div className="presets" role="group" aria-label={t('setup.race.presets')}>
            {distancePresets.map((preset) => (
              <button key={preset.key} type="button" className="button button-chip" onClick={() => set('distanceKm', preset.km)}>
                {t(`setup.race.presetNames.${preset.key}`)}
              </button>
            ))}
          </div>
        </div>
        <Field
          label={t('setup.race.start')}
          value={values.startTime}
          onChange={(e) => set('startTime', e.target.value)}
          error={errors.startTime}
          hint={t('setup.race.startHint', { zone: clock.timeZone })}
          inputMode="numeric"
          placeholder="08:30"
          optional
        />
        <Field
          label={t('setup.race.bibRanges')}
          value={values.bibRanges}
          onChange={(e) => set('bibRanges', e.target.value)}
          error={errors.bibRanges}
          hint={t('setup.race.bibRangesHint')}
          placeholder="1-999"
          optional
        />
        <Field
          className="span-2"
          label={t('setup.race.categoryBands')}
          value={values.categoryBands}
          onChange={(e) => set('categoryBands', e.target.value)}
          error={errors.categoryBands}
          hint={t('setup.race.categoryBandsHint')}
          placeholder="18, 40, 45, 50"
          optional
        />
        <Field
          className="span-2"
          label={t('setup.race.waves')}
          value={values.waves}
          onChange={(e) => set('waves', e.target.value)}
          error={errors.waves}
          hint={t('setup.race.wavesHint')}
          placeholder="A 08:00, B 08:10, C 08:20"
          optional
        />
        <label className="span-2 check-field">
          <input type="checkbox" checked={values.bibsAtPickup} onChange={(e) => set('bibsAtPickup', e.target.checked)} />
          <span>
            {t('setup.race.bibsAtPickup')}
            <span className="field-hint">{t('setup.race.bibsAtPickupHint')}</span>
          </span>
        </label>
        <fieldset className="span-2 colour-picker">
          <legend>
            {t('setup.race.colour')} <span className="field-optional">({t('common.optional')})</span>
          </legend>
          <div className="swatches">
            <label className="swatch-option">
              <input type="radio" name="colour" value="" checked={values.colour === ''} onChange={() => set('colour', '')} />
              <span className="swatch swatch-none" title={t('setup.race.noColour')} />
              <span className="visually-hidden">{t('setup.race.noColour')}</span>
            </label>
            {colourSwatches.map((colour) => (
              <label key={colour} className="swatch-option">
                <input type="radio" name="colour" value={colour} checked={values.colour === colour} onChange={() => set('colour', colour)} />
                <span className="swatch" style={{ background: colour }} />
                <span className="visually-hidden">{colour}</span>
              </label>
            ))}
            <label className="swatch-option swatch-custom" title={t('setup.race.otherColour')}>
              <input type="color" value={values.colour === '' ? '#1f5fbf' : values.colour} onChange={(e) => set('colour', e.target.value)} />
              <span
                className={`swatch swatch-rainbow ${isCustomColour ? 'swatch-picked' : ''}`}
                style={isCustomColour ? { background: values.colour } : undefined}
              />
              <span className="swatch-custom-label">{t('setup.race.otherColour')}</span>
            </label>
          </div>
          <p className="field-hint">{t('setup.race.colourHint')}</p>
          {errors.colour !== undefined && <p className="field-error">{messageText(t, errors.colour)}</p>}
        </fieldset>
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
