import QRCode, { type QRCodeSegment } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { qrRows } from './qr-masks'

/** A deterministic stream of texts of every length a bib's code has, and longer. */
function texts(count: number, alphabet: string, seed: number): string[] {
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 60) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''))
}

function qrcodeItself(segment: QRCodeSegment): number[] {
  const { modules } = QRCode.create([segment], { errorCorrectionLevel: 'M' })
  return Array.from({ length: modules.size }, (_, r) => {
    let row = 0
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c) === 1) row |= 1 << c
    return row
  })
}

describe('QR masks', () => {
  it('chooses the mask qrcode chooses, module for module, for alphanumeric codes of versions 1 to 4', () => {
    for (const text of texts(1500, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:', 1)) {
      const segment: QRCodeSegment = { data: text, mode: 'alphanumeric' }
      expect(qrRows(segment).rows, text).toEqual(qrcodeItself(segment))
    }
  })

  it('chooses the mask qrcode chooses, module for module, for codes in byte mode', () => {
    for (const text of texts(1500, 'RO/0123456789abcdefXYZ-_#', 2)) {
      const segment: QRCodeSegment = { data: Buffer.from(text, 'latin1'), mode: 'byte' }
      expect(qrRows(segment).rows, text).toEqual(qrcodeItself(segment))
    }
  })
})
