import { useTranslation } from 'react-i18next'
import { BibsDesk } from '../bibs/BibsDesk'
import { PlannedDesk } from '../desks/PlannedDesk'
import { EntrantsDesk } from '../entrants/EntrantsDesk'
import { SetupDesk } from '../setup/SetupDesk'
import { NoticeProvider } from '../ui/Notices'
import { DeskNav } from './DeskNav'
import { TopBar } from './TopBar'
import { useDesk } from './use-desk'

export function App() {
  const { t } = useTranslation()
  const [desk, openDesk] = useDesk()
  return (
    <NoticeProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="shell">
        <TopBar />
        <DeskNav current={desk} onOpen={openDesk} />
        <main id="main" className="desk" tabIndex={-1}>
          {desk === 'setup' ? <SetupDesk /> : desk === 'entrants' ? <EntrantsDesk /> : desk === 'bibs' ? <BibsDesk /> : <PlannedDesk desk={desk} />}
        </main>
      </div>
    </NoticeProvider>
  )
}
