const storageKey = 'race-office.token'

/**
 * The desk's token arrives in the link's fragment (#token=…), which browsers never send to a
 * server. It is kept for this tab only and taken out of the address bar at once.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const fromLink = new URLSearchParams(location.hash.replace(/^#/, '')).get('token')
  if (fromLink !== null && fromLink.length > 0) {
    storage.setItem(storageKey, fromLink)
    history.replaceState(null, '', `${location.pathname}${location.search}#/setup`)
    return fromLink
  }
  return storage.getItem(storageKey)
}
