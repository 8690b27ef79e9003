import { randomBytes } from 'node:crypto'
import type { Writable } from 'node:stream'
import { once } from 'node:events'

/**
 * One PDF made of parts written by pdfkit elsewhere (worker threads, each rendering a run of
 * pages as a document of its own): each part's pages, and everything they use, are copied in
 * order under new object numbers, and one page tree, catalogue and cross-reference table close the
 * file. Parts are taken one at a time, so the file is streamed, never held whole.
 *
 * It reads only what pdfkit writes: a classic cross-reference table, one object after another,
 * stream lengths written out. It is not a general PDF parser.
 */
export class PdfAssembly {
  private offset = 0
  /** Byte offset of each object by its number; 1–3 are the catalogue, page tree and information. */
  private readonly offsets = [0, 0, 0, 0]
  private readonly pageIds: number[] = []
  private parts = 0

  constructor(
    private readonly out: Writable,
    private readonly title: string,
  ) {}

  static readonly catalogId = 1
  static readonly pagesId = 2
  static readonly infoId = 3

  async start(): Promise<void> {
    await this.write(Buffer.from('%PDF-1.7\n%\xff\xff\xff\xff\n', 'latin1'))
  }

  /** Appends the pages of one part, a whole PDF as pdfkit wrote it. */
  async add(part: Uint8Array): Promise<void> {
    const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength)
    const objects = readObjects(bytes)
    const root = trailerRoot(bytes)
    const pages = refIn(objects.get(root)?.dict, 'Pages', 'the page tree')
    const kids = refsIn(/\/Kids\s*\[([^\]]*)\]/.exec(objects.get(pages)?.dict ?? '')?.[1] ?? '')

    // What the pages use, found by following references from them (never back up to their tree).
    const kept = new Set<number>()
    const pending = [...kids]
    while (pending.length > 0) {
      const id = pending.pop() as number
      if (id === pages || kept.has(id)) continue
      const object = objects.get(id)
      if (object === undefined) throw new Error(`part ${this.parts + 1} refers to object ${id}, which it does not hold`)
      kept.add(id)
      pending.push(...refsIn(object.dict))
    }

    const renumbered = new Map<number, number>([[pages, PdfAssembly.pagesId]])
    for (const id of [...kept].sort((a, b) => a - b)) renumbered.set(id, this.offsets.push(0) - 1)
    const partNumber = ++this.parts
    const tags = new Map<string, string>()
    for (const [id, object] of objects) {
      if (!kept.has(id)) continue
      const newId = renumbered.get(id) as number
      const dict = object.dict
        .replace(/(\d+) 0 R/g, (_, old: string) => `${renumbered.get(Number(old)) as number} 0 R`)
        // Every part subsets the same fonts under the same tag; a tag of their own keeps viewers from mixing them up.
        .replace(/\/([A-Z]{6})\+/g, (_, tag: string) => `/${tags.get(tag) ?? tags.set(tag, subsetTag(partNumber, tags.size)).get(tag)}+`)
      this.offsets[newId] = this.offset
      await this.write(Buffer.from(`${newId} 0 obj\n${dict}`, 'latin1'))
      await this.write(object.rest)
    }
    for (const kid of kids) this.pageIds.push(renumbered.get(kid) as number)
  }

  /** Writes the page tree, the catalogue, the document's information and the cross-reference table. */
  async end(): Promise<void> {
    const pages = `<<\n/Type /Pages\n/Count ${this.pageIds.length}\n/Kids [${this.pageIds.map((id) => `${id} 0 R`).join(' ')}]\n>>`
    await this.object(PdfAssembly.pagesId, pages)
    await this.object(PdfAssembly.catalogId, `<<\n/Type /Catalog\n/Pages ${PdfAssembly.pagesId} 0 R\n>>`)
    const info = { Title: this.title, Creator: 'Race Office', Producer: 'Race Office' }
    const entries = Object.entries(info).map(([key, value]) => `/${key} ${textString(value)}`)
    await this.object(PdfAssembly.infoId, `<<\n${entries.join('\n')}\n/CreationDate (D:${pdfDate(new Date())})\n>>`)

    const xref = this.offset
    const lines = ['xref', `0 ${this.offsets.length}`, '0000000000 65535 f ']
    for (const offset of this.offsets.slice(1)) lines.push(`${String(offset).padStart(10, '0')} 00000 n `)
    const id = `<${randomBytes(16).toString('hex')}>`
    lines.push('trailer', `<<\n/Size ${this.offsets.length}\n/Root ${PdfAssembly.catalogId} 0 R\n/Info ${PdfAssembly.infoId} 0 R\n/ID [${id} ${id}]\n>>`)
    lines.push('startxref', String(xref), '%%EOF', '')
    await this.write(Buffer.from(lines.join('\n'), 'latin1'))
    this.out.end()
    await once(this.out, 'finish')
  }

  private async object(id: number, dict: string): Promise<void> {
    this.offsets[id] = this.offset
    await this.write(Buffer.from(`${id} 0 obj\n${dict}\nendobj\n`, 'latin1'))
  }

  private async write(bytes: Uint8Array): Promise<void> {
    this.offset += bytes.length
    if (!this.out.write(bytes)) await once(this.out, 'drain')
  }
}

interface PartObject {
  /** The object's value up to its stream or end, as text (PDF syntax is bytes; latin1 keeps them). */
  dict: string
  /** Everything after the value, copied as it is: the stream if any, and `endobj`. */
  rest: Uint8Array
}

/** A part's objects, in the order they are in its file, found through its cross-reference table. */
function readObjects(bytes: Buffer): Map<number, PartObject> {
  const xref = Number(/startxref\n(\d+)/.exec(bytes.subarray(bytes.length - 64).toString('latin1'))?.[1])
  if (!Number.isInteger(xref)) throw new Error('a part has no cross-reference table')
  const table = bytes.subarray(xref, bytes.indexOf('trailer', xref)).toString('latin1').split('\n')
  const starts: { id: number; offset: number }[] = []
  // Line 0 is "xref", line 1 "0 N", line 2 object 0 (free); then one line per object from 1.
  for (let id = 1; id < Number(table[1]?.split(' ')[1]); id++) starts.push({ id, offset: Number(table[id + 2]?.slice(0, 10)) })
  starts.sort((a, b) => a.offset - b.offset)
  const objects = new Map<number, PartObject>()
  starts.forEach(({ id, offset }, index) => {
    const end = starts[index + 1]?.offset ?? xref
    const header = bytes.indexOf('\n', offset) + 1
    const stream = bytes.indexOf('\nstream\n', header)
    const valueEnd = stream >= 0 && stream < end ? stream : bytes.lastIndexOf('\nendobj', end)
    objects.set(id, { dict: bytes.subarray(header, valueEnd).toString('latin1'), rest: bytes.subarray(valueEnd, end) })
  })
  return objects
}

function trailerRoot(bytes: Buffer): number {
  const trailer = bytes.subarray(bytes.lastIndexOf('trailer')).toString('latin1')
  return refIn(trailer, 'Root', 'the trailer')
}

function refIn(dict: string | undefined, key: string, what: string): number {
  const id = new RegExp(`/${key} (\\d+) 0 R`).exec(dict ?? '')?.[1]
  if (id === undefined) throw new Error(`a part's ${what} has no /${key}`)
  return Number(id)
}

function refsIn(text: string): number[] {
  return [...text.matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]))
}

/** Six capital letters, different for every font of every part. */
function subsetTag(part: number, font: number): string {
  let n = part * 64 + font
  let tag = ''
  for (let i = 0; i < 6; i++, n = Math.floor(n / 26)) tag = String.fromCharCode(65 + (n % 26)) + tag
  return tag
}

/** Any text as a PDF text string: UTF-16 with its byte-order mark, in hexadecimal. */
function textString(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16()
  return `<${utf16.toString('hex')}>`
}

function pdfDate(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`
}
