// What the QR code and barcode on a bib say: a check-in desk's scanner types it into the search
// box, so it is plain ASCII a keyboard-emulating scanner can type on any layout.

const prefix = 'RO'

/** `RO/<bib>/<registration reference>`; the reference part is empty for runners without one. */
export function bibScanCode(bib: number, reference: string | null): string {
  const ascii = (reference ?? '').replace(/[^\x20-\x7e]/g, '?')
  return `${prefix}/${bib}/${ascii}`
}

/** The bib and reference in a scanned code, or null when the text is not one of ours. */
export function readBibScanCode(text: string): { bib: number; reference: string | null } | null {
  const match = /^RO\/(\d{1,7})\/(.*)$/.exec(text.trim())
  if (match === null) return null
  const reference = (match[2] as string).trim()
  return { bib: Number(match[1]), reference: reference === '' ? null : reference }
}
