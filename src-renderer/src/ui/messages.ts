import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { CommandErrorValue } from '../../../src-shared/contract'

/** A message to show, as a catalogue key and its parameters, translated when rendered. */
export interface Message {
  key: string
  params?: Record<string, unknown>
}

export function errorText(t: TFunction, error: CommandErrorValue): string {
  return t(`errors.${error.code}`, { ...error.details, message: error.message, defaultValue: error.message })
}

/** A zod issue as a short message in the user's language (the contract's own text is English). */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  if (issue.code === 'too_small' && issue.origin === 'string') return { key: 'validation.too_small_string' }
  if (issue.code === 'too_big' && issue.origin === 'string') return { key: 'validation.too_big_string', params: { maximum: issue.maximum } }
  return { key: `validation.${issue.code}` }
}

export function messageText(t: TFunction, message: Message): string {
  return t(message.key, message.params ?? {})
}
