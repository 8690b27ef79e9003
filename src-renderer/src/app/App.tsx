import { AuditDesk } from '../audit/AuditDesk'
import { useTranslation } from 'react-i18next'
import { BibsDesk } from '../bibs/BibsDesk'
import { CheckinDesk } from '../checkin/CheckinDesk'
import { Kiosk } from '../checkin/Kiosk'
import { useCommand } from '../client/use-command'
import { EntrantsDesk } from '../entrants/EntrantsDesk'
import { FinishDesk } from '../finish/FinishDesk'
import { ResultsBoard } from '../results/ResultsBoard'
import { ResultsDesk } from '../results/ResultsDesk'
import { ResultsKiosk } from '../results/ResultsKiosk'
import { SetupDesk } from '../setup/SetupDesk'
import { ErrorBanner } from '../ui/ErrorBanner'
import { NoticeProvider } from '../ui/Notices'
import { DeskNav } from './DeskNav'
import { desksFor, type Desk } from './desks'
import { forgetTokens } from '../client/token'
import { SessionContext, type SessionInfo } from './session'
import { SignIn } from './SignIn'
import { TopBar } from './TopBar'
import { useDesk, type Screen } from './use-desk'

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
  if (screen === 'results-kiosk') return <ResultsKiosk onExit={() => open('results')} />
  if (screen === 'board') return <ResultsBoard onExit={() => open('results')} />
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="shell">
        <TopBar />
        <DeskNav desks={allowed} current={screen} onOpen={open} />
        <main id="main" className="desk" tabIndex={-1}>
          <DeskView desk={screen} open={open} />
        </main>
      </div>
    </>
  )
}

function DeskView({ desk, open }: { desk: Desk; open: (screen: Screen) => void }) {
  if (desk === 'setup') return <SetupDesk />
  if (desk === 'entrants') return <EntrantsDesk />
  if (desk === 'bibs') return <BibsDesk />
  if (desk === 'checkin') return <CheckinDesk onKiosk={() => open('kiosk')} />
  if (desk === 'finish') return <FinishDesk />
  if (desk === 'audit') return <AuditDesk />
  return <ResultsDesk onScreen={open} />
}
