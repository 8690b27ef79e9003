export const desks = ['setup', 'entrants', 'bibs', 'checkin', 'finish', 'results'] as const
export type Desk = (typeof desks)[number]

export function isDesk(value: string): value is Desk {
  return (desks as readonly string[]).includes(value)
}
