import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { CommandError, type Session } from '../../src-shared/contract'
import { WrongTries } from '../../src-shared/limits/wrong-tries'

interface Lock {
  salt: Buffer
  hash: Buffer
  tries: WrongTries<'screen'>
  /** The session as it acts while locked: a check-in desk. */
  asDesk: Session
}

/**
 * Desk mode: an organiser's screen locked to check-in only until the PIN is typed again. Kept
 * by session (not by event file), so opening another event does not unlock the machine.
 */
const locks = new WeakMap<Session, Lock>()

/** The session a call acts as: the desk role while its screen is locked. */
export function actingSession(session: Session): Session {
  return locks.get(session)?.asDesk ?? session
}

export function isLocked(session: Session): boolean {
  return locks.has(session)
}

export function lockSession(session: Session, pin: string): void {
  const salt = randomBytes(16)
  locks.set(session, { salt, hash: hashPin(pin, salt), tries: new WrongTries(), asDesk: { ...session, role: 'desk' } })
}

/** Five wrong PINs make the screen wait a minute, five more two minutes, and so on: a six-digit PIN cannot be guessed at the desk. */
export function unlockSession(session: Session, pin: string, nowMs: number): void {
  const lock = locks.get(session)
  if (lock === undefined) throw new CommandError('NOT_LOCKED', 'This screen is not locked.')
  const seconds = lock.tries.waitSeconds('screen', nowMs)
  if (seconds > 0) throw new CommandError('PIN_TOO_MANY_TRIES', `Too many wrong PINs. Try again in ${seconds} seconds.`, { seconds })
  if (!timingSafeEqual(hashPin(pin, lock.salt), lock.hash)) {
    lock.tries.wrong('screen', nowMs)
    throw new CommandError('PIN_WRONG', 'That PIN is not the one this screen was locked with.')
  }
  locks.delete(session)
}

function hashPin(pin: string, salt: Buffer): Buffer {
  return scryptSync(pin, salt, 32, { N: 1 << 14 })
}
