// A runner's divisions are a short list of names; the same division may be spelt "Wheelchair"
// on one row and "wheelchair " on the next, so names are matched without case or spaces around.

export function divisionKey(name: string): string {
  return name.trim().toLocaleLowerCase('en')
}

/** Trimmed, blanks left out, each division once (its first spelling), in the order given. */
export function normaliseDivisions(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const kept: string[] = []
  for (const name of names) {
    const trimmed = name.trim()
    const key = divisionKey(trimmed)
    if (trimmed === '' || seen.has(key)) continue
    seen.add(key)
    kept.push(trimmed)
  }
  return kept
}

/** As stored in entrant.divisions: a JSON list, or null for none. */
export function storedDivisions(names: readonly string[] | null | undefined): string | null {
  const kept = normaliseDivisions(names ?? [])
  return kept.length === 0 ? null : JSON.stringify(kept)
}

export function readDivisions(stored: string | null): string[] {
  return stored === null ? [] : (JSON.parse(stored) as string[])
}
