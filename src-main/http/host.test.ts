import { mkdirSync, writeFileSync } from 'node:fs'
import { get, request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandNames, commands, type ChangeEvent } from '../../src-shared/contract'
import { postCommand, rawRequest } from '../../tests/support/http-client'
import { contentsOf } from '../../tests/support/hostile'
import { finishedPrint, validInputFor, type CommandCaller } from '../../tests/support/valid-inputs'
import { desk, organiser, tempDir, tempRouter, viewer } from '../../tests/support/temp-event'
import { createHttpHost } from './host'
import { SessionStore } from './sessions'
import { PrintJobs } from '../print/jobs'
import { lanListenerOf } from './lan-listener'
import { unwrap } from '../../tests/support/results'

async function startHost() {
  const opened: string[] = []
  const prints = new PrintJobs({ openFile: async (path) => void opened.push(path) })
  const { router, file, directory, network, backups } = await tempRouter({ prints, backups: true })
  const top = tempDir()
  const rendererDir = join(top, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Race Office</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(top, 'secret.txt'), 'the organiser PIN')
  const sessions = new SessionStore(directory)
  const tokens = { organiser: sessions.issue(organiser), desk: sessions.issue(desk), viewer: sessions.issue(viewer) }
  const host = createHttpHost({ router, prints, sessions, rendererDir, logError: () => {}, desks: { network, directory } })
  const { port } = await host.listen(0, '127.0.0.1')
  network.attach(lanListenerOf(host, () => 0))
  return { host, port, tokens, file, opened, network, directory, backups, [Symbol.asyncDispose]: () => host.close() }
}

type Host = Awaited<ReturnType<typeof startHost>>

function ticketRequest(port: number, token: string, request: unknown) {
  return rawRequest(port, {
    method: 'POST',
    path: '/ticket',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  })
}

/** A one-use ticket for an address that cannot carry the token (the event stream, a download). */
async function ticketFor(port: number, token: string, request: unknown): Promise<string> {
  const answer = await ticketRequest(port, token, request)
  expect(answer.status).toBe(200)
  return (answer.json() as { value: { ticket: string } }).value.ticket
}

/** The organiser's calls to this host, over HTTP. */
function callerOf(h: Host): CommandCaller {
  return {
    call: async (command, input) => (await postCommand(h.port, command, input, h.tokens.organiser)).json(),
    sqlite: h.file.sqlite,
    backups: h.backups,
    officeUrl: `http://127.0.0.1:${h.port}`,
    network: h.network,
  }
}

const invalidInput: Record<(typeof commandNames)[number], unknown> = {
  'event.get': { extra: true },
  'event.update': { date: 'tomorrow' },
  'event.logo': { size: 'large' },
  'event.setLogo': { imageBase64: 'not base64!' },
  'prints.preview': { kind: 'sheets', layout: 'a3' },
  'prints.start': { kind: 'posters' },
  'prints.status': {},
  'prints.cancel': { jobId: 5 },
  'prints.open': { jobId: '' },
  'bibs.markPrinted': { jobId: null },
  'races.list': [],
  'races.create': { name: 'Marathon', distanceM: '42km' },
  'races.update': { id: 'one' },
  'races.delete': {},
  'entrants.list': { limit: 100000 },
  'entrants.get': { id: 7 },
  'entrants.categories': { raceId: 'all' },
  'entrants.search': { query: 'x'.repeat(201) },
  'entrants.create': { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'male' },
  'entrants.update': { id: 'x', birthDate: '1986-13-01' },
  'entrants.delete': { id: '' },
  'imports.upload': { fileName: 'entries.csv', chunk: 5 },
  'imports.preview': { id: 5 },
  'imports.commit': { id: 'x', duplicates: 'merge' },
  'imports.discard': {},
  'bibs.settings': { raceId: 0 },
  'bibs.configure': { raceId: 1, rule: 'random' },
  'bibs.exclude': { bibs: [0] },
  'bibs.plan': { raceId: 1, rule: 'lottery' },
  'bibs.apply': {},
  'bibs.assign': { entrantId: 'x', bib: -1 },
  'bibs.swap': { entrantIds: ['a'], reason: 'x' },
  'bibs.void': { entrantId: 'x', reason: '' },
  'bibs.history': { entrantId: 5 },
  'chips.import': { id: 7 },
  'checkin.checkIn': { entrantId: 'x', confirmed: ['handshake'] },
  'checkin.undo': { checkinId: '' },
  'checkin.status': {},
  'checkin.stats': { desk: 'all' },
  'checkin.settings': { x: 1 },
  'checkin.configure': { shirts: [{ size: 'M', stock: -1 }] },
  'checkin.changeShirt': { entrantId: 'x', size: '' },
  'checkin.moveRace': { entrantId: 'x', raceId: 'Half' },
  'checkin.correct': { entrantId: 'x' },
  'checkin.walkUp': { raceId: 1, givenName: 'A', familyName: 'B', sex: 'F', paymentMethod: 'bitcoin' },
  'checkin.giveBib': { entrantId: 'x', bib: 0 },
  'checkin.printBib': { entrantId: 'x', language: 'fr' },
  'desks.list': { all: true },
  'desks.revoke': {},
  'desks.network': { on: true },
  'desks.setNetwork': { on: 'yes' },
  'session.get': { who: 'me' },
  'desks.approve': { id: '' },
  'desks.refuse': { id: 7 },
  'session.lock': { pin: '12' },
  'session.unlock': { pin: 'abcd' },
  'timing.capture': { device: 'finish-1', seq: -1, point: 'finish', atMs: 1 },
  'timing.assignBib': { device: 'bibs-1', seq: 1, bib: '12' },
  'timing.correct': { action: 'explode', captureId: 'x', reason: 'x' },
  'timing.list': { point: '' },
  'timing.history': {},
  'timing.points': { all: true },
  'timing.setPoints': { splits: [{ name: 'finish', distanceM: 5 }] },
  'clock.list': { raceId: 1 },
  'clock.start': { raceId: 1, atMs: 'now', device: 'x' },
  'clock.set': { raceId: 1 },
  'clock.exchange': { device: 'finish-1' },
  'clock.measure': { device: 'finish-1', exchanges: [] },
  'clock.devices': { device: 'x' },
  'clock.setOffset': { device: 'laptop-1', offsetMs: 1.5, reason: 'photo' },
  'reads.preview': {},
  'reads.import': { id: 'x', point: '' },
  'reads.summary': { point: 'finish' },
  'reads.passings': {},
  'sync.export': { since: 0 },
  'sync.import': { package: { format: 'zip' } },
  'sync.connect': { office: 'file:///etc/passwd', code: '123456', person: 'x' },
  'sync.status': { office: 'x' },
  'sync.disconnect': { now: true },
  'entrants.export': { format: 'xml' },
  'timing.nearMiss': { typed: '21a' },
  'timing.typeTime': { device: 'typed-1', seq: 1, clock: 'elapsed', timeMs: 4_512_000 },
  'times.preview': { id: 7 },
  'times.import': { id: 'x', clock: 'elapsed' },
  'timing.crossCheck': { toleranceMs: 0 },
  'timing.applyCrossCheck': { finding: '', device: 'x', seq: 1 },
  'decoder.connect': { host: 'decoder one', port: 0, protocol: 'serial', point: 'finish' },
  'decoder.status': { all: true },
  'decoder.disconnect': {},
  'decoder.take': { id: 5 },
  'results.races': { extra: true },
  'results.list': { raceId: 0 },
  'results.runner': { bib: 'x' },
  'results.board': { last: 0 },
  'results.awards': { raceId: -1 },
  'results.teams': { raceId: 'all' },
  'results.problems': { all: 1 },
  'results.history': {},
  'results.override': { entrantId: 'a', status: 'LATE', reason: 'x' },
  'results.checkProblem': { key: '', note: 'x' },
  'results.export': { format: 'xls' },
  'audit.list': { limit: 501 },
  'audit.undo': { id: 'last' },
  'backups.status': { all: true },
  'backups.list': { folder: 'second' },
  'backups.verify': { name: '../../etc/passwd.raceoffice', folder: 'primary' },
  'backups.restore': { name: 'x.raceoffice', folder: 'usb' },
  'backups.setSecondFolder': { folder: '' },
}

describe('the HTTP host', () => {
  it.each(commandNames)('refuses invalid input to %s from the organiser (400) and runs it with valid input (200)', async (command) => {
    await using h = await startHost()
    const input = await validInputFor(callerOf(h), command)
    // Invalid first: a valid session.lock turns the organiser's screen into a desk, which may not lock it again.
    const bad = await postCommand(h.port, command, invalidInput[command], h.tokens.organiser)
    expect(bad.status).toBe(400)
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: expect.any(Array) } } })

    const ok = await postCommand(h.port, command, input, h.tokens.organiser)
    expect(ok.status).toBe(200)
    expect(ok.json()).toMatchObject({ ok: true })
  })

  it.each(commandNames)('answers 401 for %s without a token or with a wrong one', async (command) => {
    await using h = await startHost()
    const input = await validInputFor(callerOf(h), command)
    for (const token of [null, 'not-a-real-token']) {
      const response = await postCommand(h.port, command, input, token)
      expect(response.status).toBe(401)
      expect(response.json()).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } })
    }
  })

  it.each(commandNames.filter((name) => !(commands[name].roles as readonly string[]).includes('desk')))(
    'answers 403 when a desk or viewer calls %s, and changes nothing',
    async (command) => {
      await using h = await startHost()
      const input = await validInputFor(callerOf(h), command)
      const contents = contentsOf(h.file.sqlite)
      const before = contents()
      for (const token of [h.tokens.desk, h.tokens.viewer]) {
        const refused = await postCommand(h.port, command, input, token)
        expect(refused.status).toBe(403)
        expect(refused.json()).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
      }
      expect(contents(), `${command} was refused but changed the file`).toBe(before)
    },
  )

  it('answers 200 to a desk and a viewer for the reads every role may make', async () => {
    await using h = await startHost()
    for (const token of [h.tokens.desk, h.tokens.viewer]) {
      expect((await postCommand(h.port, 'races.list', {}, token)).status).toBe(200)
      expect((await postCommand(h.port, 'event.get', {}, token)).status).toBe(200)
    }
  })

  it('answers domain refusals with their code and 409', async () => {
    await using h = await startHost()
    await postCommand(h.port, 'races.create', { name: 'Marathon', distanceM: 42195 }, h.tokens.organiser)
    const again = await postCommand(h.port, 'races.create', { name: 'Marathon', distanceM: 42195 }, h.tokens.organiser)
    expect(again.status).toBe(409)
    expect(again.json()).toMatchObject({ error: { code: 'RACE_NAME_TAKEN' } })
  })

  it('answers a refusal as a value with 200 to the screens, which ask for it, so an expected refusal is no console error', async () => {
    await using h = await startHost()
    const create = (headers: Record<string, string>) =>
      rawRequest(h.port, {
        method: 'POST',
        path: '/api/races.create',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${h.tokens.organiser}`, ...headers },
        body: JSON.stringify({ name: 'Marathon', distanceM: 42195 }),
      })
    expect((await create({ 'x-race-office-refusals': 'in-body' })).status).toBe(200)
    const again = await create({ 'x-race-office-refusals': 'in-body' })
    expect(again.status).toBe(200)
    expect(again.json()).toMatchObject({ ok: false, error: { code: 'RACE_NAME_TAKEN' } })
    expect((await create({})).status).toBe(409)
  })

  it('answers 404 for an unknown command, 405 for GET on a command, 400 for broken JSON, 413 for a huge body', async () => {
    await using h = await startHost()
    expect((await postCommand(h.port, 'races.burn', {}, h.tokens.organiser)).status).toBe(404)
    expect((await rawRequest(h.port, { path: '/api/races.list', headers: { authorization: `Bearer ${h.tokens.organiser}` } })).status).toBe(405)
    const broken = await rawRequest(h.port, {
      method: 'POST',
      path: '/api/races.list',
      headers: { authorization: `Bearer ${h.tokens.organiser}` },
      body: '{"name": ',
    })
    expect(broken.status).toBe(400)
    const huge = await rawRequest(h.port, {
      method: 'POST',
      path: '/api/event.update',
      headers: { authorization: `Bearer ${h.tokens.organiser}` },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(huge.status).toBe(413)
  })

  it('refuses a Host header that is not an IP literal or localhost on our port (DNS rebinding)', async () => {
    await using h = await startHost()
    for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, '', `127.0.0.1.nip.io:${h.port}`]) {
      const response = await rawRequest(h.port, { path: '/', headers: { host } })
      expect(response.status, host).toBe(421)
    }
    for (const host of [`127.0.0.1:${h.port}`, `localhost:${h.port}`, `LOCALHOST:${h.port}`, `192.168.1.20:${h.port}`]) {
      expect((await rawRequest(h.port, { path: '/', headers: { host } })).status, host).toBe(200)
    }
  })

  it('refuses a call from a page of another site (Origin), even with a valid token', async () => {
    await using h = await startHost()
    const call = (origin?: string) =>
      rawRequest(h.port, {
        method: 'POST',
        path: '/api/session.get',
        headers: { authorization: `Bearer ${h.tokens.organiser}`, ...(origin !== undefined && { origin }) },
        body: '{}',
      })
    for (const origin of ['http://evil.example', `http://127.0.0.1:${h.port + 1}`, 'null', `https://127.0.0.1:${h.port}`, 'not a url']) {
      expect((await call(origin)).status, origin).toBe(403)
    }
    expect((await call(`http://127.0.0.1:${h.port}`)).status).toBe(200)
    expect((await call()).status).toBe(200)
    const pairing = await rawRequest(h.port, { method: 'POST', path: '/pair', headers: { origin: 'http://evil.example' }, body: '{}' })
    expect(pairing.status).toBe(403)
  })

  it('serves the renderer and never a file outside it', async () => {
    await using h = await startHost()
    const index = await rawRequest(h.port, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toMatch(/text\/html/)
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect((await rawRequest(h.port, { path: '/assets/app.js' })).body).toContain('console.log')
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2E%2E/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.js',
      '/%',
      '/assets',
      '/missing.js',
    ]) {
      const response = await rawRequest(h.port, { path })
      expect(response.status, path).toBe(404)
      expect(response.body, path).not.toContain('organiser PIN')
    }
  })

  it('streams change events to every signed-in screen after a write', async () => {
    await using h = await startHost()
    const ticket = await ticketFor(h.port, h.tokens.viewer, { for: 'events' })
    const received = new Promise<ChangeEvent>((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port: h.port, path: `/api/events?ticket=${ticket}` }, (res) => {
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toMatch(/text\/event-stream/)
        let buffer = ''
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString('utf8')
          const match = /event: change\ndata: (.*)\n\n/.exec(buffer)
          if (match?.[1] !== undefined) {
            resolve(JSON.parse(match[1]) as ChangeEvent)
            req.destroy()
          }
        })
        res.on('data', () => {})
        // Once the stream is open, another desk writes.
        setTimeout(() => void postCommand(h.port, 'races.create', { name: '10K', distanceM: 10000 }, h.tokens.organiser), 50)
      })
      req.on('error', reject)
    })
    expect(await received).toMatchObject({ topics: ['races'], command: 'races.create', desk: 'office' })
  })

  it('pairs a desk with the code on the organiser screen; revoking it refuses its next request and ends its stream', async () => {
    await using h = await startHost()
    const network = await postCommand(h.port, 'desks.setNetwork', { on: true }, h.tokens.organiser)
    const { codes, url } = (network.json() as { value: { codes: { desk: string }; url: string } }).value
    const lanPort = Number(new URL(url).port)
    const pair = (code: string, port = lanPort) =>
      rawRequest(port, {
        method: 'POST',
        path: '/pair',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, desk: 'Desk 3', person: 'Ji-woo' }),
      })
    const wrong = await pair(codes.desk === '123456' ? '654321' : '123456')
    expect(wrong.status).toBe(403)
    expect(wrong.json()).toMatchObject({ ok: false, error: { code: 'PAIRING_CODE_WRONG' } })
    expect((await pair('12')).status).toBe(400)
    const paired = await pair(codes.desk)
    expect(paired.status).toBe(200)
    const { token } = (paired.json() as { value: { token: string; role: string } }).value
    expect(paired.json()).toMatchObject({ value: { role: 'desk', desk: 'Desk 3' } })
    expect((await postCommand(lanPort, 'checkin.stats', {}, token)).status).toBe(200)
    expect((await postCommand(h.port, 'races.create', { name: '5K', distanceM: 5000 }, token)).status).toBe(403)

    const ticket = await ticketFor(lanPort, token, { for: 'events' })
    const ended = new Promise<void>((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port: lanPort, path: `/api/events?ticket=${ticket}` }, (res) => {
        expect(res.statusCode).toBe(200)
        res.on('data', () => {})
        res.on('end', () => resolve())
      })
      req.on('error', reject)
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    const [listed] = ((await postCommand(h.port, 'desks.list', {}, h.tokens.organiser)).json() as { value: { id: string }[] }).value
    expect((await postCommand(h.port, 'desks.revoke', { id: listed?.id }, h.tokens.organiser)).status).toBe(200)
    await ended
    const refused = await postCommand(lanPort, 'checkin.stats', {}, token)
    expect(refused.status).toBe(401)
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } })
  })

  it('lets a desk typing the right code from its own address in while six other addresses send wrong codes', async () => {
    await using h = await startHost()
    const { url } = ((await postCommand(h.port, 'desks.setNetwork', { on: true }, h.tokens.organiser)).json() as { value: { url: string } }).value
    const lanPort = Number(new URL(url).port)
    const pairFrom = (from: string, code: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ code, desk: `Desk at ${from}`, person: 'Ji-woo' })
        const sending = httpRequest(
          { host: '127.0.0.1', port: lanPort, localAddress: from, method: 'POST', path: '/pair', headers: { 'content-type': 'application/json' } },
          (res) => {
            let text = ''
            res.on('data', (chunk: Buffer) => (text += chunk.toString()))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
          },
        )
        sending.on('error', reject)
        sending.end(body)
      })
    const shown = () => h.network.status().codes ?? { desk: '', finish: '', viewer: '' }
    const statuses: number[] = []
    for (let round = 0; round < 10; round++)
      for (let host = 2; host <= 7; host++) {
        let guess = round * 10 + host
        while (Object.values(shown()).includes(String(guess).padStart(6, '0'))) guess++
        statuses.push((await pairFrom(`127.0.0.${host}`, String(guess).padStart(6, '0'))).status)
      }
    // Five wrong codes from an address, then it waits (429); the desk at its own address is not refused: under
    // the flood it waits for the organiser's click, which lets it in.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0)
    const asked = await pairFrom('127.0.0.8', shown().desk)
    expect(asked.status).toBe(200)
    const { waiting } = (JSON.parse(asked.body) as { value: { waiting: string } }).value
    const [device] = h.network.status().waiting
    expect(device).toMatchObject({ desk: 'Desk at 127.0.0.8', address: '127.0.0.8' })
    expect((await postCommand(h.port, 'desks.approve', { id: device?.id }, h.tokens.organiser)).status).toBe(200)
    const admitted = await rawRequest(lanPort, {
      method: 'POST',
      path: '/pair/wait',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: waiting }),
    })
    expect(admitted.json()).toMatchObject({ ok: true, value: { role: 'desk', token: expect.any(String) } })
  })

  it('refuses the event stream without a valid ticket, and takes no token in its address', async () => {
    await using h = await startHost()
    expect((await rawRequest(h.port, { path: '/api/events' })).status).toBe(401)
    expect((await rawRequest(h.port, { path: '/api/events?ticket=guess' })).status).toBe(401)
    expect((await rawRequest(h.port, { path: `/api/events?token=${h.tokens.organiser}` })).status).toBe(401)
    const forDownload = await ticketFor(h.port, h.tokens.organiser, { for: 'download', jobId: 'x' })
    expect((await rawRequest(h.port, { path: `/api/events?ticket=${forDownload}` })).status).toBe(401)
    expect((await ticketRequest(h.port, 'not-a-token', { for: 'events' })).status).toBe(401)
    expect((await ticketRequest(h.port, h.tokens.organiser, { for: 'everything' })).status).toBe(400)
  })

  it('downloads a finished document for the organiser, with its name, and to nobody else', async () => {
    await using h = await startHost()
    await postCommand(h.port, 'races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }, h.tokens.organiser)
    const jobId = await finishedPrint(callerOf(h))
    const ticket = await ticketFor(h.port, h.tokens.organiser, { for: 'download', jobId })
    const download = await rawRequest(h.port, { path: `/prints/${jobId}?ticket=${ticket}` })
    expect(download.status).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''")
    expect(download.body.startsWith('%PDF-1.7')).toBe(true)
    expect((await rawRequest(h.port, { path: `/prints/${jobId}` })).status).toBe(401)
    // A ticket works once, and for its own document only; the token itself is no longer taken in the address.
    expect((await rawRequest(h.port, { path: `/prints/${jobId}?ticket=${ticket}` })).status).toBe(401)
    expect((await rawRequest(h.port, { path: `/prints/${jobId}?token=${h.tokens.organiser}` })).status).toBe(401)
    const another = await ticketFor(h.port, h.tokens.organiser, { for: 'download', jobId: 'another' })
    expect((await rawRequest(h.port, { path: `/prints/${jobId}?ticket=${another}` })).status).toBe(401)
    // Scripts send the token in the header, as for commands.
    expect((await rawRequest(h.port, { path: `/prints/${jobId}`, headers: { authorization: `Bearer ${h.tokens.organiser}` } })).status).toBe(200)
    // A desk downloads only the bibs it printed itself; a viewer nothing.
    const asDesk = await ticketFor(h.port, h.tokens.desk, { for: 'download', jobId })
    expect((await rawRequest(h.port, { path: `/prints/${jobId}?ticket=${asDesk}` })).status).toBe(404)
    const asViewer = await ticketFor(h.port, h.tokens.viewer, { for: 'download', jobId })
    expect((await rawRequest(h.port, { path: `/prints/${jobId}?ticket=${asViewer}` })).status).toBe(403)
    const unknown = await ticketFor(h.port, h.tokens.organiser, { for: 'download', jobId: 'unknown' })
    expect((await rawRequest(h.port, { path: `/prints/unknown?ticket=${unknown}` })).status).toBe(404)
  })

  it('opens a finished document for printing where the desktop can, and says why not elsewhere', async () => {
    await using h = await startHost()
    await postCommand(h.port, 'races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }, h.tokens.organiser)
    const jobId = await finishedPrint(callerOf(h))
    expect((await postCommand(h.port, 'prints.open', { jobId }, h.tokens.organiser)).status).toBe(200)
    expect(h.opened).toHaveLength(1)
    expect(h.opened[0]).toMatch(new RegExp(`${jobId}\\.pdf$`))

    const { router } = await tempRouter()
    await router.call('races.create', { name: '5K', distanceM: 5000 }, organiser)
    await router.call('entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Lee', sex: 'F', bib: 1 }, organiser)
    const job = unwrap(await router.call('prints.start', { kind: 'sheets' }, organiser))
    for (let state = job.state; state === 'running';) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      const status = await router.call('prints.status', { jobId: job.jobId }, organiser)
      state = status.ok ? status.value.state : 'failed'
    }
    expect(await router.call('prints.open', { jobId: job.jobId }, organiser)).toMatchObject({ ok: false, error: { code: 'NOT_AVAILABLE_HERE' } })
  })
})
