import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, CommandOutput, SearchHit } from '../../../src-shared/contract'
import type { CheckinStatus } from '../../../src-shared/contract/checkin'
import { readBibScanCode } from '../../../src-shared/contract/scan-code'
import { personName } from '../../../src-shared/names/person-name'
import { useClient } from '../client/use-command'
import { errorText } from '../ui/messages'
import { KioskLock } from './kiosk-lock'

type Step =
  | { kind: 'scan' }
  | { kind: 'confirm'; status: CheckinStatus }
  | { kind: 'done'; done: CommandOutput<'checkin.checkIn'> }
  | { kind: 'help'; reason: 'notFound' | 'already' | 'volunteer' | 'error'; error?: CommandErrorValue }

const backToStartMs = 10_000

/** Only an exact code picks a runner here: a kiosk never lists other people's names. */
function exactHit(text: string, hits: readonly SearchHit[]): SearchHit | null {
  if (readBibScanCode(text) !== null) return hits[0] ?? null
  const wanted = text.trim().toLowerCase()
  return hits.find((hit) => hit.ref?.toLowerCase() === wanted || String(hit.bib) === wanted) ?? null
}

/**
 * Self check-in at an unattended screen: the runner scans the QR code of their confirmation or
 * bib, confirms it is them, and is told which table holds their bag. Anything unusual (already
 * picked up, ID or waiver to check, no bib yet) sends them to a volunteer.
 */
export function Kiosk({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const [step, setStep] = useState<Step>({ kind: 'scan' })
  const [code, setCode] = useState('')
  const [leaving, setLeaving] = useState(false)
  const box = useRef<HTMLInputElement>(null)
  const restart = useCallback(() => {
    setStep({ kind: 'scan' })
    setCode('')
  }, [])

  useEffect(() => {
    if (step.kind === 'scan' && !leaving) box.current?.focus()
    if (step.kind !== 'done' && step.kind !== 'help') return
    const timer = setTimeout(restart, backToStartMs)
    return () => clearTimeout(timer)
  }, [leaving, restart, step.kind])

  useEffect(() => {
    if (step.kind !== 'confirm') return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Enter') void confirm(step.status.entrant.id)
      if (e.key === 'Escape') restart()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  async function lookUp(event: FormEvent): Promise<void> {
    event.preventDefault()
    const text = code.trim()
    if (text === '') return
    const found = await client.call('entrants.search', { query: text, limit: 5 })
    const hit = found.ok ? exactHit(text, found.value.items) : null
    if (hit === null) return setStep({ kind: 'help', reason: 'notFound' })
    const status = await client.call('checkin.status', { entrantId: hit.id })
    if (!status.ok) return setStep({ kind: 'help', reason: 'error', error: status.error })
    if (status.value.current !== null) return setStep({ kind: 'help', reason: 'already' })
    if (status.value.confirmations.length > 0 || status.value.needsBib) return setStep({ kind: 'help', reason: 'volunteer' })
    setStep({ kind: 'confirm', status: status.value })
  }

  async function confirm(entrantId: string): Promise<void> {
    const result = await client.call('checkin.checkIn', { entrantId })
    if (result.ok) return setStep({ kind: 'done', done: result.value })
    setStep({ kind: 'help', reason: result.error.code === 'ALREADY_CHECKED_IN' ? 'already' : 'error', error: result.error })
  }

  return (
    <main className="kiosk" data-testid="kiosk-screen" data-step={step.kind}>
      {step.kind === 'scan' && (
        <form className="kiosk-panel" onSubmit={(e) => void lookUp(e)}>
          <h1>{t('kiosk.welcome')}</h1>
          <p className="kiosk-lead">{t('kiosk.scan')}</p>
          <label className="visually-hidden" htmlFor="kiosk-code">
            {t('kiosk.codeLabel')}
          </label>
          <input
            id="kiosk-code"
            ref={box}
            className="kiosk-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            onBlur={() => setTimeout(() => !leaving && box.current?.focus(), 0)}
            data-testid="kiosk-code"
          />
          <p className="muted">{t('kiosk.typeHint')}</p>
        </form>
      )}
      {step.kind === 'confirm' && (
        <div className="kiosk-panel">
          <h1>{t('kiosk.isThisYou')}</h1>
          <p className="kiosk-name" data-testid="kiosk-name">
            {personName(step.status.entrant.givenName, step.status.entrant.familyName)}
          </p>
          {step.status.entrant.secondName !== null && <p className="kiosk-second">{step.status.entrant.secondName}</p>}
          <p className="kiosk-lead">
            {step.status.entrant.race}
            {step.status.entrant.bib !== null && ` · ${t('kiosk.bib', { bib: step.status.entrant.bib })}`}
            {step.status.entrant.shirtSize !== null && ` · ${t('kiosk.shirt', { size: step.status.entrant.shirtSize })}`}
          </p>
          <div className="kiosk-actions">
            <button type="button" className="button button-primary kiosk-button" onClick={() => void confirm(step.status.entrant.id)} data-testid="kiosk-yes">
              {t('kiosk.yes')}
            </button>
            <button type="button" className="button kiosk-button" onClick={restart}>
              {t('kiosk.no')}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'done' && (
        <div className="kiosk-panel kiosk-done" role="status" data-testid="kiosk-done">
          <p className="confirmation-mark" aria-hidden="true">
            ✓
          </p>
          <h1>{t('kiosk.thanks', { name: step.done.name })}</h1>
          <p className="kiosk-table">{step.done.table !== null ? t('kiosk.table', { table: step.done.table }) : t('kiosk.noTable')}</p>
          <button type="button" className="button kiosk-button" onClick={restart}>
            {t('kiosk.next')}
          </button>
        </div>
      )}
      {step.kind === 'help' && (
        <div className="kiosk-panel kiosk-help" role="alert" data-testid="kiosk-help">
          <h1>{t(`kiosk.help.${step.reason}`)}</h1>
          {step.error !== undefined && <p>{errorText(t, step.error)}</p>}
          <button type="button" className="button kiosk-button" onClick={restart}>
            {t('kiosk.next')}
          </button>
        </div>
      )}
      {leaving ? (
        <LeaveKiosk
          onLeave={onExit}
          onStay={() => {
            setLeaving(false)
            restart()
          }}
        />
      ) : (
        <button type="button" className="button button-quiet kiosk-exit" onClick={() => setLeaving(true)} data-testid="kiosk-exit">
          {t('kiosk.exit')}
        </button>
      )}
    </main>
  )
}

/** Only the volunteer who started the kiosk knows the PIN that leaves it (the check-in kiosk and the results kiosk). */
export function LeaveKiosk({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [refusal, setRefusal] = useState<'wrong' | { waitSeconds: number } | null>(null)
  const lock = useRef(new KioskLock(window.sessionStorage))
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = lock.current.leave(pin)
    if (result === 'open') return onLeave()
    setRefusal(result)
    setPin('')
  }
  return (
    <form className="kiosk-leave" onSubmit={submit}>
      <label htmlFor="kiosk-leave-pin">{t('kiosk.leavePin')}</label>
      <input
        id="kiosk-leave-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
        autoFocus
        data-testid="kiosk-leave-pin"
      />
      <button type="submit" className="button">
        {t('kiosk.leave')}
      </button>
      <button type="button" className="button button-quiet" onClick={onStay}>
        {t('common.cancel')}
      </button>
      {refusal !== null && (
        <p role="alert" className="kiosk-leave-refusal">
          {refusal === 'wrong' ? t('kiosk.leaveWrong') : t('kiosk.leaveWait', { seconds: refusal.waitSeconds })}
        </p>
      )}
    </form>
  )
}
