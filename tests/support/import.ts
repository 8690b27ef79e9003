import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { uploadThroughRouter } from '../../src-main/cli/upload'
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
  const uploaded = await uploadThroughRouter(router, organiser, bytes, fileName)
  if (!uploaded.ok) throw new Error(uploaded.message)
  return uploaded.id
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
