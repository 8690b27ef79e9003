import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { Choice } from '../ui/Choice'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { BibPrint } from './BibPrint'
import { useCall } from '../client/use-call'

/** Another race: the old bib is voided, the new race's next number is given and printed here. */
export function MoveRaceDialog({ entrantId, raceId, name, onClose }: { entrantId: string; raceId: number; name: string; onClose: () => void }) {
  const { t } = useTranslation()
  const races = useCommand('races.list', {}, ['races'])
  const others = (races.data ?? []).filter((r) => r.id !== raceId)
  const [target, setTarget] = useState('')
  const { call, failure } = useCall()
  const [moved, setMoved] = useState<CommandOutput<'checkin.moveRace'> | null>(null)
  const chosen = target === '' ? String(others[0]?.id ?? '') : target

  async function move(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (chosen === '') return
    const result = await call('checkin.moveRace', { entrantId, raceId: Number(chosen) })
    if (!result.ok) return
    setMoved(result.value)
  }

  return (
    <Dialog title={t('checkin.move.title', { name })} labelledBy="move-title" onClose={onClose}>
      <ErrorBanner error={failure} />
      {moved === null ? (
        <form onSubmit={(e) => void move(e)}>
          <Choice
            id="move-race"
            label={t('checkin.move.race')}
            value={chosen}
            options={others.map((r) => [String(r.id), r.name] as const)}
            onChange={setTarget}
            wide
          />
          <p className="field-hint">{t('checkin.move.hint')}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={chosen === ''} data-testid="move-confirm">
              {t('checkin.move.confirm')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="move-result" data-testid="move-result">
            {moved.voided !== null && t('checkin.move.voided', { bib: moved.voided })}{' '}
            {moved.bib !== null ? t('checkin.move.newBib', { bib: moved.bib, race: moved.race }) : t('checkin.move.noBib', { race: moved.race })}
          </p>
          {moved.bib !== null && <BibPrint entrantId={entrantId} />}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
