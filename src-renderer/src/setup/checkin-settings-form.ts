import type { CommandInput, CommandOutput } from '../../../src-shared/contract'
import { checkinConfigureInput, type CheckinConfirmation } from '../../../src-shared/contract/checkin'

/** The check-in settings as the organiser types them: lists on one line each. */
export interface CheckinSettingsValues {
  confirmations: CheckinConfirmation[]
  /** "Gift bag, Timing chip" */
  items: string
  /** "XS 50, S 200, M 400" */
  shirts: string
  /** "Table A 1-999, Table B 1000-1999" */
  tables: string
}
export type CheckinSettingsField = Exclude<keyof CheckinSettingsValues, 'confirmations'>

export function settingsFormFrom(settings: CommandOutput<'checkin.settings'>): CheckinSettingsValues {
  return {
    confirmations: settings.confirmations,
    items: settings.items.join(', '),
    shirts: settings.shirts.map((s) => `${s.size} ${s.stock}`).join(', '),
    tables: settings.tables.map((t) => `${t.name} ${t.first === t.last ? t.first : `${t.first}-${t.last}`}`).join(', '),
  }
}

const list = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')

/** Null for a field whose text cannot be read; the contract checks the rest. */
export function readSettingsForm(
  values: CheckinSettingsValues,
): { ok: true; input: CommandInput<'checkin.configure'> } | { ok: false; errors: CheckinSettingsField[] } {
  const errors: CheckinSettingsField[] = []
  const shirts = list(values.shirts).map((part) => {
    const match = /^(.+?)\s+(\d+)$/.exec(part)
    return match === null ? null : { size: (match[1] as string).trim(), stock: Number(match[2]) }
  })
  if (shirts.includes(null)) errors.push('shirts')
  const tables = list(values.tables).map((part) => {
    const match = /^(.+?)\s+(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part)
    return match === null ? null : { name: (match[1] as string).trim(), first: Number(match[2]), last: Number(match[3] ?? match[2]) }
  })
  if (tables.includes(null)) errors.push('tables')
  const input = { confirmations: values.confirmations, items: list(values.items), shirts, tables }
  const parsed = checkinConfigureInput.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if ((field === 'items' || field === 'shirts' || field === 'tables') && !errors.includes(field)) errors.push(field)
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input: input as CommandInput<'checkin.configure'> }
}
