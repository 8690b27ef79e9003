/** Where our renderer is loaded from: the built file, or the dev server while developing. */
export type RendererLocation = { kind: 'file'; indexPath: string } | { kind: 'dev'; origin: string }

/** The parts of an IPC event that decide whether to trust it (Electron's IpcMainInvokeEvent has them). */
export interface SenderFacts {
  senderId: number
  frameUrl: string | null
  isMainFrame: boolean
}

/**
 * Only our own window's top frame may call commands: not another window, not an iframe, not a
 * page that window was somehow navigated to.
 */
export function isTrustedSender(facts: SenderFacts, windowId: number | null, renderer: RendererLocation): boolean {
  if (windowId === null || facts.senderId !== windowId || !facts.isMainFrame || facts.frameUrl === null) return false
  let url: URL
  try {
    url = new URL(facts.frameUrl)
  } catch {
    return false
  }
  if (renderer.kind === 'dev') return url.origin === renderer.origin
  return url.protocol === 'file:' && normalisedFilePath(url) === normalisedFilePath(new URL(`file://${toUrlPath(renderer.indexPath)}`))
}

function toUrlPath(path: string): string {
  const slashed = path.replace(/\\/g, '/')
  return slashed.startsWith('/') ? slashed : `/${slashed}`
}

function normalisedFilePath(url: URL): string {
  return decodeURIComponent(url.pathname).toLowerCase()
}
