import type { OfficeClient } from '../client/client'
import type { CommandResult } from '../../../src-shared/contract'
import { uploadChunkBytes } from '../../../src-shared/contract/imports'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Sends a file to the office in small pieces, reporting how much has gone; resolves with the import's id. */
export async function uploadFile(client: OfficeClient, file: File, onProgress: (fraction: number) => void): Promise<CommandResult<string>> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let id: string | undefined
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += uploadChunkBytes) {
    const chunk = toBase64(bytes.subarray(offset, offset + uploadChunkBytes))
    const result = await client.call('imports.upload', { ...(id !== undefined && { id }), fileName: file.name, chunk })
    if (!result.ok) return result
    id = result.value.id
    onProgress(Math.min(1, (offset + uploadChunkBytes) / Math.max(1, bytes.length)))
  }
  return { ok: true, value: id as string }
}
