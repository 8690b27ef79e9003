import type { z } from 'zod'
import type { CommandInput, Entrant } from '../../../src-shared/contract'
import { entrantsUpdateInput } from '../../../src-shared/contract/entrants'
import { issueMessage, type Message } from '../ui/messages'

/** The editable fields as the form holds them: text, read into the command input on save. */
export const entrantFormFields = [
  'givenName',
  'familyName',
  'secondName',
  'sex',
  'birthDate',
  'age',
  'nationality',
  'club',
  'team',
  'divisions',
  'email',
  'phone',
  'emergencyName',
  'emergencyPhone',
  'shirtSize',
  'ref',
  'raceId',
  'waveId',
  'bib',
  'status',
] as const
export type EntrantFormField = (typeof entrantFormFields)[number]
export type EntrantFormValues = Record<EntrantFormField, string>
export type EntrantFormErrors = Partial<Record<EntrantFormField, Message>>

export function entrantFormFrom(entrant: Entrant): EntrantFormValues {
  // A field the role may not see is absent: shown empty, and sent back only if typed in.
  const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? '' : String(value))
  return {
    givenName: entrant.givenName,
    familyName: entrant.familyName,
    secondName: text(entrant.secondName),
    sex: entrant.sex,
    birthDate: text(entrant.birthDate),
    age: entrant.birthDate === null || entrant.birthDate === undefined ? text(entrant.age) : '',
    nationality: text(entrant.nationality),
    club: text(entrant.club),
    team: text(entrant.team),
    divisions: entrant.divisions.join('; '),
    email: text(entrant.email),
    phone: text(entrant.phone),
    emergencyName: text(entrant.emergencyName),
    emergencyPhone: text(entrant.emergencyPhone),
    shirtSize: text(entrant.shirtSize),
    ref: text(entrant.ref),
    raceId: String(entrant.raceId),
    waveId: text(entrant.waveId),
    bib: text(entrant.bib),
    status: entrant.status,
  }
}

const numeric = new Set<EntrantFormField>(['age', 'raceId', 'waveId', 'bib'])
/** Every field but the ones a runner always has may be cleared: an empty box means "not known". */
const required = new Set<EntrantFormField>(['givenName', 'familyName', 'sex', 'raceId', 'status'])
const nullable = new Set(entrantFormFields.filter((field) => !required.has(field)))

/** Only what changed, checked by the contract's own schema; null when nothing changed. */
export function readEntrantForm(
  id: string,
  values: EntrantFormValues,
  saved: EntrantFormValues,
): { ok: true; input: CommandInput<'entrants.update'> | null } | { ok: false; errors: EntrantFormErrors } {
  const changed: Record<string, unknown> = {}
  const errors: EntrantFormErrors = {}
  for (const field of entrantFormFields) {
    if (values[field] === saved[field]) continue
    const text = values[field].trim()
    if (field === 'divisions')
      changed[field] = text
        .split(';')
        .map((name) => name.trim())
        .filter((name) => name !== '')
    else if (text === '' && nullable.has(field)) changed[field] = null
    else if (numeric.has(field)) {
      if (!/^\d+$/.test(text)) errors[field] = { key: 'validation.invalid_type' }
      else changed[field] = Number(text)
    } else changed[field] = text
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  if (Object.keys(changed).length === 0) return { ok: true, input: null }
  const parsed = entrantsUpdateInput.safeParse({ id, ...changed })
  if (parsed.success) return { ok: true, input: { id, ...changed } as CommandInput<'entrants.update'> }
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as EntrantFormField | undefined
    if (field !== undefined) errors[field] ??= issueMessage(issue as z.core.$ZodIssue)
  }
  return { ok: false, errors }
}
