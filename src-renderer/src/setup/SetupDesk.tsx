import { useTranslation } from 'react-i18next'
import { BackupsPanel } from '../backup/BackupsPanel'
import { CheckinSettings } from './CheckinSettings'
import { EventSettings } from './EventSettings'
import { NetworkPanel } from './NetworkPanel'
import { RacesPanel } from './RacesPanel'

export function SetupDesk() {
  const { t } = useTranslation()
  return (
    <section className="setup" aria-labelledby="setup-title">
      <header className="desk-header">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
      </header>
      <EventSettings />
      <RacesPanel />
      <CheckinSettings />
      <NetworkPanel />
      <BackupsPanel />
    </section>
  )
}
