import { bridgeChannels, type CommandResult, type Session } from '../../src-shared/contract'
import type { Router } from '../router/router'
import { isTrustedSender, type RendererLocation, type SenderFacts } from './trusted-sender'

/** The slice of Electron's IpcMainInvokeEvent this module reads, so tests can build one. */
export interface InvokeEvent {
  sender: { id: number; mainFrame?: unknown }
  senderFrame: { url: string } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface CommandIpcOptions {
  ipcMain: IpcMainLike
  /** The router of the event file open now (it changes on File › Open), or null between files. */
  router: () => Router | null
  windowId: () => number | null
  renderer: RendererLocation
  session: Session
}

/** Routes the preload's invoke calls, after checking they come from our own window's top frame. */
export function registerCommandIpc(options: CommandIpcOptions): () => void {
  options.ipcMain.handle(bridgeChannels.invoke, async (event, command, input): Promise<CommandResult<unknown>> => {
    if (!isTrustedSender(senderFacts(event), options.windowId(), options.renderer)) {
      return { ok: false, error: { code: 'NOT_AUTHORISED', message: 'Refused: the call did not come from the Race Office window.' } }
    }
    if (typeof command !== 'string') {
      return { ok: false, error: { code: 'INVALID_INPUT', message: 'The command name must be a string.' } }
    }
    const router = options.router()
    if (router === null) return { ok: false, error: { code: 'SHUTTING_DOWN', message: 'No event file is open.' } }
    return router.dispatch(command, input, options.session)
  })
  return () => options.ipcMain.removeHandler(bridgeChannels.invoke)
}

function senderFacts(event: InvokeEvent): SenderFacts {
  const frame = event.senderFrame
  return {
    senderId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && event.sender.mainFrame === frame,
  }
}
