import type { SheetLayout } from '../../src-shared/contract/prints'
import { grid, landscape, mm, paper, portrait, type Rect, type Size } from './paper'

export interface SheetGeometry {
  page: Size
  /** Where each bib is cut from the page; bibs are landscape. */
  cells: Rect[]
}

/** A5 and A6 are one bib per page; A4 holds two A5 or four A6 bibs; Letter is the US equivalent. */
export function sheetGeometry(layout: SheetLayout): SheetGeometry {
  switch (layout) {
    case 'a5':
      return single(landscape(paper.a5))
    case 'a6':
      return single(landscape(paper.a6))
    case 'letter':
      return single(landscape(paper.letter))
    case 'a4x2':
      return { page: portrait(paper.a4), cells: grid(portrait(paper.a4), 1, 2) }
    case 'a4x4':
      return { page: landscape(paper.a4), cells: grid(landscape(paper.a4), 2, 2) }
    case 'letterx2':
      return { page: portrait(paper.letter), cells: grid(portrait(paper.letter), 1, 2) }
  }
}

function single(page: Size): SheetGeometry {
  return { page, cells: [{ x: 0, y: 0, ...page }] }
}

/** Most office printers cannot print within about 5 mm of the edge; nothing is drawn there. */
export const safeMargin = 7 * mm

export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

/**
 * Marks where the guillotine cuts between bibs: short ticks on the page edges in line with every
 * cut, and a small cross where cuts meet, all within the white margin around each bib.
 */
export function cropMarks(geometry: SheetGeometry): Segment[] {
  const { page, cells } = geometry
  const xs = unique(cells.map((c) => c.x).filter((x) => x > 0.5))
  const ys = unique(cells.map((c) => c.y).filter((y) => y > 0.5))
  const tick = 4 * mm
  const from = 3 * mm
  const arm = 2.5 * mm
  const marks: Segment[] = []
  for (const x of xs) {
    marks.push({ x1: x, y1: from, x2: x, y2: from + tick }, { x1: x, y1: page.height - from, x2: x, y2: page.height - from - tick })
  }
  for (const y of ys) {
    marks.push({ x1: from, y1: y, x2: from + tick, y2: y }, { x1: page.width - from, y1: y, x2: page.width - from - tick, y2: y })
  }
  for (const x of xs) {
    for (const y of ys) marks.push({ x1: x - arm, y1: y, x2: x + arm, y2: y }, { x1: x, y1: y - arm, x2: x, y2: y + arm })
  }
  return marks
}

function unique(values: number[]): number[] {
  return [...new Set(values.map((v) => Math.round(v * 100) / 100))]
}
