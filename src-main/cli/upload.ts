import type { Session } from '../../src-shared/contract'
import { uploadChunkBytes } from '../../src-shared/contract/imports'
import type { Router } from '../router/router'

/** Sends a file through the router in chunks, as a desk would; resolves with the upload's id. */
export async function uploadThroughRouter(
  router: Router,
  session: Session,
  bytes: Uint8Array,
  fileName: string,
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  let id: string | undefined
  for (let offset = 0; offset === 0 || offset < bytes.length; offset += uploadChunkBytes) {
    const chunk = Buffer.from(bytes.subarray(offset, offset + uploadChunkBytes)).toString('base64')
    const result = await router.call('imports.upload', { ...(id !== undefined && { id }), fileName, chunk }, session)
    if (!result.ok) return { ok: false, message: result.error.message }
    id = result.value.id
  }
  return { ok: true, id: id as string }
}
