import type { CommandResult } from '../../src-shared/contract'
import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  json(): unknown
}

/** A request exactly as written: no URL normalisation, any Host header. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        // Sent exactly as given, so a test can leave Host out or make it empty.
        setHost: false,
        // A connection per request: one request's unread body never spoils the next one's socket.
        agent: false,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) })
        })
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

export function postCommand(port: number, command: string, input: unknown, token: string | null): Promise<RawResponse> {
  return rawRequest(port, {
    method: 'POST',
    path: `/api/${command}`,
    headers: { 'content-type': 'application/json', ...(token !== null && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(input),
  })
}

/** Calls a command on a served office with fetch, as a desk's browser does: the answer as the office sent it. */
export async function fetchCommand<T = unknown>(origin: string, token: string, command: string, input: unknown): Promise<CommandResult<T>> {
  const response = await fetch(`${origin}/api/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
  return (await response.json()) as CommandResult<T>
}
