/** A club or team as written (spaces collapsed) and the key that makes "Alpha RC" and "alpha rc " one team. */
export interface TeamName {
  key: string
  written: string
}

/**
 * Team names by what the registrations wrote, each worked out once: a 50,000-runner field has a
 * few thousand clubs, and team scores ask for them on every new finish.
 */
export function teamNamer(): (raw: string | null) => TeamName | null {
  const seen = new Map<string, TeamName | null>()
  return (raw) => {
    if (raw === null) return null
    let name = seen.get(raw)
    if (name === undefined) {
      const written = raw.trim().replace(/\s+/g, ' ')
      seen.set(raw, (name = written === '' ? null : { key: written.toLocaleLowerCase(), written }))
    }
    return name
  }
}
