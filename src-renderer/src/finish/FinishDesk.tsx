import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue } from '../../../src-shared/contract'
import type { CaptureView, CaptureWarning } from '../../../src-shared/contract/timing'
import { useSession } from '../app/session'
import { useCommand, useLinkStatus } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import type { Acknowledged, QueuedCall } from './capture-queue'
import { BibSuggestions } from './BibSuggestions'
import { CorrectionDialog, type CorrectionAction } from './CorrectionDialog'
import { CrossCheckPanel } from './CrossCheckPanel'
import { claimDevice, finishDevice } from './device'
import { ClockStatus, DeviceClocks } from './DeviceClocks'
import { FinishOffice } from './FinishOffice'
import { PointOptions } from './PointOptions'
import { RaceClocks } from './RaceClocks'
import { SequenceTable } from './SequenceTable'
import { timeOfDay } from './times'
import { TypedTimes, type EnqueueTyped } from './TypedTimes'
import { useCaptureQueue } from './use-capture-queue'
import { useDeviceClock } from './use-device-clock'

export const captureModes = ['time', 'bib', 'bibTime', 'typed'] as const
export type CaptureMode = (typeof captureModes)[number]
export const captureKeys = ['Space', 'Enter', 'F9', 'NumpadEnter'] as const
/** A key's `code`: one of the usual ones, or the one a foot pedal or a big button sends. */
type CaptureKey = string
// Keys the desk needs for itself, never the capture key.
const reservedKeys = new Set(['Escape', 'Tab', 'F8', 'Delete', 'ArrowUp', 'ArrowDown'])

const modeKey = 'race-office.finish-mode'
const keyKey = 'race-office.finish-key'
const pointKey = 'race-office.finish-point'

function stored<T extends string>(key: string, options: readonly T[], fallback: T): T {
  const value = localStorage.getItem(key)
  return options.includes(value as T) ? (value as T) : fallback
}

function storedKey(): CaptureKey {
  const value = localStorage.getItem(keyKey)
  return value !== null && /^[A-Za-z0-9]{1,30}$/.test(value) && !reservedKeys.has(value) ? value : 'Space'
}

type Confirmation = { bib: number | null; order: number | null; atMs: number | null; name: string | null; warnings: CaptureWarning[]; waiting: boolean }

function confirmationOf(ack: Acknowledged): Confirmation {
  if (ack.item.command === 'timing.capture' || ack.item.command === 'timing.typeTime') {
    const c = (ack as Extract<Acknowledged, { item: { command: 'timing.capture' | 'timing.typeTime' } }>).value.capture
    return { bib: c.bib, order: c.order, atMs: c.atMs, name: c.runner?.name ?? null, warnings: c.warnings, waiting: false }
  }
  const v = (ack as Extract<Acknowledged, { item: { command: 'timing.assignBib' } }>).value
  return {
    bib: v.bib,
    order: v.capture?.order ?? null,
    atMs: v.capture?.atMs ?? null,
    name: v.capture?.runner?.name ?? null,
    warnings: v.warnings,
    waiting: v.capture === null,
  }
}

/** A press's own key in the device's store: unique whatever its device and number turn out to be. */
function pressKey(): string {
  return `${Date.now().toString(36)}-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** This tab as a finish device, its id checked against the other open tabs (a duplicated tab takes a new one). */
function useFinishDevice() {
  const device = useMemo(() => finishDevice(sessionStorage), [])
  const [id, setId] = useState(device.id)
  useEffect(() => {
    const stop = device.onRenew(setId)
    const release = typeof BroadcastChannel === 'undefined' ? () => {} : claimDevice(device, new BroadcastChannel('race-office.finish-devices'))
    return () => {
      stop()
      release()
    }
  }, [device])
  return { device, id }
}

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.closest('input, select, textarea, dialog') !== null || target.isContentEditable)

/**
 * The finish line, keyboard first and offline-safe: the capture key records the instant of the
 * key press itself; bibs are typed in finish order, or with their time. A press shows as
 * acknowledged only once the office has committed it; until then it waits on this device.
 */
export function FinishDesk() {
  const { t } = useTranslation()
  const { info } = useSession()
  const link = useLinkStatus()
  const event = useCommand('event.get', {}, ['event'])
  const [mode, setModeState] = useState<CaptureMode>(() => stored(modeKey, captureModes, 'time'))
  const [captureKey, setCaptureKeyState] = useState<CaptureKey>(storedKey)
  const [learningKey, setLearningKey] = useState(false)
  const [point, setPointState] = useState(() => localStorage.getItem(pointKey) ?? 'finish')
  const { device, id: deviceId } = useFinishDevice()
  const { clock, measurement } = useDeviceClock(deviceId)
  const offsetMs = measurement?.offsetMs ?? 0
  const officeNow = useCallback(() => clock.now() + offsetMs, [clock, offsetMs])
  // The latest rows are what the finish watches; older ones come on asking (a big race has thousands).
  const [shown, setShown] = useState(80)
  const list = useCommand('timing.list', { point, last: shown }, ['timing', 'entrants', 'checkin'])
  const clocks = useCommand('clock.list', {}, ['timing', 'races'])
  const guns = useMemo(() => (clocks.data ?? []).map((c) => ({ name: c.wave === null ? c.race : `${c.race} · ${c.wave}`, gunAtMs: c.gunAtMs })), [clocks.data])
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null)
  const [refusal, setRefusal] = useState<CommandErrorValue | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [correcting, setCorrecting] = useState<{ action: CorrectionAction; capture: CaptureView } | null>(null)
  const [bibText, setBibText] = useState('')
  const [bibInvalid, setBibInvalid] = useState(false)
  const box = useRef<HTMLInputElement>(null)

  const onAcknowledged = useCallback((ack: Acknowledged) => setConfirmation(confirmationOf(ack)), [])
  const onRefused = useCallback((_item: QueuedCall, error: CommandErrorValue) => setRefusal(error), [])
  const { add, pending } = useCaptureQueue(device, { onAcknowledged, onRefused })

  const setMode = (value: CaptureMode): void => {
    localStorage.setItem(modeKey, value)
    setModeState(value)
    setTimeout(() => box.current?.focus(), 0)
  }
  const keyName = (code: string): string => t(`finish.keys.${code}`, { defaultValue: code })
  const setCaptureKey = (value: CaptureKey): void => {
    localStorage.setItem(keyKey, value)
    setCaptureKeyState(value)
  }
  const setPoint = (value: string): void => {
    localStorage.setItem(pointKey, value)
    setPointState(value)
  }

  const captureTime = useCallback(
    (atMs: number, bib?: number) => {
      const seq = device.nextSeq()
      setRefusal(null)
      add({
        key: pressKey(),
        order: performance.timeOrigin + performance.now(),
        command: 'timing.capture',
        input: { device: device.id, seq, point, atMs, clockSegment: clock.segment, ...(bib !== undefined && { bib }) },
      })
    },
    [add, clock, device, point],
  )

  // "Use another key": the next key pressed (a foot pedal, a big button) becomes the capture key.
  useEffect(() => {
    if (!learningKey) return
    const onKey = (e: KeyboardEvent): void => {
      e.preventDefault()
      e.stopImmediatePropagation()
      setLearningKey(false)
      if (e.code === 'Escape' || reservedKeys.has(e.code) || e.code === '') return
      setCaptureKey(e.code)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  })

  // Time mode: the capture key anywhere on the desk (a foot pedal or a big button types it too).
  useEffect(() => {
    if (mode !== 'time' || correcting !== null || learningKey) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.code !== captureKey || typing(e.target)) return
      e.preventDefault()
      if (!e.repeat) captureTime(clock.instantOf(e))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [captureKey, captureTime, clock, correcting, learningKey, mode])

  function onBibKey(e: ReactKeyboardEvent<HTMLInputElement>): void {
    if (e.key !== 'Enter') return
    e.preventDefault()
    // The instant of the Enter itself: the runner crossed as it was pressed.
    const atMs = clock.instantOf(e)
    const text = bibText.trim()
    if (!/^\d{1,7}$/.test(text) || Number(text) < 1) {
      setBibInvalid(true)
      return
    }
    setBibInvalid(false)
    setBibText('')
    if (mode === 'bibTime') return captureTime(atMs, Number(text))
    const seq = device.nextSeq()
    setRefusal(null)
    add({
      key: pressKey(),
      order: performance.timeOrigin + performance.now(),
      command: 'timing.assignBib',
      input: { device: device.id, seq, point, bib: Number(text), enteredAtMs: atMs },
    })
  }

  const enqueueTyped: EnqueueTyped = (item) => {
    setRefusal(null)
    add({ ...item, key: pressKey(), order: performance.timeOrigin + performance.now() })
  }

  if (event.data === undefined) return <ErrorBanner error={event.error} onRetry={event.reload} />
  const timeZone = event.data.timeZone
  const captures = list.data?.captures ?? []
  const chosen = captures.find((c) => c.id === selected) ?? null
  const correct = (action: CorrectionAction, capture: CaptureView | null = chosen): void => {
    if (capture !== null) setCorrecting({ action, capture })
  }
  const offline = link !== 'live'

  return (
    <section className="finish" aria-labelledby="finish-title">
      <div className="desk-header-row">
        <h1 id="finish-title">{t('desks.finish')}</h1>
        <div className="finish-settings">
          <label>
            {t('finish.point')}{' '}
            <select value={point} onChange={(e) => setPoint(e.target.value)} data-testid="finish-point">
              <PointOptions />
            </select>
          </label>
          <label>
            {t('finish.captureKey')}{' '}
            <select value={captureKey} onChange={(e) => setCaptureKey(e.target.value)}>
              {[...captureKeys, ...((captureKeys as readonly string[]).includes(captureKey) ? [] : [captureKey])].map((k) => (
                <option key={k} value={k}>
                  {keyName(k)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button-quiet" onClick={() => setLearningKey(true)} aria-pressed={learningKey}>
            {learningKey ? t('finish.learningKey') : t('finish.learnKey')}
          </button>
          <span className="muted" data-testid="finish-device">
            {t('finish.device', { device: deviceId })}
          </span>
        </div>
      </div>

      <ClockStatus measurement={measurement} offline={offline} />

      <RaceClocks clocks={clocks} device={deviceId} clock={clock} officeNow={officeNow} timeZone={timeZone} eventDate={event.data.date} />

      <section className="card capture-pad" aria-labelledby="capture-title">
        <h2 id="capture-title" className="visually-hidden">
          {t('finish.capture')}
        </h2>
        <div className="kind-tabs" role="radiogroup" aria-label={t('finish.mode')}>
          {captureModes.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={`race-tab ${mode === m ? 'race-tab-current' : ''}`}
              onClick={() => setMode(m)}
            >
              {t(`finish.modes.${m}`)}
            </button>
          ))}
        </div>
        <p className="muted">{t(`finish.modeHints.${mode}`, { key: keyName(captureKey) })}</p>
        {mode === 'time' ? (
          <button type="button" className="capture-button" onClick={(e) => captureTime(clock.instantOf(e))} data-testid="capture-button">
            {t('finish.captureNow')} <kbd>{keyName(captureKey)}</kbd>
          </button>
        ) : mode === 'typed' ? (
          <TypedTimes clocks={clocks.data ?? []} device={device} point={point} timeZone={timeZone} enqueue={enqueueTyped} />
        ) : (
          <div className={`field capture-bib ${bibInvalid ? 'field-invalid' : ''}`}>
            <label htmlFor="finish-bib">{t(mode === 'bib' ? 'finish.bibInOrder' : 'finish.bibAndTime')}</label>
            <input
              id="finish-bib"
              ref={box}
              className="find-input"
              value={bibText}
              onChange={(e) => setBibText(e.target.value)}
              onKeyDown={onBibKey}
              inputMode="numeric"
              autoComplete="off"
              autoFocus
              aria-invalid={bibInvalid}
            />
            {bibInvalid && (
              <p className="field-error" role="alert">
                {t('finish.bibInvalid')}
              </p>
            )}
            <BibSuggestions
              text={bibText}
              point={point}
              onPick={(bib) => {
                setBibText(String(bib))
                setBibInvalid(false)
                box.current?.focus()
              }}
            />
          </div>
        )}
        <Acknowledgement confirmation={confirmation} timeZone={timeZone} />
        <ErrorBanner error={refusal} />
        {pending.length > 0 && (
          <p className={`finish-pending ${offline ? 'finish-pending-offline' : ''}`} role="status" data-testid="finish-pending">
            {t(offline ? 'finish.pendingOffline' : 'finish.pending', { count: pending.length })}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="sequence-title">
        <div className="card-header">
          <h2 id="sequence-title">{t('finish.sequence')}</h2>
          {list.data !== undefined && (
            <span className="count" data-testid="finish-counts">
              {t('finish.counts', { count: list.data.times, withBib: list.data.withBib })}
            </span>
          )}
        </div>
        {list.data !== undefined && list.data.waiting.length > 0 && (
          <p className="finish-waiting" data-testid="finish-waiting">
            {t('finish.waiting', { bibs: list.data.waiting.map((w) => w.bib).join(', ') })}
          </p>
        )}
        <div className="correction-bar" role="toolbar" aria-label={t('finish.corrections')}>
          {chosen === null ? (
            <span className="muted">{t('finish.chooseRow')}</span>
          ) : (
            <>
              {chosen.state === 'active' ? (
                <>
                  <button type="button" className="button" onClick={() => correct('editBib')}>
                    {t('finish.correct.editBib.button')}
                  </button>
                  <button type="button" className="button" onClick={() => correct('delete')}>
                    {t('finish.correct.delete.button')}
                  </button>
                  <button type="button" className="button" onClick={() => correct('notRunner')}>
                    {t('finish.correct.notRunner.button')}
                  </button>
                  {chosen.entryId !== null && (
                    <>
                      <button type="button" className="button" onClick={() => correct('shiftDown')}>
                        {t('finish.correct.shiftDown.button')}
                      </button>
                      <button type="button" className="button" onClick={() => correct('shiftUp')}>
                        {t('finish.correct.shiftUp.button')}
                      </button>
                    </>
                  )}
                </>
              ) : (
                <button type="button" className="button" onClick={() => correct('restore')}>
                  {t('finish.correct.restore.button')}
                </button>
              )}
              <button type="button" className="button" onClick={() => correct('insert')}>
                {t('finish.correct.insert.button')}
              </button>
            </>
          )}
        </div>
        <SequenceTable
          captures={captures}
          pending={pending}
          offsetMs={offsetMs}
          guns={guns}
          selected={selected}
          onSelect={setSelected}
          onDelete={(c) => correct('delete', c)}
          timeZone={timeZone}
        />
        {captures.length >= shown && (
          <button type="button" className="button button-quiet" onClick={() => setShown(shown + 500)}>
            {t('finish.showMore')}
          </button>
        )}
      </section>

      <CrossCheckPanel point={point} device={device} timeZone={timeZone} />

      <DeviceClocks timeZone={timeZone} />

      {info.role === 'organiser' && <FinishOffice />}

      {correcting !== null && (
        <CorrectionDialog
          {...correcting}
          point={point}
          device={device}
          timeZone={timeZone}
          eventDate={event.data.date}
          onClose={(done) => {
            setCorrecting(null)
            if (done) list.reload()
            setTimeout(() => (mode === 'time' ? undefined : box.current?.focus()), 0)
          }}
        />
      )}
    </section>
  )
}

/** The last press the office has committed: unmistakable, with its warnings beside it. */
function Acknowledgement({ confirmation, timeZone }: { confirmation: Confirmation | null; timeZone: string }) {
  const { t } = useTranslation()
  if (confirmation === null) return null
  return (
    <div className={`finish-ack ${confirmation.warnings.length > 0 ? 'finish-ack-warned' : ''}`} role="status" data-testid="finish-ack">
      <strong>
        {confirmation.order !== null && `#${confirmation.order} · `}
        {confirmation.atMs !== null && `${timeOfDay(confirmation.atMs, timeZone)} · `}
        {confirmation.bib !== null ? t('finish.bibShown', { bib: confirmation.bib }) : t('finish.noBib')}
        {confirmation.name !== null && ` · ${confirmation.name}`}
      </strong>
      {confirmation.waiting && <span> — {t('finish.waitsForTime')}</span>}
      {confirmation.warnings.map((w) => (
        <span key={w} className="badge badge-warn">
          {t(`finish.warnings.${w}`)}
        </span>
      ))}
    </div>
  )
}
