import { isIP } from 'node:net'

/**
 * DNS rebinding defence: a page from another site can point its own host name at 127.0.0.1,
 * but it cannot make the browser send an IP literal or "localhost" as the Host header.
 * So only those are accepted, and only with the port we listen on.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (hostHeader === undefined || hostHeader.length > 300) return false
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim())
  if (match === null) return false
  const [, rawHost = '', rawPort] = match
  const requestPort = rawPort === undefined ? 80 : Number(rawPort)
  if (requestPort !== port) return false
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost
  return host.toLowerCase() === 'localhost' || isIP(host) !== 0
}

/**
 * CSRF defence: browsers name the page that sent a request in Origin. A request with no Origin
 * (a desk's own navigation, a script) passes; one from a page of another origin does not, even
 * with a token it should not have.
 */
export function isSameOrigin(originHeader: string | undefined, hostHeader: string | undefined): boolean {
  if (originHeader === undefined) return true
  if (originHeader === 'null' || hostHeader === undefined) return false
  try {
    const origin = new URL(originHeader)
    return origin.protocol === 'http:' && origin.host === new URL(`http://${hostHeader.trim()}`).host
  } catch {
    return false
  }
}
