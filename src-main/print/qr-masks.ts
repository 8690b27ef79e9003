import QRCode, { type QRCodeMaskPattern, type QRCodeSegment } from 'qrcode'

/**
 * A QR code's modules, one row a number (bit c is column c), with the mask qrcode itself would
 * choose — found some ten times faster, which matters on 50,000 bibs. qrcode tries each of the
 * eight masks module by module; here the symbol is made once with mask 0, every other mask is one
 * XOR per row away (the difference between two masks, format information included, is the same
 * for every symbol of a version), and each penalty rule of ISO 18004 §7.8.3 is counted on whole
 * rows and columns at once, exactly as qrcode counts it. Symbols wider than 29 modules (version 4
 * and up, over 50 characters) are left to qrcode.
 */
export function qrRows(segment: QRCodeSegment): { size: number; rows: number[] } {
  const first = QRCode.create([segment], { errorCorrectionLevel: 'M', maskPattern: 0 })
  const { size } = first.modules
  if (size > 29) return { size, rows: rowsOf(QRCode.create([segment], { errorCorrectionLevel: 'M' }).modules.data, size) }
  const rows = rowsOf(first.modules.data, size)
  const columns = transpose(rows, size)
  const differences = maskDifferences(first.version, size)
  let best: number[] = rows
  let lowest = Infinity
  for (const { rows: rowChange, columns: columnChange } of differences) {
    const masked = rows.map((row, r) => row ^ (rowChange[r] as number))
    const maskedColumns = columns.map((column, c) => column ^ (columnChange[c] as number))
    const points = penalty(masked, maskedColumns, size)
    if (points < lowest) {
      lowest = points
      best = masked
    }
  }
  return { size, rows: best }
}

interface MaskDifference {
  rows: number[]
  columns: number[]
}

const masks: QRCodeMaskPattern[] = [0, 1, 2, 3, 4, 5, 6, 7]
const differencesByVersion = new Map<number, MaskDifference[]>()

/** For each mask, how its symbol differs from mask 0's: found once per version, from a symbol made with each. */
function maskDifferences(version: number, size: number): MaskDifference[] {
  let differences = differencesByVersion.get(version)
  if (differences === undefined) {
    const symbol = (mask: QRCodeMaskPattern) => rowsOf(QRCode.create('0', { errorCorrectionLevel: 'M', version, maskPattern: mask }).modules.data, size)
    const zero = symbol(0)
    differences = masks.map((mask) => {
      const rows = symbol(mask).map((row, r) => row ^ (zero[r] as number))
      return { rows, columns: transpose(rows, size) }
    })
    differencesByVersion.set(version, differences)
  }
  return differences
}

function rowsOf(modules: Uint8Array, size: number): number[] {
  const rows: number[] = []
  for (let r = 0; r < size; r++) {
    let row = 0
    for (let c = 0; c < size; c++) if (modules[r * size + c] === 1) row |= 1 << c
    rows.push(row)
  }
  return rows
}

function transpose(rows: number[], size: number): number[] {
  const columns = new Array<number>(size).fill(0)
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (((rows[r] as number) >>> c) & 1) columns[c] = (columns[c] as number) | (1 << r)
  return columns
}

function penalty(rows: number[], columns: number[], size: number): number {
  let runs = 0
  let finders = 0
  let blocks = 0
  let dark = 0
  for (let i = 0; i < size; i++) {
    const row = rows[i] as number
    runs += sameRuns(row, size) + sameRuns(columns[i] as number, size)
    finders += finderLike(row, size) + finderLike(columns[i] as number, size)
    dark += bitCount(row)
    if (i < size - 1) {
      // A 2×2 block of one colour at column c: no change from this row to the next at c and c + 1, nor from c to c + 1.
      const down = row ^ (rows[i + 1] as number)
      blocks += bitCount(~(down | (down >>> 1) | (row ^ (row >>> 1))) & ((1 << (size - 1)) - 1))
    }
  }
  const k = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10)
  return runs + 3 * blocks + 40 * finders + 10 * k
}

/** Rule 1: 3 + (length − 5) for every run of five or more modules of one colour. */
function sameRuns(line: number, size: number): number {
  // Bit c of `fives`: modules c to c + 4 are one colour. A run of length L has L − 4 such bits, in one group.
  const same = ~(line ^ (line >>> 1))
  const fives = same & (same >>> 1) & (same >>> 2) & (same >>> 3) & ((1 << (size - 4)) - 1)
  return bitCount(fives) + 2 * bitCount(fives & ~(fives << 1))
}

/** Rule 3: every 1:1:3:1:1 finder-like pattern with four light modules on one side (eleven modules, either way round). */
function finderLike(line: number, size: number): number {
  let found = 0
  for (let c = 0; c + 11 <= size; c++) {
    const window = (line >>> c) & 0x7ff
    if (window === 0x5d0 || window === 0x05d) found++
  }
  return found
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
