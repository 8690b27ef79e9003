import { useCallback, useEffect, useState } from 'react'
import { desks, isDesk, type Desk } from './desks'

function deskFromHash(): Desk {
  const name = window.location.hash.replace(/^#\/?/, '')
  return isDesk(name) ? name : 'setup'
}

/**
 * The open desk lives in the address (#/checkin), so a reload or a bookmark on a desk laptop
 * comes back to the same desk. Alt+1 … Alt+6 switch desks from anywhere.
 */
export function useDesk(): [Desk, (desk: Desk) => void] {
  const [desk, setDesk] = useState<Desk>(deskFromHash)

  const open = useCallback((next: Desk) => {
    window.location.hash = `/${next}`
  }, [])

  useEffect(() => {
    const onHash = (): void => setDesk(deskFromHash())
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return
      const index = Number(event.code.replace('Digit', '')) - 1
      const target = desks[index]
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
  }, [open])

  return [desk, open]
}
