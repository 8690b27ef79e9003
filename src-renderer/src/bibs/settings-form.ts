/** "1-20 elite, 900-999 walk-up" ↔ reserved ranges; a range with no purpose is "reserved". */
export function formatReserved(reserved: readonly { first: number; last: number; purpose: string }[]): string {
  return reserved.map((r) => `${r.first === r.last ? r.first : `${r.first}-${r.last}`} ${r.purpose}`).join(', ')
}

export function readReserved(text: string): { first: number; last: number; purpose: string }[] | null {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
  const reserved: { first: number; last: number; purpose: string }[] = []
  for (const item of items) {
    const match = /^(\d{1,7})(?:\s*[-–]\s*(\d{1,7}))?\s*(.*)$/.exec(item)
    if (match === null) return null
    const first = Number(match[1])
    const last = match[2] === undefined ? first : Number(match[2])
    if (last < first) return null
    reserved.push({ first, last, purpose: (match[3] ?? '').trim() || 'reserved' })
  }
  return reserved
}

export function readNumbers(text: string): number[] | null {
  const items = text.split(/[,\s]+/).filter((item) => item !== '')
  return items.every((item) => /^\d{1,7}$/.test(item) && Number(item) > 0) ? items.map(Number) : null
}
