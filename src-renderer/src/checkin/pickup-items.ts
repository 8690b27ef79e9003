import type { CommandOutput } from '../../../src-shared/contract'
import type { CheckinConfirmation } from '../../../src-shared/contract/checkin'

export type CheckinDone = CommandOutput<'checkin.checkIn'>

/** What the volunteer chose on the card: items handed over and confirmations ticked. */
export interface CardChoices {
  /** Null: what the office hands over by default (the status's defaultItems). */
  items: string[] | null
  confirmed: CheckinConfirmation[]
}

export const noChoices: CardChoices = { items: null, confirmed: [] }

/** An item as the desk names it: bib and shirt in the desk's language, the event's own items as the organiser typed them. */
export function itemLabel(t: (key: string) => string, item: string): string {
  return item === 'bib' || item === 'shirt' ? t(`checkin.items.${item}`) : item
}
