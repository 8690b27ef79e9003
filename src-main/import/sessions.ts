import { randomUUID } from 'node:crypto'
import { CommandError } from '../../src-shared/contract'
import { readTable, type Table } from './table'

const maxFileBytes = 200 * 1024 * 1024
const maxSessions = 8
/** What the open imports may hold together, as received and as read: a few large files at once cannot exhaust the office's memory. */
export const maxHeldBytes = 600 * 1024 * 1024
const idleMs = 60 * 60 * 1000

interface Upload {
  fileName: string
  chunks: Buffer[]
  bytes: number
  table: Table | null
  /** The sheet that table was read from (a workbook's other sheet is read anew). */
  sheet: string | undefined
  /** About what the read table holds in memory (its text twice over, and a little per cell). */
  tableBytes: number
  touchedAt: number
}

/**
 * Files on their way in. A file arrives in chunks (so every request stays small and the wizard
 * can show progress) and is read once, when first previewed; it lives in memory until committed,
 * discarded, or left alone for an hour.
 */
export class ImportSessions {
  private readonly uploads = new Map<string, Upload>()

  constructor(
    private readonly now: () => number = Date.now,
    private readonly heldLimit = maxHeldBytes,
  ) {}

  append(id: string | undefined, fileName: string, chunk: Buffer): { id: string; bytes: number } {
    this.forgetIdle()
    let upload = id === undefined ? undefined : this.uploads.get(id)
    if (id !== undefined && upload === undefined) throw notFound(id)
    if (upload === undefined) {
      if (this.uploads.size >= maxSessions) throw new CommandError('IMPORT_REFUSED', 'Too many imports are open at once; finish or cancel one first.')
      id = randomUUID()
      upload = { fileName, chunks: [], bytes: 0, table: null, sheet: undefined, tableBytes: 0, touchedAt: this.now() }
      this.uploads.set(id, upload)
    }
    if (this.held() - upload.tableBytes + chunk.length > this.heldLimit) {
      if (upload.bytes === 0) this.uploads.delete(id as string)
      throw new CommandError('IMPORT_REFUSED', 'The imports open at once hold too much to take this file as well: finish or cancel one first.')
    }
    upload.bytes += chunk.length
    if (upload.bytes > maxFileBytes) {
      this.uploads.delete(id as string)
      throw new CommandError('IMPORT_REFUSED', `The file is larger than ${maxFileBytes / 1024 / 1024} MB.`)
    }
    upload.chunks.push(chunk)
    upload.table = null
    upload.tableBytes = 0
    upload.touchedAt = this.now()
    return { id: id as string, bytes: upload.bytes }
  }

  async table(id: string, sheet?: string): Promise<{ fileName: string; table: Table }> {
    const upload = this.uploads.get(id)
    if (upload === undefined) throw notFound(id)
    upload.touchedAt = this.now()
    if (upload.table === null || upload.sheet?.toLowerCase() !== sheet?.toLowerCase()) {
      upload.table = null
      upload.tableBytes = 0
      const table = await readTable(Buffer.concat(upload.chunks), { sheet })
      const tableBytes = sizeOf(table)
      if (this.held() + tableBytes > this.heldLimit)
        throw new CommandError('IMPORT_REFUSED', 'The imports open at once hold too much to read this file as well: finish or cancel one first.')
      upload.table = table
      upload.sheet = sheet
      upload.tableBytes = tableBytes
    }
    return { fileName: upload.fileName, table: upload.table }
  }

  /** The file's bytes as received: a decoder's own format is read as lines, not as a table. */
  bytes(id: string): Buffer {
    const upload = this.uploads.get(id)
    if (upload === undefined) throw notFound(id)
    upload.touchedAt = this.now()
    return Buffer.concat(upload.chunks)
  }

  /** The name the file was chosen by. */
  fileName(id: string): string {
    const upload = this.uploads.get(id)
    if (upload === undefined) throw notFound(id)
    return upload.fileName
  }

  discard(id: string): void {
    this.uploads.delete(id)
  }

  /** What every open import holds now, received and read. */
  held(): number {
    let bytes = 0
    for (const upload of this.uploads.values()) bytes += upload.bytes + upload.tableBytes
    return bytes
  }

  private forgetIdle(): void {
    for (const [id, upload] of this.uploads) if (this.now() - upload.touchedAt > idleMs) this.uploads.delete(id)
  }
}

function sizeOf(table: Table): number {
  let bytes = 0
  for (const row of table.rows) for (const cell of row.cells) bytes += cell.length * 2 + 16
  return bytes
}

function notFound(id: string): CommandError {
  return new CommandError('IMPORT_NOT_FOUND', 'This import is no longer open (it was finished, cancelled, or left for over an hour). Choose the file again.', {
    id,
  })
}
