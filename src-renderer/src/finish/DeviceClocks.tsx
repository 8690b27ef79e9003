import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceClock } from '../../../src-shared/contract/timing'
import { clockDrift, clockState } from '../../../src-shared/timing/clock-offset'
import { useSession } from '../app/session'
import { useCommand } from '../client/use-command'
import { Choice } from '../ui/Choice'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { timeOfDay } from './times'
import type { ClockMeasurement } from './use-device-clock'
import { useCall } from '../client/use-call'

/** "31.2 s fast" in the screen's language. */
function useDriftText(): (offsetMs: number) => string {
  const { t } = useTranslation()
  return (offsetMs) => {
    const { direction, seconds } = clockDrift(offsetMs)
    return t(`finish.clocks.drift.${direction}`, { seconds })
  }
}

/**
 * This screen's own clock against the office's, always in view: calm when it agrees, amber when it
 * is more than a second off (its times are corrected) or could not be measured closely.
 */
export function ClockStatus({ measurement, offline }: { measurement: ClockMeasurement | null; offline: boolean }) {
  const { t } = useTranslation()
  const drift = useDriftText()
  if (measurement === null) {
    return (
      <p className="clock-status clock-status-warn" role="status" data-testid="clock-status" data-state="unknown">
        {t(offline ? 'finish.clocks.mineOffline' : 'finish.clocks.mineChecking')}
      </p>
    )
  }
  const state = clockState(measurement)
  const key = state === 'uncertain' ? 'mineUncertain' : state === 'off' ? 'mineOff' : 'mineOk'
  return (
    <p className={`clock-status ${state === 'ok' ? '' : 'clock-status-warn'}`} role="status" data-testid="clock-status" data-state={state}>
      {t(`finish.clocks.${key}`, { drift: drift(measurement.offsetMs), ms: measurement.uncertaintyMs })}
    </p>
  )
}

/** Every device that recorded here, with its clock's offset to the office's; the organiser can enter one never measured. */
export function DeviceClocks({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation()
  const { info } = useSession()
  const devices = useCommand('clock.devices', {}, ['timing'])
  const drift = useDriftText()
  const [entering, setEntering] = useState<DeviceClock | null>(null)
  if (devices.data === undefined) return <ErrorBanner error={devices.error} onRetry={devices.reload} />
  return (
    <section className="card" aria-labelledby="device-clocks-title" data-testid="device-clocks-card">
      <h2 id="device-clocks-title">{t('finish.clocks.title')}</h2>
      <p className="muted">{t('finish.clocks.intro')}</p>
      {devices.data.length === 0 ? (
        <p className="muted">{t('finish.clocks.none')}</p>
      ) : (
        <table className="table" data-testid="device-clocks">
          <thead>
            <tr>
              <th scope="col">{t('finish.clocks.device')}</th>
              <th scope="col">{t('finish.clocks.clock')}</th>
              <th scope="col">{t('finish.clocks.uncertainty')}</th>
              <th scope="col">{t('finish.clocks.measured')}</th>
              <th scope="col">{t('finish.clocks.times')}</th>
              {info.role === 'organiser' && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {devices.data.map((d) => (
              <tr key={d.device} className={d.state === 'ok' ? '' : 'row-warn'} data-state={d.state}>
                <td>
                  <strong>{d.desk ?? d.device}</strong>
                  {d.desk !== null && <div className="muted">{d.device}</div>}
                </td>
                <td>{d.offsetMs === null ? <span className="badge badge-warn">{t('finish.clocks.never')}</span> : drift(d.offsetMs)}</td>
                <td>{d.uncertaintyMs === null ? '—' : t('finish.clocks.plusMinus', { ms: d.uncertaintyMs })}</td>
                <td>
                  {d.measuredAtMs === null
                    ? '—'
                    : `${timeOfDay(d.measuredAtMs, timeZone).slice(0, 8)}${d.history[0]?.source === 'manual' ? ` · ${t('finish.clocks.entered')}` : ''}`}
                </td>
                <td>{d.captures + d.guns}</td>
                {info.role === 'organiser' && (
                  <td>
                    <button type="button" className="button button-quiet" onClick={() => setEntering(d)}>
                      {t('finish.clocks.enter')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entering !== null && <OffsetDialog device={entering} onClose={() => setEntering(null)} />}
    </section>
  )
}

/** A clock never measured (a laptop's package from a USB stick): its offset read from a photo of both clocks, audited. */
function OffsetDialog({ device, onClose }: { device: DeviceClock; onClose: () => void }) {
  const { t } = useTranslation()
  const [seconds, setSeconds] = useState('')
  const [direction, setDirection] = useState<'fast' | 'slow'>('fast')
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState<'seconds' | 'reason' | null>(null)
  const { call, failure } = useCall()

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const value = Number(seconds.trim().replace(',', '.'))
    if (seconds.trim() === '' || !Number.isFinite(value) || value < 0 || value > 86_400) return setInvalid('seconds')
    if (reason.trim() === '') return setInvalid('reason')
    const offsetMs = Math.round(value * 1000) * (direction === 'fast' ? -1 : 1)
    const result = await call('clock.setOffset', { device: device.device, offsetMs, reason: reason.trim() })
    if (!result.ok) return
    onClose()
  }

  return (
    <Dialog title={t('finish.clocks.enterTitle', { device: device.desk ?? device.device })} onClose={onClose} labelledBy="offset-dialog-title">
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted span-2">{t('finish.clocks.enterIntro')}</p>
        <ErrorBanner error={failure} />
        <Field
          label={t('finish.clocks.seconds')}
          value={seconds}
          onChange={(e) => setSeconds(e.target.value)}
          inputMode="decimal"
          placeholder="31.2"
          autoFocus
          error={invalid === 'seconds' ? { key: 'finish.clocks.secondsInvalid' } : undefined}
        />
        <Choice
          id="offset-direction"
          label={t('finish.clocks.direction')}
          value={direction}
          options={[
            ['fast', t('finish.clocks.fast')],
            ['slow', t('finish.clocks.slow')],
          ]}
          onChange={setDirection}
        />
        <Field
          className="span-2"
          label={t('finish.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('finish.clocks.reasonPlaceholder')}
          error={invalid === 'reason' ? { key: 'finish.reasonNeeded' } : undefined}
        />
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('finish.clocks.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
