import type { LabelFormat } from '../../src-shared/contract/prints'
import { mm, paper, type Rect, type Size } from './paper'

// Common adhesive label sheets, measured from their makers' templates.
interface LabelSheet {
  page: Size
  columns: number
  rows: number
  label: Size
  /** Top left corner of the first label. */
  origin: { x: number; y: number }
  /** From one label's corner to the next one's. */
  pitch: { x: number; y: number }
}

const inch = 72

const sheets: Record<LabelFormat, LabelSheet> = {
  // 21 labels of 63.5 × 38.1 mm (Avery L7160 and its equivalents).
  'a4-3x7': {
    page: paper.a4,
    columns: 3,
    rows: 7,
    label: { width: 63.5 * mm, height: 38.1 * mm },
    origin: { x: 7.2 * mm, y: 15.15 * mm },
    pitch: { x: 66.04 * mm, y: 38.1 * mm },
  },
  // 30 labels of 2⅝ × 1 in (Avery 5160 and its equivalents).
  'letter-3x10': {
    page: paper.letter,
    columns: 3,
    rows: 10,
    label: { width: 2.625 * inch, height: 1 * inch },
    origin: { x: 0.1875 * inch, y: 0.5 * inch },
    pitch: { x: 2.75 * inch, y: 1 * inch },
  },
}

export function labelSheet(format: LabelFormat): { page: Size; labels: Rect[] } {
  const sheet = sheets[format]
  const labels: Rect[] = []
  for (let row = 0; row < sheet.rows; row++) {
    for (let column = 0; column < sheet.columns; column++) {
      labels.push({ x: sheet.origin.x + column * sheet.pitch.x, y: sheet.origin.y + row * sheet.pitch.y, ...sheet.label })
    }
  }
  return { page: sheet.page, labels }
}
