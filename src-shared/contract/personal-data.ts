import type { CommandSpec } from './command-spec'
import type { Role } from './roles'

/** How to reach a runner, or someone for them. */
export const contactFields = ['email', 'phone', 'emergencyName', 'emergencyPhone'] as const
/** What a runner told the office in confidence: a medical note, who collects for them. */
export const noteFields = ['notes'] as const
export const birthDateFields = ['birthDate'] as const
/** Enough of a birth date to tell two runners of one name apart at a pickup desk, and no more. */
export const birthYearFields = ['birthYear'] as const

export const personalFields = [...contactFields, ...noteFields, ...birthDateFields, ...birthYearFields] as const
export type PersonalField = (typeof personalFields)[number]

const none: ReadonlySet<PersonalField> = new Set()
const all: ReadonlySet<PersonalField> = new Set(personalFields)
/** A desk's lists and search results: the year that tells namesakes apart, nothing to reach them by. */
const beyondTheCard: ReadonlySet<PersonalField> = new Set([...contactFields, ...noteFields, ...birthDateFields])

/**
 * The personal fields a role does not receive in a command's answer, wherever they sit in it.
 * The organiser sees everything. A check-in desk sees a runner's contacts, birth date and notes
 * only on the card of the runner at hand (a command whose spec says `view: 'card'`), never in
 * lists or search results. Finish devices and results screens, often lent or in public, never
 * receive any of them.
 */
export function fieldsHiddenFrom(spec: CommandSpec, role: Role): ReadonlySet<PersonalField> {
  if (role === 'organiser') return none
  if (role === 'desk') return spec.view === 'card' ? none : beyondTheCard
  return all
}
