import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RaceClock } from '../../../src-shared/contract/timing'
import { instantOfWallTime } from '../../../src-shared/time/zoned'
import type { Query } from '../client/use-command'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { useNotify } from '../ui/Notices'
import type { DeviceClock } from './device-clock'
import { recentStart } from './second-start'
import { elapsed, timeOfDay } from './times'
import { useCall } from '../client/use-call'

const clockName = (c: RaceClock): string => (c.wave === null ? c.race : `${c.race} · ${c.wave}`)
const clockKey = (c: RaceClock): string => `${c.raceId}:${c.waveId ?? ''}`

/** The office's time now, redrawn ten times a second (the clock's tenths move). */
function useOfficeNow(officeNow: () => number): number {
  const [now, setNow] = useState(officeNow)
  useEffect(() => {
    const timer = setInterval(() => setNow(officeNow()), 100)
    return () => clearInterval(timer)
  }, [officeNow])
  return now
}

interface Props {
  /** The races' clocks, as the desk reads them (its finish order shows times since their guns too). */
  clocks: Query<RaceClock[]>
  device: string
  /** This screen's clock: F8 records the key press on it, and the office corrects it. */
  clock: DeviceClock
  /** The office's time, as this screen knows it (its clock plus its measured offset). */
  officeNow: () => number
  timeZone: string
  eventDate: string
}

/**
 * The race clocks: F8 starts the next race or wave at the instant of the key press; a gun typed
 * afterwards, or a correction, keeps the old one in the history with a reason.
 */
export function RaceClocks({ clocks, device, clock, officeNow, timeZone, eventDate }: Props) {
  const { t } = useTranslation()
  const notify = useNotify()
  const now = useOfficeNow(officeNow)
  const [next, setNext] = useState<string | null>(null)
  // When the official last chose the next race by hand (the office's time): a deliberate choice.
  const [chosenAt, setChosenAt] = useState<number | null>(null)
  // A start asked about: the race and the instant of the press that asked for it.
  const [asking, setAsking] = useState<{ target: RaceClock; atMs: number; after: RaceClock } | null>(null)
  const [correcting, setCorrecting] = useState<RaceClock | null>(null)
  const { call, failure } = useCall()
  const list = clocks.data ?? []
  const waiting = list.filter((c) => c.gunAtMs === null)
  const nextClock = waiting.find((c) => clockKey(c) === next) ?? waiting[0]

  /** F8 or the button: a start at once, or a question when another race started moments ago. */
  function request(target: RaceClock, atMs: number): void {
    if (asking !== null) return
    const after = recentStart(list, officeNow(), chosenAt)
    if (after === null) void start(target, atMs)
    else setAsking({ target, atMs, after })
  }

  async function start(target: RaceClock, atMs: number): Promise<void> {
    const result = await call('clock.start', { raceId: target.raceId, waveId: target.waveId, atMs, device, clockSegment: clock.segment })
    if (!result.ok) return
    // The gun as the office keeps it: this screen's instant corrected by its clock's offset.
    notify(t('finish.clock.started', { name: clockName(target), time: timeOfDay(result.value.gunAtMs ?? atMs, timeZone) }))
  }

  // A gun pressed while the races are still loading keeps its instant and starts once they are in.
  const pendingGun = useRef<number | null>(null)
  useEffect(() => {
    if (pendingGun.current !== null && nextClock !== undefined) {
      const atMs = pendingGun.current
      pendingGun.current = null
      request(nextClock, atMs)
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'F8' || event.repeat) return
      event.preventDefault()
      if (clocks.data === undefined) pendingGun.current = clock.instantOf(event)
      else if (nextClock !== undefined) request(nextClock, clock.instantOf(event))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  if (clocks.data === undefined) return <ErrorBanner error={clocks.error} onRetry={clocks.reload} />
  const running = list.filter((c) => c.gunAtMs !== null)
  return (
    <section className="card clocks" aria-labelledby="clocks-title">
      <h2 id="clocks-title">{t('finish.clock.title')}</h2>
      <ErrorBanner error={failure} />
      {list.length === 0 && <p className="muted">{t('finish.clock.noRaces')}</p>}
      <ul className="clock-list">
        {running.map((c) => (
          <li key={clockKey(c)} className="clock" data-testid={`clock-${clockKey(c)}`}>
            <span className="clock-name">{clockName(c)}</span>
            <span className="clock-elapsed" aria-label={t('finish.clock.elapsed', { name: clockName(c) })}>
              {elapsed(now - (c.gunAtMs as number))}
            </span>
            <span className="muted">
              {t('finish.clock.gunAt', { time: timeOfDay(c.gunAtMs as number, timeZone) })}
              {c.history.length > 1 && ` · ${t('finish.clock.corrected', { count: c.history.length - 1 })}`}
            </span>
            <button type="button" className="button button-quiet" onClick={() => setCorrecting(c)}>
              {t('finish.clock.correct')}
            </button>
          </li>
        ))}
      </ul>
      {nextClock !== undefined && (
        <div className="clock-next">
          <label htmlFor="next-gun">{t('finish.clock.next')}</label>
          <select
            id="next-gun"
            value={clockKey(nextClock)}
            onChange={(e) => {
              setNext(e.target.value)
              setChosenAt(officeNow())
            }}
          >
            {waiting.map((c) => (
              <option key={clockKey(c)} value={clockKey(c)}>
                {clockName(c)}
              </option>
            ))}
          </select>
          <button type="button" className="button button-primary button-big" onClick={(e) => request(nextClock, clock.instantOf(e))}>
            {t('finish.clock.start', { name: clockName(nextClock) })} <kbd>F8</kbd>
          </button>
          <button type="button" className="button" onClick={() => setCorrecting(nextClock)}>
            {t('finish.clock.type')}
          </button>
        </div>
      )}
      {asking !== null && (
        <SecondStartDialog
          {...asking}
          now={now}
          timeZone={timeZone}
          onAnswer={(yes) => {
            setAsking(null)
            if (yes) void start(asking.target, asking.atMs)
          }}
        />
      )}
      {correcting !== null && <GunDialog clock={correcting} timeZone={timeZone} eventDate={eventDate} device={device} onClose={() => setCorrecting(null)} />}
    </section>
  )
}

/**
 * Another race started moments ago: starting this one too is a deliberate step. "Not yet" has the
 * focus, so a nervous Enter or a second F8 starts nothing; the start, when confirmed, is at the
 * instant of the press that asked.
 */
function SecondStartDialog({
  target,
  atMs,
  after,
  now,
  timeZone,
  onAnswer,
}: {
  target: RaceClock
  atMs: number
  after: RaceClock
  now: number
  timeZone: string
  onAnswer: (yes: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('finish.clock.secondTitle', { name: clockName(target) })} onClose={() => onAnswer(false)} labelledBy="second-start-title">
      <p data-testid="second-start">
        {t('finish.clock.secondText', {
          last: clockName(after),
          seconds: Math.max(0, Math.round((now - (after.gunAtMs as number)) / 1000)),
          name: clockName(target),
          time: timeOfDay(atMs, timeZone),
        })}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => onAnswer(false)} autoFocus>
          {t('finish.clock.secondNo')}
        </button>
        <button type="button" className="button button-primary" onClick={() => onAnswer(true)}>
          {t('finish.clock.secondYes', { name: clockName(target) })}
        </button>
      </div>
    </Dialog>
  )
}

/** The gun's time of day, typed from the starter's watch or a video; a correction needs a reason. */
function GunDialog({
  clock,
  timeZone,
  eventDate,
  device,
  onClose,
}: {
  clock: RaceClock
  timeZone: string
  eventDate: string
  device: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [time, setTime] = useState(clock.gunAtMs === null ? '' : timeOfDay(clock.gunAtMs, timeZone))
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState<'time' | 'reason' | null>(null)
  const { call, failure } = useCall()
  const correction = clock.gunAtMs !== null

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const atMs = /^\d{1,2}:\d{2}:\d{2}(\.\d{1,3})?$/.test(time.trim()) ? instantOfWallTime(eventDate, time.trim(), timeZone) : null
    if (atMs === null) return setInvalid('time')
    if (correction && reason.trim() === '') return setInvalid('reason')
    const result = await call('clock.set', { raceId: clock.raceId, waveId: clock.waveId, atMs, device, ...(reason.trim() !== '' && { reason: reason.trim() }) })
    if (!result.ok) return
    onClose()
  }

  /** The gun from the start mat: the earliest start read of the race's (wave's) runners. */
  async function fromReads(): Promise<void> {
    if (correction && reason.trim() === '') return setInvalid('reason')
    const result = await call('clock.set', {
      raceId: clock.raceId,
      waveId: clock.waveId,
      fromReads: true,
      device,
      ...(reason.trim() !== '' && { reason: reason.trim() }),
    })
    if (!result.ok) return
    onClose()
  }

  return (
    <Dialog
      title={t(correction ? 'finish.clock.correctTitle' : 'finish.clock.typeTitle', { name: clockName(clock) })}
      onClose={onClose}
      labelledBy="gun-dialog-title"
    >
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <ErrorBanner error={failure} />
        <Field
          className="span-2"
          label={t('finish.clock.gunTime')}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          placeholder="09:00:00.000"
          hint={t('finish.clock.gunTimeHint')}
          error={invalid === 'time' ? { key: 'finish.clock.gunTimeInvalid' } : undefined}
          autoFocus
          inputMode="decimal"
        />
        <Field
          className="span-2"
          label={t('finish.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          optional={!correction}
          error={invalid === 'reason' ? { key: 'finish.reasonNeeded' } : undefined}
        />
        {clock.history.length > 0 && (
          <ol className="clock-history span-2" aria-label={t('finish.clock.history')}>
            {clock.history.map((h) => (
              <li key={h.id}>
                {timeOfDay(h.gunAtMs, timeZone)} · {t(`finish.clock.sources.${h.source}`)} · {h.actor} ({h.desk}){h.reason !== null && ` — ${h.reason}`}
              </li>
            ))}
          </ol>
        )}
        <div className="form-actions span-2">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button" onClick={() => void fromReads()}>
            {t('finish.clock.fromReads')}
          </button>
          <button type="submit" className="button button-primary">
            {t('finish.clock.save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
