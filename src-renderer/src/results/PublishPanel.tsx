import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, CommandOutput } from '../../../src-shared/contract'
import type { exportFormats } from '../../../src-shared/contract/results'
import { useClient } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { useNotify } from '../ui/Notices'
import { saveExported } from '../ui/save-file'
import { DocumentButton } from '../print/DocumentButton'
import { printLanguage } from './documents'
import { RulesForm } from './RulesForm'

type RaceInfo = CommandOutput<'results.races'>['races'][number]

/** A race's result rules, and the results as files: spreadsheet, website, PDF lists. */
export function PublishPanel({ race, reload }: { race: RaceInfo; reload: () => void }) {
  return (
    <>
      <RulesForm race={race} reload={reload} />
      <Exports race={race} />
    </>
  )
}

type ExportFormat = (typeof exportFormats)[number]

function Exports({ race }: { race: RaceInfo }) {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const notify = useNotify()
  const [scope, setScope] = useState<'race' | 'all'>('race')
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const language = printLanguage(i18n.language)
  const raceId = scope === 'race' ? { raceId: race.id } : {}

  // ITRA and UltraSignup take one file per race: always this race's.
  const save = async (format: ExportFormat): Promise<void> => {
    setBusy(format)
    const result = await client.call('results.export', { format, language, ...(format === 'itra' || format === 'ultrasignup' ? { raceId: race.id } : raceId) })
    setBusy(null)
    if (!result.ok) return setFailure(result.error)
    setFailure(null)
    saveExported(result.value)
    notify(t('results.publish.exported', { file: result.value.fileName }))
  }

  return (
    <div className="card">
      <h2>{t('results.publish.title')}</h2>
      <p className="muted">{t('results.publish.intro')}</p>
      <div className="radio-row" role="radiogroup" aria-label={t('results.publish.title')}>
        {(['race', 'all'] as const).map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="export-scope" checked={scope === s} onChange={() => setScope(s)} />
            {s === 'race' ? `${t('results.publish.thisRace')} (${race.name})` : t('results.publish.allRaces')}
          </label>
        ))}
      </div>
      <ul className="exports">
        <li>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void save('csv')} data-testid="export-csv">
            {t('results.publish.csv')}
          </button>
          <span className="muted">{t('results.publish.csvHint')}</span>
        </li>
        <li>
          <button type="button" className="button" disabled={busy !== null} onClick={() => void save('html')} data-testid="export-html">
            {t('results.publish.site')}
          </button>
          <span className="muted">{t('results.publish.siteHint')}</span>
        </li>
        {(['itra', 'ultrasignup'] as const).map((format) => (
          <li key={format}>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void save(format)} data-testid={`export-${format}`}>
              {t(`results.publish.${format}`)}
            </button>
            <span className="muted">{t(`results.publish.${format}Hint`, { race: race.name })}</span>
          </li>
        ))}
        <li>
          <DocumentButton label={t('results.publish.pdf')} request={{ kind: 'results', language, ...raceId }} testId="print-results" />
          <span className="muted">{t('results.publish.pdfHint')}</span>
        </li>
      </ul>
      {busy !== null && (
        <p className="busy" role="status">
          <span className="spinner" aria-hidden="true" /> {t('results.publish.exporting')}
        </p>
      )}
      <ErrorBanner error={failure} />
    </div>
  )
}
