import fc from 'fast-check'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fuzzOptions } from '../../tests/support/fuzz'
import { describe, expect, it } from 'vitest'
import { commandNames } from '../../src-shared/contract'
import { httpStatusOf } from '../../src-shared/contract/http-status'
import { postCommand, rawRequest } from '../../tests/support/http-client'
import { contentsOf, deeplyNested, hostileString, hostileValue } from '../../tests/support/hostile'
import { organiser, tempDir, tempRouter, viewer } from '../../tests/support/temp-event'
import { createHttpHost } from './host'
import { SessionStore } from './sessions'

// The HTTP host under random requests: every answer is one the desk can show (a success or a
// refusal the office names), never a 5xx, never a hang; a refused request changes nothing.

async function fuzzedHost() {
  const { router, file, directory, network } = await tempRouter()
  await router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }, organiser)
  await router.call('entrants.create', { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M', bib: 7 }, organiser)
  const rendererDir = join(tempDir(), 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Race Office</title>')
  const sessions = new SessionStore(directory)
  const tokens = { organiser: sessions.issue(organiser), viewer: sessions.issue(viewer) }
  const host = createHttpHost({ router, sessions, rendererDir, logError: () => {}, desks: { network, directory } })
  const { port } = await host.listen(0, '127.0.0.1')
  return { port, tokens, fingerprint: contentsOf(file.sqlite), [Symbol.asyncDispose]: () => host.close() }
}

const path = fc.oneof(
  fc.constantFrom(...commandNames).map((c) => `/api/${c}`),
  hostileString.map((s) => `/api/${encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'))}`),
  // Not /api/events: a signed-in stream stays open by design (its refusals are tested in host.test.ts).
  fc.constantFrom(
    '/pair',
    '/ticket',
    '/prints/x',
    '/prints/..%2f..%2fetc%2fpasswd',
    '/',
    '/index.html',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/api/',
    '/api/%',
    '/%ZZ',
  ),
)

const body = fc.oneof(
  hostileValue.map((v) => JSON.stringify(v) ?? ''),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '1e999', '{"__proto__":{"admin":true}}', '['.repeat(100_000), JSON.stringify(deeplyNested(3000))),
)

// What a desk can be told: success, the host's own refusals (wrong host, wrong origin, wrong
// method, no such page), Node's refusal of oversized headers (431) and every refusal of a
// command's. A failure of the office (5xx) is none.
const answerable = [...new Set([200, 403, 404, 405, 421, 431, ...Object.values(httpStatusOf).filter((status) => status < 500)])]

describe('the HTTP host under random requests', () => {
  it('answers every request with a status a desk can show, never a 500, and refusals change nothing', { timeout: 300_000 }, async () => {
    await using h = await fuzzedHost()
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'),
          path,
          token: fc.oneof(fc.constantFrom(h.tokens.organiser, h.tokens.viewer, '', 'Bearer', 'x'.repeat(300)), hostileString),
          origin: fc.option(fc.constantFrom('http://evil.example', `http://127.0.0.1:${h.port}`, 'null')),
          body,
        }),
        async ({ method, path: target, token, origin, body: text }) => {
          const before = h.fingerprint()
          const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token.replace(/[^\x21-\x7e]/g, '')}` }
          if (origin !== null) headers.origin = origin
          const response = await rawRequest(h.port, { method, path: target, headers, ...(method !== 'GET' && method !== 'HEAD' && { body: text }) })
          expect(answerable, `${method} ${target} → ${response.status} ${response.body.slice(0, 200)}`).toContain(response.status)
          if (response.status >= 400) expect(h.fingerprint(), `${method} ${target} was refused but changed the file`).toBe(before)
        },
      ),
      fuzzOptions(400),
    )
    expect((await postCommand(h.port, 'session.get', {}, h.tokens.organiser)).status).toBe(200)
  })
})
