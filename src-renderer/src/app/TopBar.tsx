import { useTranslation } from 'react-i18next'
import { BackupIndicator } from '../backup/BackupIndicator'
import { useCommand, useLinkStatus } from '../client/use-command'
import { formatEventDate } from '../ui/format'
import { LanguageSwitch } from '../ui/LanguageSwitch'
import { DeskLock } from './DeskLock'
import { useSession } from './session'

export function TopBar() {
  const { t, i18n } = useTranslation()
  const event = useCommand('event.get', {}, ['event'])
  const status = useLinkStatus()
  const { info } = useSession()
  return (
    <header className="top-bar">
      <div className="brand" aria-hidden="true">
        RO
      </div>
      <div className="top-bar-event">
        <span className="app-name">{t('app.name')}</span>
        <span className="event-name" data-testid="event-name">
          {event.data === undefined ? t('app.noEvent') : event.data.name}
        </span>
        {event.data !== undefined && <span className="event-date">{formatEventDate(event.data.date, i18n.language)}</span>}
      </div>
      {info.role !== 'organiser' && (
        <span className="top-bar-desk" data-testid="desk-name">
          {t('app.deskOf', { desk: info.desk, actor: info.actor })}
        </span>
      )}
      <DeskLock />
      {info.role === 'organiser' && <BackupIndicator timeZone={event.data?.timeZone ?? 'UTC'} />}
      <div className={`link-status link-${status}`} role="status" data-testid="link-status">
        <span className="link-dot" aria-hidden="true" />
        {t(`link.${status}`)}
      </div>
      <LanguageSwitch className="language-switch" />
    </header>
  )
}
