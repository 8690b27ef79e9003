import type { z } from 'zod'
import type { CommandInput } from '../../../src-shared/contract'
import { checkinCorrectInput, checkinWalkUpInput } from '../../../src-shared/contract/checkin'
import { issueMessage, type Message } from '../ui/messages'

// The two forms of the check-in desk, held as typed and read through the contract's own schemas.

export const walkUpFields = [
  'raceId',
  'givenName',
  'familyName',
  'secondName',
  'sex',
  'birthDate',
  'phone',
  'email',
  'emergencyName',
  'emergencyPhone',
  'shirtSize',
  'paymentMethod',
  'paymentAmount',
] as const
export type WalkUpField = (typeof walkUpFields)[number]
export type WalkUpValues = Record<WalkUpField, string>

export const correctFields = ['givenName', 'familyName', 'secondName', 'phone', 'email', 'emergencyName', 'emergencyPhone', 'notes'] as const
export type CorrectField = (typeof correctFields)[number]
export type CorrectValues = Record<CorrectField, string>

export type FormErrors<F extends string> = Partial<Record<F, Message>>

export function emptyWalkUp(raceId: string): WalkUpValues {
  return {
    raceId,
    givenName: '',
    familyName: '',
    secondName: '',
    sex: '',
    birthDate: '',
    phone: '',
    email: '',
    emergencyName: '',
    emergencyPhone: '',
    shirtSize: '',
    paymentMethod: 'cash',
    paymentAmount: '',
  }
}

/** Blank optional fields are left out; the race is a number. */
export function readWalkUp(values: WalkUpValues): { ok: true; input: CommandInput<'checkin.walkUp'> } | { ok: false; errors: FormErrors<WalkUpField> } {
  const candidate: Record<string, unknown> = {}
  for (const field of walkUpFields) {
    const text = values[field].trim()
    if (text === '') continue
    candidate[field] = field === 'raceId' ? Number(text) : text
  }
  const parsed = checkinWalkUpInput.safeParse(candidate)
  if (parsed.success) return { ok: true, input: candidate as CommandInput<'checkin.walkUp'> }
  return { ok: false, errors: errorsByField(parsed.error.issues) }
}

/** Only what the volunteer changed; a field emptied clears it (names cannot be emptied). */
export function readCorrection(
  entrantId: string,
  values: CorrectValues,
  saved: CorrectValues,
): { ok: true; input: CommandInput<'checkin.correct'> | null } | { ok: false; errors: FormErrors<CorrectField> } {
  const changed: Record<string, unknown> = {}
  for (const field of correctFields) {
    if (values[field] === saved[field]) continue
    const text = values[field].trim()
    changed[field] = text === '' && field !== 'givenName' && field !== 'familyName' ? null : text
  }
  if (Object.keys(changed).length === 0) return { ok: true, input: null }
  const parsed = checkinCorrectInput.safeParse({ entrantId, ...changed })
  if (parsed.success) return { ok: true, input: { entrantId, ...changed } as CommandInput<'checkin.correct'> }
  return { ok: false, errors: errorsByField(parsed.error.issues) }
}

function errorsByField<F extends string>(issues: readonly z.core.$ZodIssue[]): FormErrors<F> {
  const errors: FormErrors<F> = {}
  for (const issue of issues) {
    const field = issue.path[0] as F | undefined
    if (field !== undefined) errors[field] ??= issueMessage(issue)
  }
  return errors
}
