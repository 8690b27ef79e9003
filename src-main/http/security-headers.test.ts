import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from './security-headers'

describe('the content security policy', () => {
  it('is the same in the renderer page (Electron) and in the HTTP host (browsers)', () => {
    const html = readFileSync(new URL('../../src-renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    // frame-ancestors cannot be set from a meta tag; only the header carries it.
    expect(meta).toBe(contentSecurityPolicy.replace("; frame-ancestors 'none'", ''))
  })

  it('allows no inline or evaluated script and no plugins', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|data:[^;]*script/)
    expect(contentSecurityPolicy).toMatch(/object-src 'none'/)
    expect(contentSecurityPolicy).toMatch(/script-src 'self'(;|$)/)
  })
})
