import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TypedClock } from '../../../src-shared/contract/manual-timing'
import type { RaceClock } from '../../../src-shared/contract/timing'
import { entersByItself, parseTypedLine, parseTypedLines, type TypedLine } from '../../../src-shared/timing/typed-times'
import type { QueuedCall } from './capture-queue'
import type { FinishDevice } from './device'
import { elapsed, timeOfDay } from './times'

const settingsKey = 'race-office.typed-times'
/** Digits after which a line goes in by itself: a tape whose times all have as many (a marathon's 5). */
export const autoEnterChoices = [0, 4, 5, 6, 7] as const

interface TypedSettings {
  clock: TypedClock
  /** `raceId:waveId` of the gun elapsed times count from. */
  gun: string
  autoDigits: number
  backup: boolean
}

function storedSettings(): TypedSettings {
  const fallback: TypedSettings = { clock: 'elapsed', gun: '', autoDigits: 0, backup: false }
  try {
    const value = JSON.parse(localStorage.getItem(settingsKey) ?? '{}') as Partial<TypedSettings>
    return {
      clock: value.clock === 'timeOfDay' ? 'timeOfDay' : 'elapsed',
      gun: typeof value.gun === 'string' ? value.gun : '',
      autoDigits: (autoEnterChoices as readonly number[]).includes(value.autoDigits ?? -1) ? (value.autoDigits as number) : 0,
      backup: value.backup === true,
    }
  } catch {
    return fallback
  }
}

const gunKey = (c: Pick<RaceClock, 'raceId' | 'waveId'>): string => `${c.raceId}:${c.waveId ?? ''}`

export type EnqueueTyped = (item: Omit<Extract<QueuedCall, { command: 'timing.typeTime' }>, 'key' | 'order'>) => void

/**
 * Times from a stopwatch tape or a paper sheet, line after line at typing speed: each line is a
 * time (and maybe its bib first), parsed as it is typed and shown as the office will take it; Enter
 * sends it through the desk's queue like a key press. A pasted column is checked line by line
 * first, then goes in at once.
 */
export function TypedTimes({
  clocks,
  device,
  point,
  timeZone,
  enqueue,
}: {
  clocks: readonly RaceClock[]
  device: FinishDevice
  point: string
  timeZone: string
  enqueue: EnqueueTyped
}) {
  const { t } = useTranslation()
  const [settings, setSettingsState] = useState(storedSettings)
  const [text, setText] = useState('')
  const [refused, setRefused] = useState<Extract<TypedLine, { ok: false }> | null>(null)
  const [pasted, setPasted] = useState<TypedLine[] | null>(null)
  const [added, setAdded] = useState(0)
  const box = useRef<HTMLInputElement>(null)
  const chosen = clocks.find((c) => gunKey(c) === settings.gun) ?? (clocks.length === 1 ? clocks[0] : undefined)
  const gunAtMs = chosen?.gunAtMs ?? null
  const needsGun = settings.clock === 'elapsed'
  const ready = !needsGun || (chosen !== undefined && gunAtMs !== null)

  const setSettings = (change: Partial<TypedSettings>): void => {
    const next = { ...settings, ...change }
    localStorage.setItem(settingsKey, JSON.stringify(next))
    setSettingsState(next)
    setTimeout(() => box.current?.focus(), 0)
  }

  const send = (lines: readonly Extract<TypedLine, { ok: true }>[]): void => {
    for (const line of lines) {
      enqueue({
        command: 'timing.typeTime',
        input: {
          device: device.id,
          seq: device.nextSeq(),
          point,
          clock: settings.clock,
          timeMs: line.timeMs,
          ...(needsGun && chosen !== undefined && { raceId: chosen.raceId }),
          ...(needsGun && chosen?.waveId != null && { waveId: chosen.waveId }),
          ...(line.bib !== null && { bib: line.bib }),
          ...(settings.backup && { as: 'backup' as const }),
        },
      })
    }
    setAdded((n) => n + lines.length)
  }

  const commit = (value: string): void => {
    const line = parseTypedLine(value)
    if (!line.ok || !ready || (settings.clock === 'timeOfDay' && line.timeMs >= 86_400_000)) {
      setRefused(line.ok ? { ok: false, problem: 'time', text: value } : line)
      return
    }
    setRefused(null)
    setText('')
    send([line])
  }

  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key !== 'Enter') return
    e.preventDefault()
    commit(text)
  }

  const onChange = (value: string): void => {
    setText(value)
    setRefused(null)
    // A tape of times that all have the same number of digits needs no Enter.
    if (entersByItself(value, settings.autoDigits)) commit(value)
  }

  const onPaste = (e: ClipboardEvent<HTMLInputElement>): void => {
    const value = e.clipboardData.getData('text')
    if (!/\r|\n/.test(value.trim())) return
    e.preventDefault()
    setPasted(parseTypedLines(value))
  }

  const shown = (timeMs: number): string =>
    settings.clock === 'elapsed'
      ? `${elapsed(timeMs, 3)}${gunAtMs !== null ? ` · ${t('finish.typed.ofDay', { time: timeOfDay(gunAtMs + timeMs, timeZone) })}` : ''}`
      : t('finish.typed.ofDay', { time: elapsed(timeMs, 3) })
  const live = text.trim() === '' ? null : parseTypedLine(text)
  const good = pasted?.filter((l): l is Extract<TypedLine, { ok: true }> => l.ok) ?? []

  return (
    <div className="typed-times" data-testid="typed-times">
      <div className="typed-settings">
        <label>
          {t('finish.typed.clock')}{' '}
          <select value={settings.clock} onChange={(e) => setSettings({ clock: e.target.value as TypedClock })}>
            <option value="elapsed">{t('finish.typed.clocks.elapsed')}</option>
            <option value="timeOfDay">{t('finish.typed.clocks.timeOfDay')}</option>
          </select>
        </label>
        {needsGun && (
          <label>
            {t('finish.typed.race')}{' '}
            <select value={chosen === undefined ? '' : gunKey(chosen)} onChange={(e) => setSettings({ gun: e.target.value })} data-testid="typed-race">
              {chosen === undefined && <option value="">{t('finish.typed.chooseRace')}</option>}
              {clocks.map((c) => (
                <option key={gunKey(c)} value={gunKey(c)}>
                  {c.wave === null ? c.race : `${c.race} · ${c.wave}`}
                  {c.gunAtMs === null ? ` (${t('finish.typed.noGun')})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('finish.typed.autoEnter')}{' '}
          <select value={settings.autoDigits} onChange={(e) => setSettings({ autoDigits: Number(e.target.value) })}>
            {autoEnterChoices.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? t('finish.typed.autoEnterOff') : t('finish.typed.autoEnterAfter', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={settings.backup} onChange={(e) => setSettings({ backup: e.target.checked })} /> {t('finish.typed.backup')}
        </label>
      </div>
      {needsGun && chosen !== undefined && gunAtMs === null && (
        <p className="field-error" role="alert">
          {t('finish.typed.raceNotStarted', { race: chosen.race })}
        </p>
      )}
      <div className={`field capture-bib ${refused !== null ? 'field-invalid' : ''}`}>
        <label htmlFor="typed-line">{t('finish.typed.line')}</label>
        <input
          id="typed-line"
          ref={box}
          className="find-input"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKey}
          onPaste={onPaste}
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          disabled={!ready}
          aria-invalid={refused !== null}
          aria-describedby="typed-parsed"
        />
        <p id="typed-parsed" className="typed-parsed" aria-live="polite" data-testid="typed-parsed">
          {live === null ? (
            <span className="muted">{t('finish.typed.example')}</span>
          ) : live.ok ? (
            <>
              {live.bib !== null && <strong>{t('finish.bibShown', { bib: live.bib })} · </strong>}
              <strong>{shown(live.timeMs)}</strong>
            </>
          ) : (
            <span className="muted">{t(`finish.typed.problems.${live.problem}`)}</span>
          )}
        </p>
        {refused !== null && (
          <p className="field-error" role="alert">
            {t(`finish.typed.problems.${refused.problem}`)}
          </p>
        )}
      </div>
      {added > 0 && (
        <p className="muted" data-testid="typed-added">
          {t('finish.typed.added', { count: added })}
        </p>
      )}
      {pasted !== null && (
        <div className="card typed-paste" data-testid="typed-paste" role="region" aria-label={t('finish.typed.pasted', { count: pasted.length })}>
          <p>
            <strong>{t('finish.typed.pasted', { count: pasted.length })}</strong>{' '}
            {good.length < pasted.length && (
              <span className="badge badge-warn">{t('finish.typed.pastedProblems', { count: pasted.length - good.length })}</span>
            )}
          </p>
          <ol className="typed-paste-lines">
            {pasted.map((line, i) => (
              <li key={i} className={line.ok ? '' : 'typed-paste-bad'}>
                {line.ok ? `${line.bib !== null ? `${line.bib} · ` : ''}${shown(line.timeMs)}` : `${line.text} — ${t(`finish.typed.problems.${line.problem}`)}`}
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={good.length === 0 || !ready}
              onClick={() => {
                send(good)
                // The lines it could not read stay listed, to be typed again.
                const bad = pasted.filter((l) => !l.ok)
                setPasted(bad.length > 0 ? bad : null)
                box.current?.focus()
              }}
            >
              {t('finish.typed.addPasted', { count: good.length })}
            </button>
            <button type="button" className="button" onClick={() => setPasted(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
