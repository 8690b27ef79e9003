// How a runner's name is written and filed, whatever its script.

const eastAsian = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/** The name as its owner writes it: family name first and unspaced in Korean, Chinese and Japanese. */
export function personName(givenName: string, familyName: string): string {
  const given = givenName.trim()
  const family = familyName.trim()
  if (given === '') return family
  if (family === '') return given
  return eastAsian.test(family) && eastAsian.test(given) ? `${family}${given}` : `${given} ${family}`
}

/** A person's name as its owner writes it, from anything that holds one. */
export function personNameOf(person: { givenName: string; familyName: string }): string {
  return personName(person.givenName, person.familyName)
}

/** The name on a list filed by family name: "Family, Given" in alphabets; East Asian names as written, family name first already. */
export function filedName(givenName: string, familyName: string): { family: string; separator: string; given: string } {
  const family = familyName.trim()
  const given = givenName.trim()
  const written = eastAsian.test(family) && eastAsian.test(given)
  return { family, separator: written || family === '' || given === '' ? '' : ', ', given }
}

/** The filed name as one line of text. */
export function filedNameText(givenName: string, familyName: string): string {
  const { family, separator, given } = filedName(givenName, familyName)
  return `${family}${separator}${given}`
}

export type NameScript = 'latin' | 'cyrillic' | 'greek' | 'hangul' | 'kana' | 'han' | 'other'

/** Sections of a pickup list, in the order they are posted. */
export const nameScripts: readonly NameScript[] = ['latin', 'cyrillic', 'greek', 'hangul', 'kana', 'han', 'other']

const scriptTests: [NameScript, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['han', /\p{Script=Han}/u],
]

/** The script of a name's first letter. */
export function nameScript(name: string): NameScript {
  const first = /\p{L}/u.exec(name)?.[0]
  if (first === undefined) return 'other'
  return scriptTests.find(([, test]) => test.test(first))?.[0] ?? 'other'
}

// Initial consonants of Hangul syllables, in dictionary order; doubled ones are filed with their single.
const hangulInitials = 'ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ'

/**
 * The heading a family name is filed under on a posted list: its first letter without accents
 * (Ł under L, Ö under O) in alphabets, its initial consonant in Hangul (김 under ㄱ), and one
 * heading each for kana and for Chinese characters, which have no letters to file by.
 */
export function filingHeading(familyName: string): string {
  const name = familyName.trim()
  const script = nameScript(name)
  const first = /\p{L}/u.exec(name)?.[0] ?? '#'
  switch (script) {
    case 'latin':
    case 'cyrillic':
    case 'greek':
      return baseLetter(first).toLocaleUpperCase()
    case 'hangul': {
      const code = first.codePointAt(0) ?? 0
      if (code >= 0xac00 && code <= 0xd7a3) return hangulInitials[Math.floor((code - 0xac00) / 588)] as string
      return first
    }
    case 'kana':
      return 'かな'
    case 'han':
      return '漢字'
    case 'other':
      return '#'
  }
}

const extraBases: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 's', æ: 'a', Æ: 'A', œ: 'o', Œ: 'O', þ: 't', Þ: 'T' }

function baseLetter(letter: string): string {
  return extraBases[letter] ?? letter.normalize('NFD').replace(/\p{M}/gu, '')
}

const collators = new Map<NameScript, Intl.Collator>()

/** Orders names for posting: by script section, then family name, then given name, in that script's order. */
export function compareForFiling(a: { familyName: string; givenName: string }, b: { familyName: string; givenName: string }): number {
  const scriptA = nameScript(a.familyName)
  const scriptB = nameScript(b.familyName)
  if (scriptA !== scriptB) return nameScripts.indexOf(scriptA) - nameScripts.indexOf(scriptB)
  const collator = collatorFor(scriptA)
  return collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName)
}

function collatorFor(script: NameScript): Intl.Collator {
  let collator = collators.get(script)
  if (collator === undefined) {
    const locale = { latin: 'en', cyrillic: 'ru', greek: 'el', hangul: 'ko', kana: 'ja', han: 'zh', other: 'en' }[script]
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
    collators.set(script, collator)
  }
  return collator
}
