import { useCallback, useEffect, useState } from 'react'
import { isDesk, type Desk } from './desks'

/** What the address asks for: one of the allowed desks, a kiosk (check-in, results) or the live results board. */
export type Screen = Desk | 'kiosk' | 'results-kiosk' | 'board'

/** Screens left to runners: left with their PIN, never with a shortcut. */
const kiosks = ['#/kiosk', '#/results-kiosk']

function screenFromHash(hash: string, allowed: readonly Desk[]): Screen {
  const name = hash.replace(/^#\/?/, '')
  if (name === 'kiosk' && allowed.includes('checkin')) return 'kiosk'
  if ((name === 'results-kiosk' || name === 'board') && allowed.includes('results')) return name
  return isDesk(name) && allowed.includes(name) ? name : (allowed[0] ?? 'setup')
}

/**
 * The open desk lives in the address (#/checkin), so a reload or a bookmark on a desk laptop
 * comes back to the same desk. Alt+1 … Alt+6 switch between the desks this screen may open.
 */
export function useDesk(allowed: readonly Desk[]): [Screen, (desk: Screen) => void] {
  const [hash, setHash] = useState(window.location.hash)

  const open = useCallback((next: Screen) => {
    window.location.hash = `/${next}`
  }, [])

  useEffect(() => {
    const onHash = (): void => setHash(window.location.hash)
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || kiosks.includes(window.location.hash)) return
      const target = allowed[Number(event.code.replace('Digit', '')) - 1]
      if (target === undefined) return
      event.preventDefault()
      open(target)
    }
    window.addEventListener('hashchange', onHash)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('hashchange', onHash)
      window.removeEventListener('keydown', onKey)
    }
  }, [open, allowed])

  return [screenFromHash(hash, allowed), open]
}
