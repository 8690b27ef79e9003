import type { QRCodeSegment } from 'qrcode'
import type { Rect } from './paper'
import { qrRows } from './qr-masks'

// Barcodes as vector rectangles: sharp at any size and far smaller than images.
// QR from `qrcode`, its mask chosen as qrcode would (qr-masks.ts); Code 128 from bwip-js.

const alphanumeric = /^[0-9A-Z $%*+\-./:]*$/

/** Dark modules of a QR code, merged into runs along each row, in module units. */
export function qrRuns(text: string): { size: number; runs: Rect[] } {
  // One segment in the densest mode that holds the whole text: qrcode's search for the shortest
  // mix of modes costs more than the rest of the code, and a scan code gains nothing from it.
  const segment: QRCodeSegment = alphanumeric.test(text) ? { data: text, mode: 'alphanumeric' } : { data: Buffer.from(text, 'latin1'), mode: 'byte' }
  const { size, rows } = qrRows(segment)
  const runs: Rect[] = []
  rows.forEach((row, y) => {
    let start = -1
    for (let column = 0; column <= size; column++) {
      const dark = column < size && ((row >>> column) & 1) === 1
      if (dark && start < 0) start = column
      if (!dark && start >= 0) {
        runs.push({ x: start, y, width: column - start, height: 1 })
        start = -1
      }
    }
  })
  return { size, runs }
}

export type Code128 = (text: string) => { width: number; bars: { x: number; width: number }[] }

/**
 * The bars of Code 128 barcodes, in module units (`width` is the whole code's width), from
 * bwip-js, loaded only for a document that prints them: it is a large library, and each page
 * worker would otherwise load it too.
 */
export async function code128Encoder(): Promise<Code128> {
  const { default: bwipjs } = await import('bwip-js/generic')
  return (text) => {
    const [symbol] = bwipjs.raw('code128', text, '') as { sbs: number[] }[]
    const bars: { x: number; width: number }[] = []
    let x = 0
    ;(symbol?.sbs ?? []).forEach((width, index) => {
      if (index % 2 === 0) bars.push({ x, width })
      x += width
    })
    return { width: x, bars }
  }
}
