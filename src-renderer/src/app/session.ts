import { createContext, useContext } from 'react'
import type { CommandOutput } from '../../../src-shared/contract'

export type SessionInfo = CommandOutput<'session.get'>

/** Who this screen is signed in as, and whether it is locked in desk mode. */
export const SessionContext = createContext<{ info: SessionInfo; reload: () => void } | null>(null)

export function useSession(): { info: SessionInfo; reload: () => void } {
  const session = useContext(SessionContext)
  if (session === null) throw new Error('useSession outside SessionContext')
  return session
}
