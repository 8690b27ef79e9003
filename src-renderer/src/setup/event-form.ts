import type { z } from 'zod'
import type { CommandInput, EventSettings } from '../../../src-shared/contract'
import { eventUpdateInput } from '../../../src-shared/contract/event'
import { issueMessage, type Message } from '../ui/messages'

export type EventField = keyof EventSettings
export type EventFormErrors = Partial<Record<EventField, Message>>

/** The fields that differ from what is saved, validated by the contract; null when nothing changed. */
export function readEventForm(
  values: EventSettings,
  saved: EventSettings,
): { ok: true; input: CommandInput<'event.update'> | null } | { ok: false; errors: EventFormErrors } {
  const changed = Object.fromEntries(Object.entries(values).filter(([key, value]) => saved[key as EventField] !== value))
  if (Object.keys(changed).length === 0) return { ok: true, input: null }
  const parsed = eventUpdateInput.safeParse(changed)
  if (parsed.success) return { ok: true, input: parsed.data }
  const errors: EventFormErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as EventField | undefined
    if (field !== undefined) errors[field] ??= issueMessage(issue as z.core.$ZodIssue)
  }
  return { ok: false, errors }
}

export function knownTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
}
