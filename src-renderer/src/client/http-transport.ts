import type { ChangeEvent, CommandResult } from '../../../src-shared/contract'
import type { Transport } from './transport'

const reconnectMs = 2000

/**
 * Commands over HTTP with the desk's token in a header. The two addresses a browser opens without
 * headers (the event stream, a download) carry a one-use ticket asked for just before, never the token.
 */
export function httpTransport(token: string, origin = ''): Transport {
  async function ticket(request: { for: 'events' } | { for: 'download'; jobId: string }): Promise<CommandResult<string>> {
    try {
      const response = await fetch(`${origin}/ticket`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
      })
      const result = (await response.json()) as CommandResult<{ ticket: string }>
      return result.ok ? { ok: true, value: result.value.ticket } : result
    } catch {
      return unreachable()
    }
  }

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
      let source: EventSource | null = null
      let retry: ReturnType<typeof setTimeout> | null = null
      let stopped = false
      // A ticket is used up by the stream it opens: after a drop, a new ticket and a new stream.
      const open = async (): Promise<void> => {
        onStatus('connecting')
        const asked = await ticket({ for: 'events' })
        if (stopped) return
        if (!asked.ok) {
          onStatus('offline')
          // A revoked desk stays offline; an office out of reach is tried again.
          if (asked.error.code !== 'NOT_AUTHENTICATED') retry = setTimeout(() => void open(), reconnectMs)
          return
        }
        const opened = new EventSource(`${origin}/api/events?ticket=${encodeURIComponent(asked.value)}`)
        source = opened
        opened.addEventListener('open', () => onStatus('live'))
        opened.addEventListener('error', () => {
          opened.close()
          onStatus('connecting')
          if (!stopped) retry = setTimeout(() => void open(), reconnectMs)
        })
        opened.addEventListener('change', (event) => onChange(JSON.parse((event as MessageEvent<string>).data) as ChangeEvent))
      }
      void open()
      return () => {
        stopped = true
        if (retry !== null) clearTimeout(retry)
        source?.close()
      }
    },

    async downloadLink(jobId, path) {
      const asked = await ticket({ for: 'download', jobId })
      return asked.ok ? { ok: true, value: `${origin}${path}?ticket=${encodeURIComponent(asked.value)}` } : asked
    },
  }
}

function unreachable(): CommandResult<never> {
  return { ok: false, error: { code: 'OFFICE_UNREACHABLE', message: 'Cannot reach the race office.' } }
}
