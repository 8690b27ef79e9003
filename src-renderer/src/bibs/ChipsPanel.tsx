import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { uploadFile } from '../entrants/upload-file'
import { useClient } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { FileButton } from '../ui/FileButton'
import { useNotify } from '../ui/Notices'
import { saveExported } from '../ui/save-file'
import { useCall } from '../client/use-call'

type Problem = { row: number; field: string; code: string; message: string; params?: Record<string, string | number> }

/** The timing company's chip ↔ bib file, taken whole or not at all. */
export function ChipsPanel() {
  const { t } = useTranslation()
  const notify = useNotify()
  const [busy, setBusy] = useState<string | null>(null)
  const client = useClient()
  const { call, failure, setFailure } = useCall()

  async function choose(file: File): Promise<void> {
    setFailure(null)
    const uploaded = await uploadFile(client, file, (fraction) =>
      setBusy(t('importWizard.uploading', { name: file.name, percent: Math.round(fraction * 100) })),
    )
    if (!uploaded.ok) {
      setBusy(null)
      return setFailure(uploaded.error)
    }
    const result = await call('chips.import', { id: uploaded.value })
    setBusy(null)
    if (!result.ok) return
    notify(t('bibs.chipsImported', result.value))
  }

  async function exportParticipants(): Promise<void> {
    setBusy(t('bibs.participantsMaking'))
    const result = await call('entrants.export', { format: 'participants' })
    setBusy(null)
    if (!result.ok) return
    saveExported(result.value)
    notify(t('bibs.participantsReady', { file: result.value.fileName }))
  }

  const problems = (failure?.details?.['rejected'] as Problem[] | undefined) ?? []
  return (
    <section className="card" aria-labelledby="chips-title">
      <h2 id="chips-title">{t('bibs.chipsTitle')}</h2>
      <p className="muted">{t('bibs.chipsHint')}</p>
      <ErrorBanner error={failure} />
      {problems.length > 0 && (
        <ul className="chip-problems">
          {problems.slice(0, 50).map((p) => (
            <li key={`${p.row}-${p.field}`}>
              {t('bibs.chipProblem', { row: p.row, message: t(`bibs.chipProblems.${p.code}`, { ...p.params, defaultValue: p.message }) })}
            </li>
          ))}
        </ul>
      )}
      {busy !== null ? (
        <p className="busy" role="status">
          <span className="spinner" aria-hidden="true" /> {busy}
        </p>
      ) : (
        <div className="form-actions">
          <FileButton label={t('bibs.chipsChoose')} accept=".csv,.txt,.tsv,.xlsx" onFile={(file) => void choose(file)} />
          <button type="button" className="button" onClick={() => void exportParticipants()} data-testid="export-participants">
            {t('bibs.participants')}
          </button>
        </div>
      )}
      <p className="muted">{t('bibs.participantsHint')}</p>
    </section>
  )
}
