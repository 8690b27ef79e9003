import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Router } from '../../src-main/router/router'
import type { CommandInput } from '../../src-shared/contract'
import { organiser } from './temp-event'

/** The sample files users bring, from shared/fixtures. */
export function fixture(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../../shared/fixtures/${name}`, import.meta.url)))
}

type Options = Omit<CommandInput<'imports.commit'>, 'id'>

/** Uploads a file through the router in small chunks, as the wizard does. */
export async function upload(router: Router, bytes: Uint8Array, fileName = 'entries.csv'): Promise<string> {
  let id: string | undefined
  const chunkSize = 64 * 1024
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += chunkSize) {
    const chunk = Buffer.from(bytes.subarray(offset, offset + chunkSize)).toString('base64')
    const result = await router.call('imports.upload', { ...(id !== undefined && { id }), fileName, chunk }, organiser)
    if (!result.ok) throw new Error(result.error.message)
    id = result.value.id
  }
  return id as string
}

export async function previewFile(router: Router, bytes: Uint8Array, options: Omit<Options, 'skipInvalid'> = {}) {
  return router.call('imports.preview', { id: await upload(router, bytes), ...options }, organiser)
}

export async function importFile(router: Router, bytes: Uint8Array, options: Options = {}) {
  return router.call('imports.commit', { id: await upload(router, bytes), ...options }, organiser)
}

export function csv(lines: string[], eol = '\n'): Buffer {
  return Buffer.from(lines.join(eol) + eol, 'utf8')
}
