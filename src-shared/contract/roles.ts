export const roles = ['organiser', 'desk', 'finish', 'viewer'] as const
export type Role = (typeof roles)[number]

/** Who is calling: the role decides what they may do; actor and desk go into the audit. */
export interface Session {
  role: Role
  actor: string
  desk: string
  /** A desk paired over the network: its row in the desk table, so it can be revoked. */
  deskId?: string
}
