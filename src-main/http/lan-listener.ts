import type { LanListener } from '../desks/network'
import type { HttpHost } from './host'

/**
 * Desks on the network through this host: one more listener on the LAN address, on the port the
 * office already uses when it is free there. A host already listening on every address (0.0.0.0)
 * has nothing more to open.
 */
export function lanListenerOf(host: HttpHost, port: () => number, listensEverywhere = false): LanListener {
  return {
    async open(address) {
      if (listensEverywhere) return port()
      await host.closeAlso()
      return host.listenAlso(address, port())
    },
    async close() {
      if (!listensEverywhere) await host.closeAlso()
    },
  }
}
