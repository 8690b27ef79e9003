// Paper sizes in PDF points (1/72 inch) and the geometry of cutting a page into pieces.

export const mm = 72 / 25.4

export const paper = {
  a4: { width: 595.28, height: 841.89 },
  a5: { width: 419.53, height: 595.28 },
  a6: { width: 297.64, height: 419.53 },
  letter: { width: 612, height: 792 },
} as const

export interface Size {
  width: number
  height: number
}

export interface Rect extends Size {
  x: number
  y: number
}

export function landscape(size: Size): Size {
  return { width: Math.max(size.width, size.height), height: Math.min(size.width, size.height) }
}

export function portrait(size: Size): Size {
  return { width: Math.min(size.width, size.height), height: Math.max(size.width, size.height) }
}

/** The page cut into a grid of equal pieces inside its margins, row by row from the top left. */
export function grid(page: Size, columns: number, rows: number, margin: { x: number; y: number } = { x: 0, y: 0 }): Rect[] {
  const width = (page.width - 2 * margin.x) / columns
  const height = (page.height - 2 * margin.y) / rows
  const cells: Rect[] = []
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      cells.push({ x: margin.x + column * width, y: margin.y + row * height, width, height })
    }
  }
  return cells
}

export function inset(rect: Rect, by: number): Rect {
  return { x: rect.x + by, y: rect.y + by, width: rect.width - 2 * by, height: rect.height - 2 * by }
}
