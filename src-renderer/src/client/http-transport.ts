import type { ChangeEvent, CommandResult } from '../../../src-shared/contract'
import type { Transport } from './transport'

export function httpTransport(token: string, origin = ''): Transport {
  return {
    async invoke(command, input) {
      let response: Response
      try {
        response = await fetch(`${origin}/api/${encodeURIComponent(command)}`, {
          method: 'POST',
          // Refusals as values (see the host): an expected one is no red error in the console.
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-race-office-refusals': 'in-body' },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        return unreachable()
      }
      try {
        return (await response.json()) as CommandResult<unknown>
      } catch {
        return unreachable()
      }
    },

    subscribe(onChange, onStatus) {
      onStatus('connecting')
      const source = new EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`)
      source.addEventListener('open', () => onStatus('live'))
      // EventSource reconnects by itself (the host sends `retry: 2000`); we only report the state.
      source.addEventListener('error', () => onStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting'))
      source.addEventListener('change', (event) => onChange(JSON.parse((event as MessageEvent<string>).data) as ChangeEvent))
      return () => source.close()
    },

    downloadUrl: (path) => `${origin}${path}?token=${encodeURIComponent(token)}`,
  }
}

function unreachable(): CommandResult<never> {
  return { ok: false, error: { code: 'OFFICE_UNREACHABLE', message: 'Cannot reach the race office.' } }
}
