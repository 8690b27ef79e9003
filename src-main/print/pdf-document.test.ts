import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pdfText } from '../../tests/support/pdf'
import { tempDir } from '../../tests/support/temp-event'
import { addPage, createPdf, endPdf, Typesetter } from './pdf-document'

async function onePage(text: string, fontsOf: 'document' | 'thread'): Promise<string> {
  const path = join(tempDir(), `${text}.pdf`)
  const out = createWriteStream(path)
  const doc = await createPdf(text, out, fontsOf)
  await addPage(doc, { width: 300, height: 100 })
  new Typesetter(doc).use('regular', 20).line(text, 10, 50)
  await endPdf(doc, out)
  return pdfText(path).trim()
}

describe('documents made one after another with the fonts of one thread', () => {
  it('keep every letter in their text layer, whatever the documents before them held', async () => {
    // Subsetting ó meets o as a part of it; a glyph cache kept from that document would give o no letter.
    expect(await onePage('Jiménez Óscar ó', 'thread')).toBe('Jiménez Óscar ó')
    expect(await onePage('Solo por hoy', 'thread')).toBe('Solo por hoy')
    expect(await onePage('Solo por hoy', 'document')).toBe('Solo por hoy')
  })
})
