import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { organiser, tempDir, tempRouter } from '../../tests/support/temp-event'
import { createHttpHost, type HttpHostOptions } from './host'
import { SessionStore } from './sessions'

type Limits = Pick<HttpHostOptions, 'maxConnections' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'streamsPerSession'>

async function hostWith(limits: Limits) {
  const { router, directory, network } = await tempRouter()
  const rendererDir = join(tempDir(), 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Race Office</title>')
  const sessions = new SessionStore(directory)
  const token = sessions.issue(organiser)
  const host = createHttpHost({ router, sessions, rendererDir, logError: () => {}, desks: { network, directory }, ...limits })
  const { port } = await host.listen(0, '127.0.0.1')
  return { port, token, [Symbol.asyncDispose]: () => host.close() }
}

/** A raw socket to the host, and when the host closed it (ms after opening) with what it had answered. */
function rawSocket(port: number): { socket: Socket; closed: Promise<{ afterMs: number; answer: string }> } {
  const started = Date.now()
  const socket = connect(port, '127.0.0.1')
  let answer = ''
  socket.on('data', (data) => (answer += data.toString()))
  socket.on('error', () => {})
  return { socket, closed: new Promise((resolve) => socket.on('close', () => resolve({ afterMs: Date.now() - started, answer }))) }
}

describe('the host under abuse', () => {
  it('cuts off a sender that sends its headers slowly', async () => {
    await using h = await hostWith({ headersTimeoutMs: 1000, requestTimeoutMs: 2000 })
    const { socket, closed } = rawSocket(h.port)
    socket.write(`POST /pair HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\n`)
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: a\r\n'), 300)
    const { afterMs, answer } = await closed
    clearInterval(drip)
    expect(afterMs).toBeLessThan(4000)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
  })

  it('refuses a body past its limit as soon as it passes it, without reading the rest', async () => {
    await using h = await hostWith({})
    let written = 0
    const status = await new Promise<number>((resolve, reject) => {
      // Chunked, so no declared length gives it away: the host must count as it reads.
      const sending = request({ host: '127.0.0.1', port: h.port, method: 'POST', path: '/pair', headers: { 'content-type': 'application/json' } }, (response) =>
        resolve(response.statusCode ?? 0),
      )
      sending.on('error', reject)
      const chunk = Buffer.alloc(64 * 1024, 'a')
      const pump = (): void => {
        while (written < 20 * 1024 * 1024) {
          written += chunk.length
          if (!sending.write(chunk)) return void sending.once('drain', pump)
        }
        sending.end()
      }
      pump()
    }).catch(() => 'cut off' as const)
    expect(status === 413 || status === 'cut off').toBe(true)
    // The old host read all 20 MB before answering; what the client pushes into loopback buffers before the answer is a few MB at most.
    expect(written).toBeLessThan(10 * 1024 * 1024)
  })

  it('refuses a body whose declared length passes the limit before reading any of it', async () => {
    await using h = await hostWith({})
    const { socket, closed } = rawSocket(h.port)
    socket.write(`POST /pair HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n{`)
    expect((await closed).answer).toMatch(/^HTTP\/1\.1 413/)
  })

  it('keeps no more connections open than its cap', async () => {
    await using h = await hostWith({ maxConnections: 5 })
    const sockets = Array.from({ length: 12 }, () => rawSocket(h.port))
    const cut = await Promise.all(
      sockets.map(({ closed }) => Promise.race([closed.then(() => 1), new Promise<number>((resolve) => setTimeout(() => resolve(0), 1500))])),
    )
    for (const { socket } of sockets) socket.destroy()
    expect(cut.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7)
  })

  it('keeps only the newest few event streams of one sign-in open', async () => {
    await using h = await hostWith({ streamsPerSession: 2 })
    const open = (): Promise<{ ended: Promise<void>; close: () => void }> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: h.port, path: '/api/events', headers: { authorization: `Bearer ${h.token}` } }, (res) => {
          expect(res.statusCode).toBe(200)
          res.resume()
          resolve({ ended: new Promise((done) => res.on('end', () => done())), close: () => req.destroy() })
        })
        req.on('error', reject)
        req.end()
      })
    const first = await open()
    const second = await open()
    const third = await open()
    await first.ended
    const stillOpen = await Promise.race([second.ended.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300))])
    expect(stillOpen).toBe(true)
    second.close()
    third.close()
  })
})
