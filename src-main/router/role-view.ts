/**
 * An answer as a role may see it: every key the role may not receive is left out, at any depth
 * (an entrant in a page of entrants, a runner inside a check-in's status). Built anew rather than
 * edited, so a cached answer shared with the organiser keeps its fields.
 */
export function asSeenBy<T>(value: T, hidden: ReadonlySet<string>): T {
  return hidden.size === 0 ? value : (without(value, hidden) as T)
}

function without(value: unknown, hidden: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => without(item, hidden))
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value
  const kept: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) if (!hidden.has(key)) kept[key] = without(field, hidden)
  return kept
}
