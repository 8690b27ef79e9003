// Near-miss bibs: what an official most likely meant when the bib typed matches nobody, has
// already finished here, or is in a race not started. Typing mistakes on a keypad are few in
// kind: a neighbouring key, two digits swapped, one missed or pressed twice; and `*` marks a digit
// the official could not read off the runner or the sheet.

export type NearMissReason = 'asTyped' | 'unreadDigit' | 'neighbourKey' | 'swapped' | 'missingDigit' | 'doubledDigit'

// A numeric keypad (7 8 9 / 4 5 6 / 1 2 3 / 0) and a phone's (1 2 3 … 0 under 8) have the same
// neighbours but for 0; the number row adds 3–4, 6–7 and 9–0.
const keypad = ['789', '456', '123']
function keypadNeighbours(): Map<string, Set<string>> {
  const near = new Map<string, Set<string>>()
  const add = (a: string, b: string): void => {
    if (a === b) return
    near.set(a, (near.get(a) ?? new Set()).add(b))
    near.set(b, (near.get(b) ?? new Set()).add(a))
  }
  keypad.forEach((row, r) =>
    [...row].forEach((key, c) => {
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const other = keypad[r + dr]?.[c + dc]
          if (other !== undefined) add(key, other)
        }
    }),
  )
  for (const other of ['1', '2', '8']) add('0', other)
  for (let d = 0; d < 9; d++) add(String(d), String(d + 1))
  add('9', '0')
  return near
}
const neighbours = keypadNeighbours()

/** Every bib the typed text may have meant, with the likeliest mistake that turns it into that bib. */
export function nearMissBibs(typed: string): Map<number, NearMissReason> {
  const found = new Map<number, NearMissReason>()
  const offer = (text: string, reason: NearMissReason): void => {
    if (!/^[1-9]\d{0,6}$/.test(text)) return
    const bib = Number(text)
    if (!found.has(bib)) found.set(bib, reason)
  }
  if (typed.includes('*')) {
    // Each unread digit is any digit: at most three of them (a thousand bibs) are worth asking about.
    const stars = [...typed].filter((c) => c === '*').length
    if (stars > 3) return found
    for (let n = 0; n < 10 ** stars; n++) {
      const digits = String(n).padStart(stars, '0')
      let i = 0
      offer(
        typed.replace(/\*/g, () => digits[i++] as string),
        'unreadDigit',
      )
    }
    return found
  }
  offer(typed, 'asTyped')
  for (let i = 0; i < typed.length; i++) {
    for (const key of neighbours.get(typed[i] as string) ?? []) offer(typed.slice(0, i) + key + typed.slice(i + 1), 'neighbourKey')
    if (i + 1 < typed.length && typed[i] !== typed[i + 1]) offer(typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2), 'swapped')
    if (i + 1 < typed.length && typed[i] === typed[i + 1]) offer(typed.slice(0, i) + typed.slice(i + 1), 'doubledDigit')
  }
  for (let i = 0; i <= typed.length; i++) for (let d = 0; d <= 9; d++) offer(typed.slice(0, i) + String(d) + typed.slice(i), 'missingDigit')
  return found
}

/** How likely each kind of mistake is, best first: a digit not read, a key beside the right one, two swapped, one doubled, one missed. */
export const reasonRank: Record<NearMissReason, number> = { asTyped: 0, unreadDigit: 1, neighbourKey: 1, swapped: 1, doubledDigit: 2, missingDigit: 2 }
