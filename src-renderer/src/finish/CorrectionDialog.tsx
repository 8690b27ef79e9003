import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptureView, TimingCorrection } from '../../../src-shared/contract/timing'
import { instantOfWallTime, wallTimeAt } from '../../../src-shared/time/zoned'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import type { FinishDevice } from './device'
import { timeOfDay } from './times'
import { useCall } from '../client/use-call'

export const correctionActions = ['editBib', 'delete', 'notRunner', 'restore', 'insert', 'shiftDown', 'shiftUp'] as const
export type CorrectionAction = (typeof correctionActions)[number]

interface Props {
  action: CorrectionAction
  capture: CaptureView
  point: string
  device: FinishDevice
  timeZone: string
  eventDate: string
  onClose: (done: boolean) => void
}

/** One correction of the sequence, always with a reason: it is kept in the capture's history. */
export function CorrectionDialog({ action, capture, point, device, timeZone, eventDate, onClose }: Props) {
  const { t } = useTranslation()
  const [bib, setBib] = useState(action === 'editBib' ? String(capture.bib ?? '') : '')
  const [time, setTime] = useState(capture.atMs === null ? '' : timeOfDay(capture.atMs, timeZone))
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState<'bib' | 'time' | 'reason' | null>(null)
  const { call, failure } = useCall()

  function correction(): TimingCorrection | 'bib' | 'time' | 'reason' {
    const why = reason.trim()
    if (why === '') return 'reason'
    const typedBib = bib.trim() === '' ? null : /^\d{1,7}$/.test(bib.trim()) && Number(bib) > 0 ? Number(bib) : undefined
    switch (action) {
      case 'editBib':
        return typedBib === undefined ? 'bib' : { action, captureId: capture.id, bib: typedBib, reason: why }
      case 'insert': {
        // A time of day on the chosen capture's day: the race's, even when it runs past midnight.
        const day = capture.atMs === null ? eventDate : wallTimeAt(capture.atMs, timeZone).date
        const atMs = /^\d{1,2}:\d{2}:\d{2}(\.\d{1,3})?$/.test(time.trim()) ? instantOfWallTime(day, time.trim(), timeZone) : null
        if (atMs === null) return 'time'
        if (typedBib === undefined) return 'bib'
        return { action, device: device.id, seq: device.nextSeq(), point, atMs, ...(typedBib !== null && { bib: typedBib }), reason: why }
      }
      case 'shiftDown':
      case 'shiftUp':
        return {
          action: 'shift',
          captureId: capture.id,
          direction: action === 'shiftDown' ? 'down' : 'up',
          device: device.id,
          seq: device.nextSeq(),
          reason: why,
        }
      default:
        return { action, captureId: capture.id, reason: why }
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const input = correction()
    if (typeof input === 'string') return setInvalid(input)
    const result = await call('timing.correct', input)
    if (!result.ok) return
    onClose(true)
  }

  const what = capture.order !== null ? `#${capture.order}` : capture.atMs !== null ? timeOfDay(capture.atMs, timeZone) : `${capture.bib ?? ''}`
  return (
    <Dialog title={t(`finish.correct.${action}.title`, { what })} onClose={() => onClose(false)} labelledBy="correction-title">
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <p className="span-2 muted">{t(`finish.correct.${action}.body`)}</p>
        <ErrorBanner error={failure} />
        {action === 'insert' && (
          <Field
            className="span-2"
            label={t('finish.correct.time')}
            value={time}
            onChange={(e) => setTime(e.target.value)}
            hint={t('finish.correct.timeHint')}
            error={invalid === 'time' ? { key: 'finish.clock.gunTimeInvalid' } : undefined}
            inputMode="decimal"
            autoFocus
          />
        )}
        {(action === 'editBib' || action === 'insert') && (
          <Field
            className="span-2"
            label={t('finish.bib')}
            value={bib}
            onChange={(e) => setBib(e.target.value)}
            hint={action === 'editBib' ? t('finish.correct.bibHint') : undefined}
            error={invalid === 'bib' ? { key: 'finish.bibInvalid' } : undefined}
            inputMode="numeric"
            optional={action === 'insert'}
            autoFocus={action === 'editBib'}
          />
        )}
        <Field
          className="span-2"
          label={t('finish.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t(`finish.correct.${action}.placeholder`)}
          error={invalid === 'reason' ? { key: 'finish.reasonNeeded' } : undefined}
          autoFocus={action !== 'editBib' && action !== 'insert'}
        />
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${action === 'delete' ? 'button-danger-solid' : 'button-primary'}`}>
            {t(`finish.correct.${action}.confirm`)}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
