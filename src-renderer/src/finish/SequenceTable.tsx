import { useTranslation } from 'react-i18next'
import type { CaptureView } from '../../../src-shared/contract/timing'
import type { QueuedCall } from './capture-queue'
import { elapsed, sinceLatestGun, timeOfDay } from './times'

interface Props {
  captures: readonly CaptureView[]
  pending: readonly QueuedCall[]
  /** This device's measured clock offset: a press not yet acknowledged shows on the office's time too. */
  offsetMs: number
  /** The races' guns: a time without a runner yet shows its time since the latest before it. */
  guns: readonly { name: string; gunAtMs: number | null }[]
  selected: string | null
  onSelect: (id: string | null) => void
  onDelete: (capture: CaptureView) => void
  timeZone: string
}

/**
 * The point's sequence, newest first: presses still on their way (not yet acknowledged) on top,
 * greyed; taken-out captures struck through, never hidden. ↑ ↓ choose a row, Delete takes it out.
 */
export function SequenceTable({ captures, pending, offsetMs, guns, selected, onSelect, onDelete, timeZone }: Props) {
  const { t } = useTranslation()
  const newestFirst = [...captures].reverse()
  const index = newestFirst.findIndex((c) => c.id === selected)

  function onKeyDown(event: React.KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = newestFirst[Math.max(0, Math.min(newestFirst.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]
      onSelect(next?.id ?? null)
    } else if (event.key === 'Delete' && index >= 0) {
      event.preventDefault()
      onDelete(newestFirst[index] as CaptureView)
    } else if (event.key === 'Escape') onSelect(null)
  }

  return (
    <div
      className="sequence"
      role="grid"
      aria-label={t('finish.sequence')}
      aria-rowcount={captures.length + pending.length + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="sequence-row sequence-head" role="row">
        {(['order', 'time', 'elapsed', 'bib', 'runner', 'notes'] as const).map((column) => (
          <span key={column} role="columnheader">
            {t(`finish.columns.${column}`)}
          </span>
        ))}
      </div>
      {[...pending].reverse().map((item) => (
        <div key={item.key} className="sequence-row sequence-pending" role="row" data-testid="pending-row">
          <span role="gridcell">…</span>
          <span role="gridcell">{item.command === 'timing.capture' ? timeOfDay(item.input.atMs + offsetMs, timeZone) : ''}</span>
          <span role="gridcell" />
          <span role="gridcell" className="sequence-bib">
            {item.input.bib ?? ''}
          </span>
          <span role="gridcell">{t('finish.saving')}</span>
          <span role="gridcell" />
        </div>
      ))}
      {newestFirst.map((c) => (
        <div
          key={c.id}
          role="row"
          aria-selected={c.id === selected}
          className={`sequence-row sequence-${c.state} ${c.id === selected ? 'sequence-selected' : ''} ${c.warnings.length > 0 ? 'sequence-warned' : ''}`}
          onClick={() => onSelect(c.id === selected ? null : c.id)}
          data-testid="capture-row"
          data-order={c.order ?? undefined}
          data-bib={c.bib ?? undefined}
        >
          <span role="gridcell">{c.order ?? ''}</span>
          <span role="gridcell">{c.atMs === null ? '' : timeOfDay(c.atMs, timeZone)}</span>
          <span role="gridcell">{c.elapsedMs !== null ? elapsed(c.elapsedMs, 3) : <SinceGun atMs={c.atMs} guns={guns} />}</span>
          <span role="gridcell" className="sequence-bib">
            {c.bib ?? '—'}
          </span>
          <span role="gridcell">{c.runner === null ? '' : `${c.runner.name} · ${c.runner.race}${c.runner.wave === null ? '' : ` · ${c.runner.wave}`}`}</span>
          <span role="gridcell">
            {c.state !== 'active' && (
              <span className="badge badge-out">
                {t(`finish.states.${c.state}`)}
                {c.stateReason !== null && `: ${c.stateReason}`}
              </span>
            )}
            {c.source === 'inserted' && <span className="badge">{t('finish.inserted')}</span>}
            {c.warnings.map((w) => (
              <span key={w} className="badge badge-warn">
                {t(`finish.warnings.${w}`)}
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  )
}

/** The race time of a time no runner has yet, from the latest gun, muted and named. */
function SinceGun({ atMs, guns }: { atMs: number | null; guns: Props['guns'] }) {
  const { t } = useTranslation()
  const since = atMs === null ? null : sinceLatestGun(atMs, guns)
  if (since === null) return null
  return (
    <span className="muted" title={t('finish.sinceGun', { race: since.race })} data-testid="since-gun">
      {elapsed(since.elapsedMs, 3)}
    </span>
  )
}
