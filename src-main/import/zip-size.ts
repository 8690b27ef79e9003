import { Unzip, UnzipInflate } from 'fflate'

/** A spreadsheet that unpacks past this is refused before anything reads it whole (a zip bomb). */
export const maxInflatedBytes = 400 * 1024 * 1024

const tooLarge = new Error('inflates past the limit')

/**
 * Whether a ZIP (an XLSX) unpacks to at most `limit` bytes, found by inflating it piece by piece
 * and counting, never keeping more than a piece: the sizes a ZIP declares can lie.
 */
export function unpacksWithin(bytes: Uint8Array, limit: number): boolean {
  let total = 0
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error !== null) throw error
      total += chunk.length
      if (total > limit) throw tooLarge
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    unzip.push(bytes, true)
  } catch (error) {
    if (error === tooLarge) return false
    // A damaged archive is for the spreadsheet reader to name.
    return true
  }
  return true
}
