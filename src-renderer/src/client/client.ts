import type { ChangeEvent, CommandInput, CommandName, CommandOutput, CommandResult, RaceOfficeBridge } from '../../../src-shared/contract'
import { bridgeTransport } from './bridge-transport'
import { httpTransport } from './http-transport'
import { takeToken } from './token'
import type { LinkStatus, Transport } from './transport'

declare global {
  interface Window {
    raceOffice?: RaceOfficeBridge
  }
}

/** The screens' one way to the office, typed by the command contract whatever the transport. */
export class OfficeClient {
  private readonly changeListeners = new Set<(change: ChangeEvent) => void>()
  private readonly statusListeners = new Set<(status: LinkStatus) => void>()
  private stopTransport: (() => void) | null = null
  status: LinkStatus = 'connecting'

  constructor(private readonly transport: Transport) {}

  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandResult<CommandOutput<K>>> {
    return this.transport.invoke(command, input) as Promise<CommandResult<CommandOutput<K>>>
  }

  /** See Transport.downloadLink. */
  get downloadLink(): Transport['downloadLink'] {
    return this.transport.downloadLink
  }

  onChange(listener: (change: ChangeEvent) => void): () => void {
    this.changeListeners.add(listener)
    this.connect()
    return () => this.changeListeners.delete(listener)
  }

  onStatus(listener: (status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener)
    this.connect()
    return () => this.statusListeners.delete(listener)
  }

  private connect(): void {
    if (this.stopTransport !== null) return
    this.stopTransport = this.transport.subscribe(
      (change) => this.changeListeners.forEach((listener) => listener(change)),
      (status) => {
        this.status = status
        this.statusListeners.forEach((listener) => listener(status))
      },
    )
  }
}

/** The desktop preload when present, else HTTP with this desk's token; null when not signed in. */
export function connectClient(): OfficeClient | null {
  if (window.raceOffice !== undefined) return new OfficeClient(bridgeTransport(window.raceOffice))
  const token = takeToken(window.location, window.history, window.sessionStorage, window.localStorage)
  return token === null ? null : new OfficeClient(httpTransport(token))
}
