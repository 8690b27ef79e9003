import { WrongTries } from '../../../src-shared/limits/wrong-tries'

const key = 'race-office.kiosk-pin'

/**
 * An unattended kiosk is left only with the PIN chosen when it was started, so a runner cannot
 * walk from it into the check-in desk. Kept for this tab (a reload stays in the kiosk); the office
 * cannot hold it, since the kiosk is an ordinary desk session.
 */
export class KioskLock {
  private readonly tries = new WrongTries<'kiosk'>()

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {}

  start(pin: string): void {
    this.storage.setItem(key, pin)
  }

  isSet(): boolean {
    return this.storage.getItem(key) !== null
  }

  /** 'open' when the PIN is right (the lock is then lifted), else why not: wrong, or the seconds to wait (a minute after five wrong PINs, doubling). */
  leave(pin: string): 'open' | 'wrong' | { waitSeconds: number } {
    const waiting = this.tries.waitSeconds('kiosk', this.now())
    if (waiting > 0) return { waitSeconds: waiting }
    const stored = this.storage.getItem(key)
    if (stored === null || stored === pin) {
      this.storage.removeItem(key)
      this.tries.right('kiosk')
      return 'open'
    }
    this.tries.wrong('kiosk', this.now())
    const now = this.tries.waitSeconds('kiosk', this.now())
    return now > 0 ? { waitSeconds: now } : 'wrong'
  }
}
