import { useTranslation } from 'react-i18next'
import { BibsDesk } from '../bibs/BibsDesk'
import { CheckinDesk } from '../checkin/CheckinDesk'
import { Kiosk } from '../checkin/Kiosk'
import { useCommand } from '../client/use-command'
import { PlannedDesk } from '../desks/PlannedDesk'
import { EntrantsDesk } from '../entrants/EntrantsDesk'
import { FinishDesk } from '../finish/FinishDesk'
import { SetupDesk } from '../setup/SetupDesk'
import { ErrorBanner } from '../ui/ErrorBanner'
import { NoticeProvider } from '../ui/Notices'
import { DeskNav } from './DeskNav'
import { desksFor, type Desk } from './desks'
import { forgetTokens } from '../client/token'
import { SessionContext, type SessionInfo } from './session'
import { SignIn } from './SignIn'
import { TopBar } from './TopBar'
import { useDesk } from './use-desk'

export function App() {
  const session = useCommand('session.get', {}, [])
  // A revoked desk (or a stale link) pairs again.
  if (session.error?.code === 'NOT_AUTHENTICATED') {
    forgetTokens(window.sessionStorage, window.localStorage)
    return <SignIn />
  }
  if (session.data === undefined) {
    return (
      <main className="sign-in" aria-busy={session.error === null}>
        <ErrorBanner error={session.error} onRetry={session.reload} />
      </main>
    )
  }
  return (
    <SessionContext.Provider value={{ info: session.data, reload: session.reload }}>
      <NoticeProvider>
        <Shell session={session.data} />
      </NoticeProvider>
    </SessionContext.Provider>
  )
}

function Shell({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const allowed = desksFor(session.role)
  const [screen, open] = useDesk(allowed)
  // The kiosk is the whole screen: a runner at it sees nothing of the office.
  if (screen === 'kiosk') return <Kiosk onExit={() => open('checkin')} />
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="shell">
        <TopBar />
        <DeskNav desks={allowed} current={screen} onOpen={open} />
        <main id="main" className="desk" tabIndex={-1}>
          <DeskView desk={screen} onKiosk={() => open('kiosk')} />
        </main>
      </div>
    </>
  )
}

function DeskView({ desk, onKiosk }: { desk: Desk; onKiosk: () => void }) {
  if (desk === 'setup') return <SetupDesk />
  if (desk === 'entrants') return <EntrantsDesk />
  if (desk === 'bibs') return <BibsDesk />
  if (desk === 'checkin') return <CheckinDesk onKiosk={onKiosk} />
  if (desk === 'finish') return <FinishDesk />
  return <PlannedDesk desk={desk} />
}
