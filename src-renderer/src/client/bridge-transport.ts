import type { RaceOfficeBridge } from '../../../src-shared/contract'
import type { Transport } from './transport'

/** The desktop app: the preload's bridge is always connected to its own main process. */
export function bridgeTransport(bridge: RaceOfficeBridge): Transport {
  return {
    invoke: (command, input) => bridge.invoke(command, input),
    subscribe(onChange, onStatus) {
      onStatus('live')
      return bridge.subscribe(onChange)
    },
    downloadLink: null,
  }
}
