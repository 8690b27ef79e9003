import type { Role } from '../../../src-shared/contract'

export const desks = ['setup', 'entrants', 'bibs', 'checkin', 'finish', 'results', 'audit'] as const
export type Desk = (typeof desks)[number]

export function isDesk(value: string): value is Desk {
  return (desks as readonly string[]).includes(value)
}

/** The desks a role opens: a check-in desk (paired, or a locked screen) sees check-in only. */
export function desksFor(role: Role): readonly Desk[] {
  return byRole[role]
}

const byRole: Record<Role, readonly Desk[]> = { organiser: desks, desk: ['checkin'], finish: ['finish'], viewer: ['results'] }
