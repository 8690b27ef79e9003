import type { ChangeEvent, CommandResult } from '../../../src-shared/contract'

export type LinkStatus = 'connecting' | 'live' | 'offline'

/** How the screens reach the office: Electron's preload, or HTTP for browsers and LAN desks. */
export interface Transport {
  invoke(command: string, input: unknown): Promise<CommandResult<unknown>>
  /** Calls `onChange` for every write any desk makes; reports the link's state as it changes. */
  subscribe(onChange: (change: ChangeEvent) => void, onStatus: (status: LinkStatus) => void): () => void
  /**
   * A one-use address from which a browser downloads a file the office made (a printed PDF); null
   * in the desktop app, which opens such files in the system's viewer instead.
   */
  downloadLink: ((jobId: string, path: string) => Promise<CommandResult<string>>) | null
}
