import { fold } from '../search/fold'

interface Named {
  id: string
  givenName: string
  familyName: string
}

/** The people of a list whose name (accents and case aside) someone else in the list also has. */
export function namesakes(people: readonly Named[]): Set<string> {
  const byName = new Map<string, string[]>()
  for (const person of people) {
    const key = `${fold(person.familyName).trim()}|${fold(person.givenName).trim()}`
    byName.set(key, [...(byName.get(key) ?? []), person.id])
  }
  return new Set([...byName.values()].filter((ids) => ids.length > 1).flat())
}
