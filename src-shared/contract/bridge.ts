import type { ChangeEvent } from './commands'
import type { CommandResult } from './errors'

/** What the Electron preload exposes to the renderer as `window.raceOffice`: nothing more. */
export interface RaceOfficeBridge {
  invoke(command: string, input: unknown): Promise<CommandResult<unknown>>
  subscribe(listener: (change: ChangeEvent) => void): () => void
}

export const bridgeChannels = {
  invoke: 'race-office:invoke',
  change: 'race-office:change',
} as const
