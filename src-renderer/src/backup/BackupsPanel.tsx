import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateTimeFormat } from '../ui/format'
import type { CommandOutput } from '../../../src-shared/contract'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { useCall } from '../client/use-call'

type Backup = CommandOutput<'backups.list'>[number]
type Verified = CommandOutput<'backups.verify'>

/**
 * Setup › Backups: where the automatic snapshots go (and the USB stick), every snapshot of this
 * event with what it holds, a check of any of them, and restoring one as a new file.
 */
export function BackupsPanel() {
  const { t, i18n } = useTranslation()
  const status = useCommand('backups.status', {}, ['backups'])
  const backups = useCommand('backups.list', {}, ['backups'])
  const event = useCommand('event.get', {}, ['event'])
  const [folder, setFolder] = useState<string | null>(null)
  const { call, busy, failure } = useCall()
  const [checks, setChecks] = useState<Record<string, Verified | 'checking'>>({})
  const [restored, setRestored] = useState<{ path: string; opened: boolean } | null>(null)
  const [restoring, setRestoring] = useState<string | null>(null)
  if (status.data?.on !== true) {
    return (
      <section className="card" aria-labelledby="backups-title">
        <h2 id="backups-title">{t('backup.title')}</h2>
        <p className="muted">{t('backup.off')}</p>
      </section>
    )
  }
  const timeZone = event.data?.timeZone ?? 'UTC'
  const when = (ms: number): string => dateTimeFormat(i18n.language, timeZone).format(ms)
  const second = status.data.second
  const key = (b: Backup): string => `${b.folder}/${b.name}`

  async function saveFolder(next: string | null): Promise<void> {
    const result = await call('backups.setSecondFolder', { folder: next })
    if (result.ok) setFolder(null)
    status.reload()
  }

  async function verify(backup: Backup): Promise<void> {
    setChecks((c) => ({ ...c, [key(backup)]: 'checking' }))
    const result = await call('backups.verify', { name: backup.name, folder: backup.folder })
    setChecks((c) => {
      const next = { ...c }
      if (result.ok) next[key(backup)] = result.value
      else delete next[key(backup)]
      return next
    })
  }

  async function restore(backup: Backup): Promise<void> {
    setRestoring(key(backup))
    const result = await call('backups.restore', { name: backup.name, folder: backup.folder, open: true })
    setRestoring(null)
    setRestored(result.ok ? result.value : null)
  }

  return (
    <section className="card backups-panel" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      <dl className="backup-facts">
        <div>
          <dt>{t('backup.folder')}</dt>
          <dd data-testid="backup-folder">{status.data.folder}</dd>
        </div>
        <div>
          <dt>{t('backup.last')}</dt>
          <dd data-testid="backup-last">{status.data.lastAtMs === null ? t('backup.notYet') : when(status.data.lastAtMs)}</dd>
        </div>
      </dl>
      {status.data.error !== null && (
        <div className="error-banner" role="alert">
          {t('backup.failed', { error: status.data.error })}
        </div>
      )}
      <form
        className="backup-second"
        onSubmit={(e) => {
          e.preventDefault()
          void saveFolder(folder ?? second?.folder ?? '')
        }}
      >
        <Field
          label={t('backup.second')}
          hint={second === null ? t('backup.secondHint') : second.present ? t('backup.secondPresent') : t('backup.secondMissing')}
          value={folder ?? second?.folder ?? ''}
          placeholder={t('backup.secondPlaceholder')}
          onChange={(e) => setFolder(e.target.value)}
          data-testid="backup-second-folder"
          className={second !== null && !second.present ? 'field-invalid' : ''}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || (folder ?? '').trim() === ''} data-testid="backup-second-save">
            {t('backup.secondSave')}
          </button>
          {second !== null && (
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => void saveFolder(null)}>
              {t('backup.secondRemove')}
            </button>
          )}
        </div>
      </form>
      <ErrorBanner error={failure} />
      {restored !== null && (
        <div className="backup-restored" role="status" data-testid="backup-restored">
          {restored.opened ? t('backup.restoredOpening', { path: restored.path }) : t('backup.restoredSaved', { path: restored.path })}
        </div>
      )}
      {(backups.data ?? []).length === 0 ? (
        <p className="muted">{t('backup.none')}</p>
      ) : (
        <table className="table backups-table">
          <caption className="visually-hidden">{t('backup.listCaption')}</caption>
          <thead>
            <tr>
              <th>{t('backup.columns.taken')}</th>
              <th>{t('backup.columns.where')}</th>
              <th className="numeric">{t('backup.columns.entrants')}</th>
              <th className="numeric">{t('backup.columns.checkins')}</th>
              <th className="numeric">{t('backup.columns.captures')}</th>
              <th className="numeric">{t('backup.columns.size')}</th>
              <th>{t('backup.columns.check')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {(backups.data ?? []).map((backup) => {
              const check = checks[key(backup)]
              return (
                <tr key={key(backup)} data-testid="backup-row" title={backup.name}>
                  <td>{when(backup.takenAtMs)}</td>
                  <td>{t(`backup.where.${backup.folder}`)}</td>
                  <td className="numeric">{backup.entrants.toLocaleString(i18n.language)}</td>
                  <td className="numeric">{backup.checkins.toLocaleString(i18n.language)}</td>
                  <td className="numeric">{backup.captures.toLocaleString(i18n.language)}</td>
                  <td className="numeric">{t('backup.megabytes', { size: (backup.bytes / 1_048_576).toFixed(1) })}</td>
                  <td data-testid="backup-check">
                    {check === undefined ? (
                      <button type="button" className="button button-quiet" onClick={() => void verify(backup)}>
                        {t('backup.verify')}
                      </button>
                    ) : check === 'checking' ? (
                      <span className="muted">{t('backup.checking')}</span>
                    ) : check.ok ? (
                      <span className="check-ok">{t('backup.intact', { version: check.schemaVersion })}</span>
                    ) : (
                      <span className="check-bad">{t('backup.damaged', { problem: check.problem })}</span>
                    )}
                  </td>
                  <td className="col-actions">
                    <button
                      type="button"
                      className="button"
                      disabled={busy || (check !== undefined && check !== 'checking' && !check.ok)}
                      onClick={() => void restore(backup)}
                      data-testid="backup-restore"
                    >
                      {restoring === key(backup) ? t('backup.restoring') : t('backup.restore')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
