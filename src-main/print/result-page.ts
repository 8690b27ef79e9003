import { mm, type Size } from './paper'
import type { Pdf, Typesetter } from './pdf-document'

export const ink = '#111111'
export const quiet = '#555555'
export const margin = 14 * mm
export const headerHeight = 26 * mm

/** The event's header on a result document: its name and logo, the page's title, and a provisional mark. */
export function drawResultHeader(
  doc: Pdf,
  type: Typesetter,
  page: Size,
  letterhead: { eventName: string; logo: PDFKit.PDFKitImage | null },
  text: { title: string; note: string; provisional: string | null },
): void {
  const width = page.width - 2 * margin
  const logoWidth = letterhead.logo === null ? 0 : 30 * mm
  if (letterhead.logo !== null) doc.image(letterhead.logo, page.width - margin - logoWidth, margin, { fit: [logoWidth, 16 * mm], align: 'right' })
  const textWidth = width - logoWidth - 4 * mm
  type.fit(letterhead.eventName, 'bold', 15, textWidth)
  doc.fillColor(ink)
  type.line(letterhead.eventName, margin, margin + 12)
  type.fit(text.title, 'bold', 12, textWidth)
  type.line(text.title, margin, margin + 30)
  type.fit(text.note, 'regular', 9, textWidth)
  doc.fillColor(quiet)
  type.line(text.note, margin, margin + 44)
  if (text.provisional !== null) {
    type.use('bold', 10)
    doc.fillColor('#b45309')
    type.line(text.provisional, margin, margin + 44, 'right', width - logoWidth - 4 * mm)
  }
  doc
    .moveTo(margin, margin + headerHeight - 14)
    .lineTo(page.width - margin, margin + headerHeight - 14)
    .lineWidth(1.2)
    .strokeColor(ink)
    .stroke()
}
