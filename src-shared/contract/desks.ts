import { z } from 'zod'
import { everyone, organiser, type CommandTable } from './command-spec'
import { instantMs, shortText } from './fields'

// Desks on the local network and the desk-mode lock.

export const pairedRoles = ['desk', 'finish', 'viewer'] as const
export const pairedRole = z.enum(pairedRoles)
export type PairedRole = z.infer<typeof pairedRole>

export const pairedDesk = z.object({
  id: z.string(),
  name: z.string(),
  person: z.string(),
  role: pairedRole,
  pairedAtMs: instantMs,
  revokedAtMs: instantMs.nullable(),
})

export const desksListInput = z.strictObject({})
export const desksRevokeInput = z.strictObject({ id: z.string().min(1).max(100) })

/** A QR code as rows of modules ('1' dark), drawn by the screen itself. */
export const qrMatrix = z.object({ size: z.int(), modules: z.string() })

/** A device that typed the right code and waits for the organiser to let it in. */
export const waitingDesk = z.object({ id: z.string(), role: pairedRole, desk: z.string(), person: z.string(), address: z.string(), atMs: instantMs })
export type WaitingDesk = z.infer<typeof waitingDesk>

export const deskNetwork = z.object({
  on: z.boolean(),
  /** What a tablet opens: the office at this machine's address on the local network. */
  url: z.string().nullable(),
  /** One pairing code per role: the code a desk types decides what it may do. Each pairs one device, for ten minutes. */
  codes: z.record(pairedRole, z.string()).nullable(),
  /** When each code stops pairing; the next one shows then (and after each device it pairs). */
  codesExpireAtMs: z.record(pairedRole, instantMs).nullable(),
  qr: qrMatrix.nullable(),
  /** Each new device waits, named with its address, until the organiser approves it. */
  approveNew: z.boolean(),
  /** Many wrong codes came in: until then new devices wait for approval whatever `approveNew` says. */
  guardedUntilMs: instantMs.nullable(),
  waiting: z.array(waitingDesk),
})
export const desksNetworkInput = z.strictObject({})
export const desksSetNetworkInput = z.strictObject({ on: z.boolean(), approveNew: z.boolean().optional() })
export const desksDecideInput = z.strictObject({ id: z.string().min(1).max(100) })

/** What a browser sends to POST /pair (not a command: the desk has no token yet). */
export const pairRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'The code has six digits' }),
  desk: shortText(40),
  person: shortText(60),
})
/** Paired (its token), or waiting for the organiser's approval: the ticket is sent to POST /pair/wait until then. */
export const pairResponse = z.union([z.object({ token: z.string(), role: pairedRole, desk: z.string() }), z.object({ waiting: z.string() })])
export type PairResponse = z.infer<typeof pairResponse>
export const pairWaitRequest = z.strictObject({ ticket: z.string().min(1).max(100) })

/**
 * What a signed-in screen sends to POST /ticket (with its token in the Authorization header) for
 * an address that must work without headers: its event stream, or one download of a document.
 */
export const ticketRequest = z.discriminatedUnion('for', [
  z.strictObject({ for: z.literal('events') }),
  z.strictObject({ for: z.literal('download'), jobId: z.string().min(1).max(100) }),
])
export type TicketRequest = z.infer<typeof ticketRequest>
export const ticketResponse = z.object({ ticket: z.string(), expiresAtMs: instantMs })

const pin = z.string().regex(/^\d{6}$/, { message: 'Use six digits' })
export const sessionGetInput = z.strictObject({})
export const sessionInfo = z.object({
  /** What this screen may do now: `desk` while locked. */
  role: z.enum(['organiser', 'desk', 'finish', 'viewer']),
  actor: z.string(),
  desk: z.string(),
  locked: z.boolean(),
})
export const sessionLockInput = z.strictObject({ pin })
export const sessionUnlockInput = z.strictObject({ pin })

export const desksCommands = {
  // Desks on the local network (paired with a code, revocable) and this screen's own session.
  'desks.list': { input: desksListInput, output: z.array(pairedDesk), roles: organiser, changes: [] },
  'desks.revoke': { input: desksRevokeInput, output: pairedDesk, roles: organiser, changes: ['desks'] },
  'desks.network': { input: desksNetworkInput, output: deskNetwork, roles: organiser, changes: [] },
  'desks.setNetwork': { input: desksSetNetworkInput, output: deskNetwork, roles: organiser, changes: ['desks'] },
  'desks.approve': { input: desksDecideInput, output: deskNetwork, roles: organiser, changes: ['desks'] },
  'desks.refuse': { input: desksDecideInput, output: deskNetwork, roles: organiser, changes: ['desks'] },
  'session.get': { input: sessionGetInput, output: sessionInfo, roles: everyone, changes: [] },
  'session.lock': { input: sessionLockInput, output: sessionInfo, roles: organiser, changes: [] },
  'session.unlock': { input: sessionUnlockInput, output: sessionInfo, roles: everyone, changes: [] },
} as const satisfies CommandTable
