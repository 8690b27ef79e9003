import { createReadStream, realpathSync, statSync } from 'node:fs'
import { extname, join, relative, isAbsolute } from 'node:path'
import type { ServerResponse } from 'node:http'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.webmanifest': 'application/manifest+json',
}

/**
 * The file under `root` that a URL path names, or null. Refuses anything that would leave the
 * folder: `..` segments (plain or percent-encoded), backslashes, NUL bytes, and links out of it.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded
  if (wanted.split('/').some((segment) => segment === '..')) return null
  const realRoot = realpathSync(root)
  let candidate: string
  try {
    candidate = realpathSync(join(realRoot, wanted))
  } catch {
    return null
  }
  const inside = relative(realRoot, candidate)
  if (inside.startsWith('..') || isAbsolute(inside)) return null
  return statSync(candidate).isFile() ? candidate : null
}

export function sendStaticFile(response: ServerResponse, path: string): void {
  const type = contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
  // Built assets carry a content hash in their names; index.html must always be fresh.
  const cache = path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'
  response.writeHead(200, { 'content-type': type, 'cache-control': cache })
  createReadStream(path).pipe(response)
}
