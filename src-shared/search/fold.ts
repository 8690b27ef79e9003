// One spelling for search: case, accents and width folded (Müller = muller, José = jose,
// full-width digits = digits). Hangul syllables survive: they are decomposed and recomposed.
export function fold(text: string): string {
  // Most names are plain ASCII: nothing to decompose (this runs 50,000 times per import).
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase()
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .toLowerCase()
}

/** Words of a name: split on spaces, hyphens, apostrophes, dots and the like. */
export function words(text: string): string[] {
  const folded = fold(text)
  const parts = /^[\x20-\x7e]*$/.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u)
  return parts.filter((word) => word.length > 0)
}

/** The name with every separator removed: "Min-jun" → "minjun", "O'Connor" → "oconnor". */
export function joined(text: string): string {
  return words(text).join('')
}

/** The first letters of these words: "mj" for Min-jun. */
export function initialsOf(parts: string[]): string {
  return parts.map((word) => word[0] ?? '').join('')
}

/**
 * Every token a runner can be found by: each word, each name written together, family and
 * given name together either way round (Korean and Chinese names are written family first
 * with no space: 김민준), and initials as desks type them: the given name's (`kim mj` for Kim
 * Min-jun) and its first letter before the family name (`jsmith`).
 */
export function searchTerms(name: { givenName: string; familyName: string; secondName: string | null }): string[] {
  const terms = new Set<string>()
  const [given, family, second] = [words(name.givenName), words(name.familyName), words(name.secondName ?? '')]
  for (const parts of [given, family, second]) {
    for (const word of parts) terms.add(word)
    terms.add(parts.join(''))
  }
  terms.add(family.join('') + given.join(''))
  terms.add(given.join('') + family.join(''))
  if (/^[a-z]/.test(given[0] ?? '')) {
    if (given.length > 1) terms.add(initialsOf(given))
    terms.add(initialsOf(given.slice(0, 1)) + family.join(''))
  }
  // A Korean or Chinese name written as one word (김민준) is family name first: one syllable
  // mostly, two for some families. Its given name alone (민준) must find the runner too.
  for (const term of [...terms]) {
    if (!/^[\p{Script=Hangul}\p{Script=Han}]{2,}$/u.test(term)) continue
    terms.add(term.slice(1))
    if (term.length >= 4) terms.add(term.slice(2))
  }
  terms.delete('')
  return [...terms]
}
