const linkKey = 'race-office.token'
const deskKey = 'race-office.desk-token'

/**
 * The organiser's token arrives in the link's fragment (#token=…), which browsers never send to a
 * server; it is kept for this tab only and taken out of the address bar at once. A paired desk's
 * token is kept on the device (a tablet stays a desk after a reload or a restart) until the
 * organiser revokes it.
 */
export function takeToken(location: Location, history: History, tab: Storage, device: Storage): string | null {
  const fromLink = new URLSearchParams(location.hash.replace(/^#/, '')).get('token')
  if (fromLink !== null && fromLink.length > 0) {
    tab.setItem(linkKey, fromLink)
    history.replaceState(null, '', `${location.pathname}${location.search}#/setup`)
    return fromLink
  }
  return tab.getItem(linkKey) ?? device.getItem(deskKey)
}

export function rememberDeskToken(device: Storage, token: string): void {
  device.setItem(deskKey, token)
}

/** A revoked or unknown token: the screen goes back to pairing. */
export function forgetTokens(tab: Storage, device: Storage): void {
  tab.removeItem(linkKey)
  device.removeItem(deskKey)
}
