import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { paymentMethods } from '../../../src-shared/contract/checkin'
import { useCommand } from '../client/use-command'
import { Choice } from '../ui/Choice'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { formatDate } from '../ui/format'
import { SexChoice } from '../ui/SexChoice'
import { ShirtSizeChoice } from '../ui/ShirtSizeChoice'
import { BibPrint } from './BibPrint'
import { emptyWalkUp, readWalkUp, type FormErrors, type WalkUpField, type WalkUpValues } from './desk-forms'
import { useCall } from '../client/use-call'

/** A runner registering at the desk: a short form, the next walk-up number, the bib printed at once. */
export function WalkUpDialog({ onClose }: { onClose: (registered: string | null) => void }) {
  const { t, i18n } = useTranslation()
  const races = useCommand('races.list', {}, ['races'])
  const stats = useCommand('checkin.stats', {}, ['checkin'])
  const stocked = stats.data?.shirts ?? []
  const [values, setValues] = useState<WalkUpValues | null>(null)
  const [errors, setErrors] = useState<FormErrors<WalkUpField>>({})
  const { call, attempt, busy, failure } = useCall()
  const [registered, setRegistered] = useState<(CommandOutput<'checkin.walkUp'> & { checkedIn: boolean }) | null>(null)
  const form = values ?? emptyWalkUp(String(races.data?.[0]?.id ?? ''))

  const set = (field: WalkUpField, value: string): void => {
    setValues({ ...form, [field]: value })
    setErrors({ ...errors, [field]: undefined })
  }
  const field = (key: WalkUpField, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      label={t(`checkin.fields.${key}`)}
      value={form[key]}
      onChange={(e) => set(key, e.target.value)}
      error={errors[key]}
      data-testid={`walk-up-${key}`}
      {...extra}
    />
  )

  async function register(event: FormEvent): Promise<void> {
    event.preventDefault()
    const read = readWalkUp(form)
    if (!read.ok) return setErrors(read.errors)
    const result = await call('checkin.walkUp', read.input)
    if (!result.ok) return
    // Registered at the desk with the runner there: picked up too (bib, shirt and the rest handed
    // over with the form), unless the event asks the desk to confirm something first — then the
    // runner's card asks, as for anyone.
    const checkedIn = await attempt('checkin.checkIn', { entrantId: result.value.entrantId })
    setRegistered({ ...result.value, checkedIn: checkedIn.ok })
  }

  if (registered !== null) {
    return (
      <Dialog title={t('checkin.walkUp.title')} labelledBy="walk-up-title" onClose={() => onClose(registered.entrantId)}>
        <p className="walk-up-result" data-testid="walk-up-result">
          {registered.bib === null
            ? t('checkin.walkUp.noBib')
            : t(
                registered.fromWalkUpNumbers
                  ? 'checkin.walkUp.bib'
                  : registered.walkUpNumbers
                    ? 'checkin.walkUp.bibOutsideReserve'
                    : 'checkin.walkUp.bibNextFree',
                { bib: registered.bib },
              )}
        </p>
        <p data-testid="walk-up-checked-in">{t(registered.checkedIn ? 'checkin.walkUp.checkedIn' : 'checkin.walkUp.checkInOnCard')}</p>
        {registered.bib !== null && <BibPrint entrantId={registered.entrantId} />}
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={() => onClose(registered.entrantId)} autoFocus data-testid="walk-up-done">
            {t('checkin.walkUp.toCard')}
          </button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title={t('checkin.walkUp.title')} labelledBy="walk-up-title" onClose={() => onClose(null)}>
      <ErrorBanner error={failure} />
      <form className="form-grid" onSubmit={(e) => void register(e)} noValidate>
        <Choice
          id="walk-up-race"
          label={t('checkin.fields.raceId')}
          value={form.raceId}
          options={(races.data ?? []).map((r) => [String(r.id), r.name] as const)}
          onChange={(v) => set('raceId', v)}
          wide
        />
        {field('givenName', { autoFocus: true })}
        {field('familyName')}
        {field('secondName', { className: 'span-2', optional: true, hint: t('checkin.walkUp.secondNameHint') })}
        <SexChoice name="walk-up-sex" label={t('checkin.fields.sex')} value={form.sex} onChange={(v) => set('sex', v)} error={errors.sex} />
        {/* The browser writes a date field in the computer's own order: the hint says it in words. */}
        {field('birthDate', { type: 'date', optional: true, ...(form.birthDate !== '' && { hint: formatDate(form.birthDate, i18n.language) }) })}
        {field('phone', { optional: true, inputMode: 'tel' })}
        {field('email', { optional: true, inputMode: 'email' })}
        {field('emergencyName', { optional: true })}
        {field('emergencyPhone', { optional: true, inputMode: 'tel' })}
        {stocked.length > 0 ? (
          <ShirtSizeChoice
            id="walk-up-shirt"
            label={t('checkin.fields.shirtSize')}
            value={form.shirtSize}
            stocked={stocked}
            noneLabel={t('checkin.walkUp.noShirt')}
            onChange={(v) => set('shirtSize', v)}
          />
        ) : (
          field('shirtSize', { optional: true })
        )}
        <Choice
          id="walk-up-payment"
          label={t('checkin.fields.paymentMethod')}
          value={form.paymentMethod}
          options={paymentMethods.map((m) => [m, t(`checkin.walkUp.methods.${m}`)] as const)}
          onChange={(v) => set('paymentMethod', v)}
        />
        {field('paymentAmount', { optional: true, inputMode: 'decimal' })}
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="walk-up-register">
            {t('checkin.walkUp.register')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
