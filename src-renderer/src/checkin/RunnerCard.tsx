import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CheckinStatus } from '../../../src-shared/contract/checkin'
import { personName } from '../../../src-shared/names/person-name'
import { useCommand } from '../client/use-command'
import { Check } from '../ui/Choice'
import { ErrorBanner } from '../ui/ErrorBanner'
import { formatStart } from '../ui/format'
import { itemLabel, type CardChoices } from './pickup-items'
import { CorrectDialog } from './CorrectDialog'
import { MoveRaceDialog } from './MoveRaceDialog'
import { OverrideDialog } from './OverrideDialog'
import { ShirtDialog } from './ShirtDialog'
import { BibPrint } from './BibPrint'
import { Dialog } from '../ui/Dialog'
import { useCall } from '../client/use-call'

type Action = 'shirt' | 'move' | 'correct' | 'override' | 'print' | null

/** Everything the volunteer needs about one runner, what to hand over, and the desk's changes. */
export function RunnerCard({
  entrantId,
  timeZone,
  choices,
  onChoices,
  onCheckIn,
  busy,
  onDone,
  justCheckedIn,
}: {
  entrantId: string
  timeZone: string
  choices: CardChoices
  onChoices: (choices: CardChoices) => void
  onCheckIn: (override?: string) => void
  busy: boolean
  onDone: () => void
  /** The check-in this desk has just made: shown as done, not as a warning. */
  justCheckedIn: string | null
}) {
  const { t } = useTranslation()
  const status = useCommand('checkin.status', { entrantId }, ['checkin', 'entrants', 'bibs'])
  const [action, setAction] = useState<Action>(null)
  const close = (): void => {
    setAction(null)
    onDone()
  }
  if (status.data === undefined) {
    return (
      <div className="card runner-card" aria-busy={status.error === null}>
        <ErrorBanner error={status.error} />
      </div>
    )
  }
  const { entrant, current } = status.data
  const { shirtGone } = status.data
  const items = choices.items ?? status.data.defaultItems
  const toggleItem = (item: string, on: boolean): void =>
    onChoices({ ...choices, items: status.data?.toHandOver.filter((i) => (i === item ? on : items.includes(i))) ?? null })
  const toggleConfirmation = (c: CardChoices['confirmed'][number], on: boolean): void =>
    onChoices({ ...choices, confirmed: on ? [...choices.confirmed, c] : choices.confirmed.filter((x) => x !== c) })
  const missing = status.data.confirmations.filter((c) => !choices.confirmed.includes(c))
  const second = entrant.secondName
  const warn = current !== null && current.checkinId !== justCheckedIn

  return (
    <article
      className={`card runner-card ${warn ? 'runner-card-warned' : current !== null ? 'runner-card-done' : ''}`}
      data-testid="runner-card"
      data-entrant-id={entrant.id}
    >
      <header className="runner-head">
        <div className={`runner-bib ${entrant.bib === null ? 'runner-bib-none' : ''}`} data-testid="runner-bib">
          {entrant.bib ?? t('checkin.noBib')}
        </div>
        <div>
          <h2 className="runner-name" data-testid="runner-name">
            {personName(entrant.givenName, entrant.familyName)}
          </h2>
          {second !== null && <p className="runner-second">{second}</p>}
          <p className="runner-race">
            {[entrant.race, entrant.wave, entrant.category].filter((x) => x !== null).join(' · ')}
            {entrant.walkUp && <span className="chip">{t('checkin.walkUpChip')}</span>}
          </p>
        </div>
      </header>

      {warn && (
        <div className="checkin-already" role="alert" data-testid="picked-up-warning">
          {t('checkin.pickedUpBy', { actor: current.actor, desk: current.desk, time: formatStart(current.atMs, timeZone) })}
        </div>
      )}

      {status.data.needsBib ? (
        <GiveBib entrantId={entrant.id} onGiven={onDone} />
      ) : (
        current === null && (
          <>
            {status.data.toHandOver.length > 0 && (
              <fieldset className="runner-checks">
                <legend>{t('checkin.handOver')}</legend>
                {shirtGone && (
                  <p className="shirt-gone" role="alert" data-testid="shirt-gone">
                    {t('checkin.shirtGone', { size: entrant.shirtSize })}
                  </p>
                )}
                {status.data.toHandOver.map((item) => (
                  <Check
                    key={item}
                    label={item === 'shirt' && entrant.shirtSize !== null ? `${itemLabel(t, item)} ${entrant.shirtSize}` : itemLabel(t, item)}
                    checked={items.includes(item)}
                    onChange={(on) => toggleItem(item, on)}
                    testId={`item-${item}`}
                  />
                ))}
              </fieldset>
            )}
            {status.data.confirmations.length > 0 && (
              <fieldset className="runner-checks runner-confirmations">
                <legend>{t('checkin.confirm')}</legend>
                {status.data.confirmations.map((c) => (
                  <Check
                    key={c}
                    label={t(`checkin.confirmations.${c}`)}
                    checked={choices.confirmed.includes(c)}
                    onChange={(on) => toggleConfirmation(c, on)}
                    testId={`confirm-${c}`}
                  />
                ))}
              </fieldset>
            )}
          </>
        )
      )}

      <div className="runner-actions">
        {current === null ? (
          <button
            type="button"
            className="button button-primary button-large"
            disabled={busy || status.data.needsBib || missing.length > 0}
            onClick={() => onCheckIn()}
            data-testid="check-in"
          >
            {t('checkin.checkIn')} <kbd>Enter</kbd>
          </button>
        ) : (
          <button type="button" className="button button-danger" onClick={() => setAction('override')} data-testid="check-in-again">
            {t('checkin.again')}
          </button>
        )}
        <button type="button" className="button" onClick={() => setAction('shirt')} data-testid="change-shirt">
          {t('checkin.changeShirt')}
        </button>
        <button type="button" className="button" onClick={() => setAction('move')} data-testid="move-race">
          {t('checkin.moveRace')}
        </button>
        <button type="button" className="button" onClick={() => setAction('correct')} data-testid="correct">
          {t('checkin.correct')}
        </button>
        {entrant.bib !== null && (
          <button type="button" className="button button-quiet" onClick={() => setAction('print')} data-testid="print-bib">
            {t('checkin.printBib')}
          </button>
        )}
      </div>
      {missing.length > 0 && current === null && <p className="field-hint">{t('checkin.confirmFirst')}</p>}
      <dl className="runner-facts">
        <Fact label={t('checkin.shirt')}>
          {entrant.shirtSize ?? '—'}
          {status.data.shirtsLeft !== null && (
            <span className={`stock ${status.data.shirtsLeft <= 0 ? 'stock-out' : status.data.shirtsLeft < 10 ? 'stock-low' : ''}`} data-testid="shirts-left">
              {t('checkin.shirtsLeft', { count: status.data.shirtsLeft })}
            </span>
          )}
        </Fact>
        <Fact label={t('checkin.club')}>{entrant.club}</Fact>
        <Fact label={t('checkin.team')}>{entrant.team}</Fact>
        <Fact label={t('checkin.divisions')}>{entrant.divisions.join(' · ') || null}</Fact>
        <Fact label={t('checkin.nationality')}>{entrant.nationality}</Fact>
        <Fact label={t('checkin.age')}>{entrant.age}</Fact>
        <Fact label={t('checkin.contact')}>{[entrant.phone, entrant.email].filter((x) => x !== null).join(' · ') || null}</Fact>
        <Fact label={t('checkin.emergency')}>{[entrant.emergencyName, entrant.emergencyPhone].filter((x) => x !== null).join(' · ') || null}</Fact>
        {entrant.paymentMethod !== null && (
          <Fact label={t('checkin.payment')}>
            {t(`checkin.walkUp.methods.${entrant.paymentMethod}`)} {entrant.paymentAmount ?? ''}
          </Fact>
        )}
        {entrant.notes !== null && <Fact label={t('checkin.notes')}>{entrant.notes}</Fact>}
        {status.data.table !== null && <Fact label={t('checkin.bagTable')}>{status.data.table}</Fact>}
      </dl>

      <History status={status.data} timeZone={timeZone} />

      {action === 'shirt' && <ShirtDialog entrantId={entrant.id} current={entrant.shirtSize} onClose={close} />}
      {action === 'move' && (
        <MoveRaceDialog entrantId={entrant.id} raceId={entrant.raceId} name={personName(entrant.givenName, entrant.familyName)} onClose={close} />
      )}
      {action === 'correct' && <CorrectDialog entrant={entrant} onClose={close} />}
      {action === 'override' && (
        <OverrideDialog
          onClose={close}
          onConfirm={(reason) => {
            setAction(null)
            onCheckIn(reason)
          }}
        />
      )}
      {action === 'print' && (
        <Dialog title={t('checkin.printBib')} labelledBy="print-bib-title" onClose={close}>
          <BibPrint entrantId={entrant.id} />
          <div className="form-actions">
            <button type="button" className="button" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        </Dialog>
      )}
    </article>
  )
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === '') return null
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** Races that hand out bibs at pickup: the top bib of the stack, scanned or typed. */
function GiveBib({ entrantId, onGiven }: { entrantId: string; onGiven: () => void }) {
  const { t } = useTranslation()
  const [bib, setBib] = useState('')
  const { call, failure, setFailure } = useCall()
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])

  async function give(event: FormEvent): Promise<void> {
    event.preventDefault()
    // A bib's own QR code says RO/<number>/…; a typed number is just the number.
    const number = Number(/^RO\/(\d+)\//.exec(bib.trim())?.[1] ?? bib.trim())
    if (!Number.isInteger(number) || number < 1) return setFailure({ code: 'INVALID_INPUT', message: t('checkin.giveBibInvalid') })
    const result = await call('checkin.giveBib', { entrantId, bib: number })
    if (!result.ok) return
    setBib('')
    onGiven()
  }

  return (
    <form className="give-bib" onSubmit={(e) => void give(e)}>
      <label htmlFor="give-bib">{t('checkin.giveBib')}</label>
      <p className="field-hint">{t('checkin.giveBibHint')}</p>
      <div className="give-bib-row">
        <input id="give-bib" ref={input} value={bib} onChange={(e) => setBib(e.target.value)} inputMode="numeric" autoComplete="off" data-testid="give-bib" />
        <button type="submit" className="button button-primary">
          {t('checkin.giveBibButton')}
        </button>
      </div>
      <ErrorBanner error={failure} />
    </form>
  )
}

function History({ status, timeZone }: { status: CheckinStatus; timeZone: string }) {
  const { t } = useTranslation()
  if (status.history.length === 0) return null
  return (
    <details className="runner-history">
      <summary>{t('checkin.history', { count: status.history.length })}</summary>
      <ul>
        {status.history.map((c) => (
          <li key={c.checkinId} className={c.undoneAtMs !== null ? 'history-undone' : ''}>
            {t('checkin.historyLine', { time: formatStart(c.atMs, timeZone), desk: c.desk, actor: c.actor })}
            {c.overrideReason !== null && ` — ${c.overrideReason}`}
            {c.undoneAtMs !== null && ` — ${t('checkin.historyUndone', { actor: c.undoneBy ?? '', time: formatStart(c.undoneAtMs, timeZone) })}`}
          </li>
        ))}
      </ul>
    </details>
  )
}
