import type { Writable } from 'node:stream'
import type { PrintKind } from '../../src-shared/contract/prints'
import type { Progress } from './pdf-document'

/** A document ready to be written: what it holds is known before its first page is drawn. */
export interface PreparedDocument {
  kind: PrintKind
  /** Bibs, names or labels. */
  items: number
  pages: number
  fileName: string
  /** Writes the PDF to `out`, or only its first `maxPages` pages (a preview). */
  write(out: Writable, progress: Progress, maxPages?: number): Promise<void>
  /** For bib sheets: which number each runner's printed bib carries, to mark once the document is made. */
  printed: readonly { entrantId: string; bib: number }[]
}

/** A file name from a title: letters and digits of any script kept, the rest made dashes. */
export function fileNameOf(...parts: string[]): string {
  const stem = parts
    .join(' ')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return `${stem === '' ? 'race-office' : stem}.pdf`
}
