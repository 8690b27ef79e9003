const key = 'race-office.kiosk-pin'
const maxWrong = 5
const blockMs = 60_000

/**
 * An unattended kiosk is left only with the PIN chosen when it was started, so a runner cannot
 * walk from it into the check-in desk. Kept for this tab (a reload stays in the kiosk); the office
 * cannot hold it, since the kiosk is an ordinary desk session.
 */
export class KioskLock {
  private wrong = 0
  private blockedUntil = 0

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

  /** 'open' when the PIN is right (the lock is then lifted), else why not. */
  leave(pin: string): 'open' | 'wrong' | 'wait' {
    if (this.now() < this.blockedUntil) return 'wait'
    const stored = this.storage.getItem(key)
    if (stored === null || stored === pin) {
      this.storage.removeItem(key)
      this.wrong = 0
      return 'open'
    }
    this.wrong += 1
    if (this.wrong >= maxWrong) {
      this.wrong = 0
      this.blockedUntil = this.now() + blockMs
      return 'wait'
    }
    return 'wrong'
  }
}
