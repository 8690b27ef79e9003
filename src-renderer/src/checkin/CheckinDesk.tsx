import { useCallback, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, SearchHit } from '../../../src-shared/contract'
import { useCall } from '../client/use-call'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { formatStart } from '../ui/format'
import { Counters } from './Counters'
import { KioskLock } from './kiosk-lock'
import { KioskStartDialog } from './KioskStartDialog'
import { MatchList } from './MatchList'
import { itemLabel, noChoices, type CardChoices, type CheckinDone } from './pickup-items'
import { RunnerCard } from './RunnerCard'
import { useDeskKeys } from './use-desk-keys'
import { usePickupSearch } from './use-pickup-search'
import { WalkUpDialog } from './WalkUpDialog'

type Outcome = { kind: 'done'; done: CheckinDone } | { kind: 'undone'; name: string } | { kind: 'refused'; error: CommandErrorValue }

/**
 * Packet pickup at queue speed: one box that always has the focus takes typing and scans; Enter
 * picks the match, Enter again checks the runner in; Ctrl+Z undoes this desk's last check-in.
 */
export function CheckinDesk({ onKiosk }: { onKiosk: () => void }) {
  const { t } = useTranslation()
  const event = useCommand('event.get', {}, ['event'])
  const [query, setQuery] = useState('')
  const { matches, find } = usePickupSearch(query)
  const [selected, setSelected] = useState(0)
  const [runnerId, setRunnerId] = useState<string | null>(null)
  const [choices, setChoices] = useState<CardChoices>(noChoices)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [last, setLast] = useState<CheckinDone | null>(null)
  const [walkUp, setWalkUp] = useState(false)
  const [startingKiosk, setStartingKiosk] = useState(false)
  // A refusal here is the desk's outcome (already picked up, a confirmation missing), not a banner.
  const { attempt, busy } = useCall()
  const box = useRef<HTMLInputElement>(null)
  const timeZone = event.data?.timeZone ?? 'UTC'

  // After a dialog the browser hands focus back to whatever opened it: take it back after that.
  const focusBox = useCallback(() => setTimeout(() => box.current?.focus(), 0), [])

  const pick = useCallback((hit: SearchHit) => {
    setRunnerId(hit.id)
    setChoices(noChoices)
    setOutcome(null)
    setQuery('')
    setSelected(0)
  }, [])

  const checkIn = useCallback(
    async (override?: string) => {
      if (runnerId === null || busy) return
      const result = await attempt('checkin.checkIn', {
        entrantId: runnerId,
        confirmed: choices.confirmed,
        ...(choices.items !== null && { items: choices.items }),
        ...(override !== undefined && { override }),
      })
      if (result.ok) {
        setOutcome({ kind: 'done', done: result.value })
        setLast(result.value)
      } else setOutcome({ kind: 'refused', error: result.error })
      focusBox()
    },
    [attempt, busy, choices, focusBox, runnerId],
  )

  const undo = useCallback(async () => {
    if (last === null) return
    const result = await attempt('checkin.undo', { checkinId: last.checkinId })
    setLast(null)
    setOutcome(result.ok ? { kind: 'undone', name: result.value.name } : { kind: 'refused', error: result.error })
    // The message names the runner undone: another runner's card open beside it would say otherwise.
    if (result.ok) setRunnerId((open) => (open === last.entrantId ? open : null))
    focusBox()
  }, [attempt, focusBox, last])

  const openWalkUp = useCallback(() => setWalkUp(true), [])
  useDeskKeys({ box, onWalkUp: openWalkUp, onUndo: undo, onCheckIn: checkIn })

  async function onBoxKey(e: KeyboardEvent<HTMLInputElement>): Promise<void> {
    const items = matches.query === query.trim() ? matches.items : []
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      setSelected((current) => Math.max(0, Math.min(items.length - 1, current + step)))
      return
    }
    if (e.key === 'Escape') {
      // Esc clears what was typed; with nothing typed, the card and the last message too.
      if (query === '') {
        setRunnerId(null)
        setOutcome(null)
      }
      setQuery('')
      return
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && query === '') {
      e.preventDefault()
      void undo()
      return
    }
    if (e.key !== 'Enter') return
    e.preventDefault()
    const text = query.trim()
    if (text === '') return void checkIn()
    // A scanner types faster than answers come back: Enter waits for this query's own answer.
    const hits = matches.query === text ? matches.items : await find(text)
    const hit = hits[Math.min(selected, hits.length - 1)]
    if (hit !== undefined) pick(hit)
  }

  return (
    <div className="checkin">
      <header className="desk-header-row checkin-header">
        <h1>{t('checkin.title')}</h1>
        <div className="checkin-tools">
          <button type="button" className="button" onClick={() => setWalkUp(true)} data-testid="walk-up">
            {t('checkin.walkUp.open')} <kbd>F2</kbd>
          </button>
          <button type="button" className="button button-quiet" onClick={() => setStartingKiosk(true)} data-testid="kiosk">
            {t('checkin.kiosk.open')}
          </button>
        </div>
      </header>
      <Counters />
      <div className="checkin-layout">
        <section className="checkin-find" aria-label={t('checkin.find')}>
          <label className="find-label" htmlFor="pickup-search">
            {t('checkin.searchLabel')}
          </label>
          <input
            id="pickup-search"
            ref={box}
            className="find-input pickup-input"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value)
              setSelected(0)
            }}
            onKeyDown={(e) => void onBoxKey(e)}
            placeholder={t('checkin.searchPlaceholder')}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            autoFocus
            role="combobox"
            aria-expanded={matches.items.length > 0}
            aria-controls="pickup-matches"
            aria-activedescendant={matches.items[selected] !== undefined ? `match-${matches.items[selected].id}` : undefined}
            data-testid="pickup-search"
          />
          <p className="field-hint">{t('checkin.searchHint')}</p>
          <ErrorBanner error={matches.error} />
          <MatchList matches={matches} typed={query.trim()} selected={selected} onPick={(hit) => pick(hit)} />
        </section>
        <section className="checkin-card-column" aria-live="polite">
          {outcome?.kind === 'done' && <Confirmation done={outcome.done} canUndo={last?.checkinId === outcome.done.checkinId} onUndo={() => void undo()} />}
          {outcome?.kind === 'undone' && (
            <div className="checkin-undone" role="status" data-testid="checkin-undone">
              {t('checkin.undone', { name: outcome.name })}
            </div>
          )}
          {outcome?.kind === 'refused' && <Refusal error={outcome.error} timeZone={timeZone} />}
          {runnerId === null ? (
            <div className="card checkin-empty">
              <p>{t('checkin.empty')}</p>
            </div>
          ) : (
            <RunnerCard
              entrantId={runnerId}
              timeZone={timeZone}
              choices={choices}
              onChoices={setChoices}
              onCheckIn={(override) => void checkIn(override)}
              busy={busy}
              onDone={focusBox}
              justCheckedIn={outcome?.kind === 'done' ? outcome.done.checkinId : null}
            />
          )}
        </section>
      </div>
      {startingKiosk && (
        <KioskStartDialog
          onClose={() => {
            setStartingKiosk(false)
            focusBox()
          }}
          onStart={(pin) => {
            new KioskLock(window.sessionStorage).start(pin)
            onKiosk()
          }}
        />
      )}
      {walkUp && (
        <WalkUpDialog
          onClose={(registered) => {
            setWalkUp(false)
            if (registered !== null) {
              setRunnerId(registered)
              setChoices(noChoices)
              setOutcome(null)
            }
            focusBox()
          }}
        />
      )}
    </div>
  )
}

function Confirmation({ done, canUndo, onUndo }: { done: CheckinDone; canUndo: boolean; onUndo: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="checkin-confirmation" role="status" data-testid="checkin-confirmation" data-checkin-id={done.checkinId}>
      <span className="confirmation-mark" aria-hidden="true">
        ✓
      </span>
      <div>
        <p className="confirmation-title">{t('checkin.confirmed', { name: done.name })}</p>
        <p>
          {done.bib !== null && t('checkin.confirmedBib', { bib: done.bib })}{' '}
          {done.items.length > 0 && t('checkin.handedOver', { items: done.items.map((i) => itemLabel(t, i)).join(', ') })}
        </p>
        {done.table !== null && <p>{t('checkin.table', { table: done.table })}</p>}
      </div>
      {canUndo && (
        <button type="button" className="button" onClick={onUndo} data-testid="undo">
          {t('checkin.undo')} <kbd>Ctrl+Z</kbd>
        </button>
      )}
    </div>
  )
}

function Refusal({ error, timeZone }: { error: CommandErrorValue; timeZone: string }) {
  const { t } = useTranslation()
  if (error.code === 'ALREADY_CHECKED_IN') {
    const details = error.details as { name: string; actor: string; desk: string; atMs: number }
    return (
      <div className="checkin-already" role="alert" data-testid="already-checked-in">
        {t('checkin.alreadyBy', { name: details.name, actor: details.actor, desk: details.desk, time: formatStart(details.atMs, timeZone) })}
      </div>
    )
  }
  return <ErrorBanner error={error} />
}
