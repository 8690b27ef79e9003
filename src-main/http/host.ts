import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { z } from 'zod'
import { CommandError, type CommandErrorValue, type CommandResult, type ErrorCode, type Session } from '../../src-shared/contract'
import { httpStatusOf } from '../../src-shared/contract/http-status'
import { pairRequest, pairWaitRequest, ticketRequest } from '../../src-shared/contract/desks'
import type { DeskDirectory } from '../desks/directory'
import type { DeskNetwork } from '../desks/network'
import type { PrintJobs } from '../print/jobs'
import { validate, type Router } from '../router/router'
import { isAllowedHost, isSameOrigin } from './host-header'
import { securityHeaders } from './security-headers'
import type { SessionStore } from './sessions'
import { resolveStaticPath, sendStaticFile } from './static-files'
import { Tickets } from './tickets'

/** A request header the screens send: refusals of a command come as values, with status 200. */
export const refusalsHeader = 'x-race-office-refusals'

export interface HttpHostOptions {
  router: Router
  sessions: SessionStore
  /** The built renderer (out/renderer); every non-API path is served from here and only here. */
  rendererDir: string
  /** Finished documents are downloaded from /prints/<jobId>. */
  prints?: PrintJobs
  /** Pairing at POST /pair, and revoked desks' event streams ended at once. */
  desks?: { network: DeskNetwork; directory: DeskDirectory }
  maxBodyBytes?: number
  heartbeatMs?: number
  /** Sockets open at once on each address; past it new ones are closed as they arrive. */
  maxConnections?: number
  /** A request's headers, and the whole request, must have arrived within these (a slow sender is cut off). */
  headersTimeoutMs?: number
  requestTimeoutMs?: number
  /** Event streams one sign-in may hold open; a new one past it ends that sign-in's oldest. */
  streamsPerSession?: number
  logError?: (error: unknown) => void
}

export interface HttpHost {
  server: Server
  listen(port: number, host: string): Promise<{ host: string; port: number }>
  /** Listens on one more address (desks on the local network); the port wanted, else any free one. */
  listenAlso(host: string, port: number): Promise<number>
  /** Stops listening on the extra addresses; their connections are cut. */
  closeAlso(): Promise<void>
  /** Stops taking requests, ends event streams, and waits for requests under way. */
  close(): Promise<void>
}

export function createHttpHost(options: HttpHostOptions): HttpHost {
  const { router, sessions, rendererDir } = options
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
  const heartbeatMs = options.heartbeatMs ?? 15_000
  const maxConnections = options.maxConnections ?? 256
  const headersTimeout = options.headersTimeoutMs ?? 10_000
  const requestTimeout = options.requestTimeoutMs ?? 30_000
  const streamsPerSession = options.streamsPerSession ?? 4
  const logError = options.logError ?? ((error) => console.error('[http]', error))
  const streams = new Map<ServerResponse, { session: Session; end: () => void }>()
  const tickets = new Tickets()
  const ports = new Set<number>()
  const extraServers = new Set<Server>()

  const answer = (request: IncomingMessage, response: ServerResponse): void => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value)
    handle(request, response).catch((error: unknown) => {
      logError(error)
      if (!response.headersSent) sendError(response, 'INTERNAL', 'The office could not answer this request.')
      else response.end()
    })
  }
  const newServer = (): Server => {
    // Timeouts are checked every second rather than Node's default 30 s, so a slow sender is cut off when its time is up.
    const created = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: 1000 }, answer)
    created.maxConnections = maxConnections
    return created
  }
  const server = newServer()
  const stopRevokes = options.desks?.directory.onRevoke((deskId) => {
    for (const [stream, { session, end }] of streams) {
      if (session.deskId !== deskId) continue
      end()
      stream.end()
    }
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (![...ports].some((port) => isAllowedHost(request.headers.host, port))) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('Misdirected request: open the office by its IP address or localhost.')
      return
    }
    const url = new URL(request.url ?? '/', 'http://office.invalid')
    if (!isSameOrigin(request.headers.origin, request.headers.host)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('Forbidden: a page of another site may not call the office.')
      return
    }
    if (url.pathname === '/api/events') return streamChanges(request, response, url)
    if (url.pathname === '/pair') return pair(request, response)
    if (url.pathname === '/pair/wait') return waitForApproval(request, response)
    if (url.pathname === '/ticket') return issueTicket(request, response)
    if (url.pathname.startsWith('/api/')) return callCommand(request, response, decodedOrRaw(url.pathname.slice(5)))
    if (url.pathname.startsWith('/prints/')) return downloadPrint(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    const path = resolveStaticPath(rendererDir, url.pathname)
    if (path === null) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    sendStaticFile(response, path)
  }

  async function callCommand(request: IncomingMessage, response: ServerResponse, command: string): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST')
      return sendError(response, 'INVALID_INPUT', 'Commands are called with POST.', 405)
    }
    const session = sessions.lookup(bearerToken(request))
    if (session === null) return sendError(response, 'NOT_AUTHENTICATED', 'This desk is not signed in: open the link the office gave you.')
    const body = await readJson(request, response, maxBodyBytes)
    if (body === answered) return
    const result = await router.dispatch(command, body.json, session)
    if (result.ok) return sendJson(response, 200, result)
    // The screens ask for refusals as values (200, ok: false in the body): an expected refusal
    // (already picked up, nothing to print) is then no network error in the browser's console.
    // Scripts and other clients get the status code of the refusal.
    const asValue = request.headers[refusalsHeader] === 'in-body'
    return sendJson(response, asValue ? 200 : httpStatusOf[result.error.code], result)
  }

  /** A desk with no token yet: the pairing code shown to the organiser earns it one. */
  async function pair(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const input = await postedInput(request, response, pairRequest, 4096)
    if (input === answered) return
    const { desks } = options
    if (desks === undefined) return sendError(response, 'PAIRING_CODE_WRONG', 'This office does not pair desks.')
    return sendResult(
      response,
      asResult(() => desks.network.pair(request.socket.remoteAddress ?? 'unknown', input)),
    )
  }

  /** A ticket for one address that cannot carry headers (the event stream, a download), for the signed-in caller. */
  async function issueTicket(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const session = sessions.lookup(bearerToken(request))
    if (session === null) return sendError(response, 'NOT_AUTHENTICATED', 'This desk is not signed in: open the link the office gave you.')
    const input = await postedInput(request, response, ticketRequest, 1024)
    if (input === answered) return
    return sendResult(response, { ok: true, value: tickets.issue(session, input) })
  }

  /** A device waiting for the organiser's approval asks again with its ticket. */
  async function waitForApproval(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const input = await postedInput(request, response, pairWaitRequest, 1024)
    if (input === answered) return
    const { desks } = options
    if (desks === undefined) return sendError(response, 'PAIRING_REFUSED', 'This office does not pair desks.')
    return sendResult(
      response,
      asResult(() => desks.network.collect(input.ticket)),
    )
  }

  /** A POST's body read within `limit` and checked against `schema`, or `answered` once a refusal has been sent for it. */
  async function postedInput<T extends z.ZodType>(
    request: IncomingMessage,
    response: ServerResponse,
    schema: T,
    limit: number,
  ): Promise<z.output<T> | typeof answered> {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST')
      sendError(response, 'INVALID_INPUT', 'This address is called with POST.', 405)
      return answered
    }
    const body = await readJson(request, response, limit)
    if (body === answered) return answered
    const parsed = validate(schema, body.json)
    if (parsed.ok) return parsed.value
    sendResult(response, parsed)
    return answered
  }

  /** The request's JSON body (none is `{}`), or `answered` once a refusal has been sent for it. */
  async function readJson(request: IncomingMessage, response: ServerResponse, limit: number): Promise<{ json: unknown } | typeof answered> {
    const body = await readBody(request, limit)
    if (body === 'too-large') {
      // Refused as soon as the body passes the limit: the rest is not read, and the connection closes once the answer is out.
      response.setHeader('connection', 'close')
      sendError(response, 'INVALID_INPUT', `The request is larger than ${limit} bytes.`, 413)
      response.on('finish', () => request.destroy())
      return answered
    }
    if (body.length === 0) return { json: {} }
    try {
      return { json: JSON.parse(body) }
    } catch {
      sendError(response, 'INVALID_INPUT', 'The request body is not valid JSON.')
      return answered
    }
  }

  function downloadPrint(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const jobId = decodedOrRaw(url.pathname.slice('/prints/'.length))
    // A download link cannot carry headers: a ticket for this one document stands in for the token.
    const signedIn = sessions.lookup(bearerToken(request)) ?? tickets.redeem(url.searchParams.get('ticket'), { for: 'download', jobId })
    if (signedIn === null) return sendError(response, 'NOT_AUTHENTICATED', 'This desk is not signed in.')
    // A download is the job's status read, with the file in place of the answer: the same input check, role and ownership.
    const checked = router.authorise('prints.status', { jobId }, signedIn)
    if (!checked.ok) return sendResult(response, checked)
    if (options.prints === undefined) return sendError(response, 'PRINT_NOT_FOUND', 'There is no such document.')
    const { prints } = options
    const found = asResult(() => prints.file(prints.ownJob(checked.value.input.jobId, checked.value.session)))
    if (!found.ok) return sendResult(response, found)
    const file = found.value
    response.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': statSync(file.path).size,
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'no-store',
    })
    if (request.method === 'HEAD') return void response.end()
    createReadStream(file.path).pipe(response)
  }

  function streamChanges(request: IncomingMessage, response: ServerResponse, url: URL): void {
    // EventSource cannot send headers: a ticket for the stream stands in for the token.
    const session = sessions.lookup(bearerToken(request)) ?? tickets.redeem(url.searchParams.get('ticket'), { for: 'events' })
    if (session === null) return sendError(response, 'NOT_AUTHENTICATED', 'This desk is not signed in.')
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    response.write('retry: 2000\n\n')
    const send = (text: string): void => {
      if (!response.writableEnded) response.write(text)
    }
    // A turn later: the desk that made the change gets its answer before the news of it.
    const stop = router.onChange((change) => setImmediate(() => send(`event: change\ndata: ${JSON.stringify(change)}\n\n`)))
    const heartbeat = setInterval(() => send(': still here\n\n'), heartbeatMs)
    const end = (): void => {
      clearInterval(heartbeat)
      stop()
      streams.delete(response)
    }
    const mine = [...streams.entries()].filter(([, stream]) => stream.session === session)
    // Oldest first (a Map keeps insertion order): a tab reloaded many times, or a caller opening streams on purpose, keeps only the newest few.
    for (const [old, stream] of mine.slice(0, Math.max(0, mine.length - streamsPerSession + 1))) {
      stream.end()
      old.end()
    }
    streams.set(response, { session, end })
    request.on('close', end)
    response.on('close', end)
  }

  function bind(target: Server, wantedPort: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      target.once('error', reject)
      target.listen(wantedPort, host, () => {
        target.off('error', reject)
        const bound = (target.address() as AddressInfo).port
        ports.add(bound)
        resolve(bound)
      })
    })
  }

  async function closeAlso(): Promise<void> {
    const closing = [...extraServers].map(
      (extra) =>
        new Promise<void>((resolve) => {
          const port = (extra.address() as AddressInfo | null)?.port
          extra.close(() => resolve())
          extra.closeAllConnections()
          if (port !== undefined && port !== (server.address() as AddressInfo | null)?.port) ports.delete(port)
        }),
    )
    extraServers.clear()
    await Promise.all(closing)
  }

  return {
    server,
    async listen(wantedPort, host) {
      return { host, port: await bind(server, wantedPort, host) }
    },
    async listenAlso(host, wantedPort) {
      const extra = newServer()
      try {
        const port = await bind(extra, wantedPort, host)
        extraServers.add(extra)
        return port
      } catch (error) {
        if (wantedPort === 0) throw error
        // The port is taken on that address: let the system choose one; the QR code carries it.
        const port = await bind(extra, 0, host)
        extraServers.add(extra)
        return port
      }
    },
    closeAlso,
    async close() {
      stopRevokes?.()
      await closeAlso()
      return new Promise((resolve) => {
        // Requests under way finish; kept-alive browser connections are let go at once, and
        // anything still open after the grace period is cut so that shutdown never hangs.
        const cut = setTimeout(() => server.closeAllConnections(), 5000)
        server.close(() => {
          clearTimeout(cut)
          resolve()
        })
        for (const stream of streams.keys()) stream.end()
        server.closeIdleConnections()
        setImmediate(() => server.closeIdleConnections())
      })
    },
  }
}

/** A name from the address; a broken escape (a lone %) stays as typed, to be refused as unknown. */
function decodedOrRaw(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization
  if (header === undefined) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? null
}

/** The body, or 'too-large' as soon as it is known to pass the limit (by its declared length, or by what has come). */
function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve('too-large')
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      request.off('data', onData)
      request.pause()
      resolve('too-large')
    }
    request.on('data', onData)
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/** Marks a request already answered (refused) by the helper that read it. */
const answered = Symbol('answered')

/** A service's coded refusal as a result value; anything else is a fault and is thrown on. */
function asResult<T>(run: () => T): CommandResult<T> {
  try {
    return { ok: true, value: run() }
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: error.toValue() }
    throw error
  }
}

function sendResult(response: ServerResponse, result: CommandResult<unknown>): void {
  sendJson(response, result.ok ? 200 : httpStatusOf[result.error.code], result)
}

function sendError(response: ServerResponse, code: ErrorCode, message: string, status = httpStatusOf[code]): void {
  const error: CommandErrorValue = { code, message }
  sendJson(response, status, { ok: false, error })
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}
