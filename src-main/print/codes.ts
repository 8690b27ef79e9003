import bwipjs from 'bwip-js/generic'
import QRCode from 'qrcode'
import type { Rect } from './paper'

// Barcodes as vector rectangles: sharp at any size and far smaller than images.
// QR from `qrcode` (about 0.1 ms a code, with the best mask chosen); Code 128 from bwip-js.

/** Dark modules of a QR code, merged into runs along each row, in module units. */
export function qrRuns(text: string): { size: number; runs: Rect[] } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = modules.size
  const runs: Rect[] = []
  for (let row = 0; row < size; row++) {
    let start = -1
    for (let column = 0; column <= size; column++) {
      const dark = column < size && modules.get(row, column) === 1
      if (dark && start < 0) start = column
      if (!dark && start >= 0) {
        runs.push({ x: start, y: row, width: column - start, height: 1 })
        start = -1
      }
    }
  }
  return { size, runs }
}

/** Bars of a Code 128 barcode, in module units (`width` is the whole code's width). */
export function code128Bars(text: string): { width: number; bars: { x: number; width: number }[] } {
  const [symbol] = bwipjs.raw('code128', text, '') as { sbs: number[] }[]
  const bars: { x: number; width: number }[] = []
  let x = 0
  ;(symbol?.sbs ?? []).forEach((width, index) => {
    if (index % 2 === 0) bars.push({ x, width })
    x += width
  })
  return { width: x, bars }
}
