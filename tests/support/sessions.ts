import type { Session } from '../../src-shared/contract'

// Who calls commands in tests and scripts; free of vitest, so scripts can use them too.
export const organiser: Session = { role: 'organiser', actor: 'Test Organiser', desk: 'office' }
export const desk: Session = { role: 'desk', actor: 'Volunteer', desk: 'desk-2' }
export const viewer: Session = { role: 'viewer', actor: 'Screen', desk: 'tv' }
export const finishLine: Session = { role: 'finish', actor: 'Official', desk: 'finish-1' }
