import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'
import { formatStart } from '../ui/format'

const pollMs = 30_000

/**
 * "Last backup" in the top bar, for the organiser: green when the last snapshot went through,
 * red when it failed or the second folder (the USB stick) is missing.
 */
export function BackupIndicator({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation()
  const status = useCommand('backups.status', {}, ['backups'])
  const { reload } = status
  useEffect(() => {
    // Snapshots are taken on a timer, not by a command: no change event says so.
    const timer = setInterval(reload, pollMs)
    return () => clearInterval(timer)
  }, [reload])
  const data = status.data
  if (data === undefined || !data.on) return null
  const missing = data.second !== null && !data.second.present
  const failed = data.error !== null
  const state = failed || missing ? 'bad' : data.lastAtMs === null ? 'none' : 'good'
  const text = missing
    ? t('backup.indicator.secondMissing')
    : failed
      ? t('backup.indicator.failed')
      : data.lastAtMs === null
        ? t('backup.indicator.none')
        : t('backup.indicator.last', { time: formatStart(data.lastAtMs, timeZone) })
  return (
    <button
      type="button"
      className={`backup-indicator backup-${state}`}
      onClick={showBackupsPanel}
      data-testid="backup-indicator"
      data-state={state}
      title={data.error ?? data.second?.folder ?? data.folder ?? ''}
    >
      <span className="link-dot" aria-hidden="true" />
      <span role="status">{text}</span>
    </button>
  )
}

/** The Backups panel lives in Setup. */
function showBackupsPanel(): void {
  window.location.hash = '/setup'
  requestAnimationFrame(() => document.getElementById('backups-title')?.scrollIntoView({ block: 'start' }))
}
