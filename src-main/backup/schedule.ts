import { existsSync } from 'node:fs'
import type SqliteDatabase from 'better-sqlite3'
import { snapshotInto } from './snapshots'

export interface BackupFolders {
  /** Always written (the user-data folder on the desktop). */
  primary: string
  /** A second copy, typically a USB stick chosen in Setup: missing when unplugged. */
  second?: string | null
  /** How often a changed event is snapshotted (default every 5 minutes). */
  everyMs?: number
}

export interface BackupStatus {
  lastAtMs: number | null
  lastPath: string | null
  /** The second folder and whether it was there at the last snapshot. */
  second: { folder: string; present: boolean; lastAtMs: number | null } | null
  error: string | null
}

/**
 * Snapshots of the open event every few minutes while it changes, and once more on close. A write
 * is seen in the audit (every write leaves a row), so an idle office takes none. A snapshot that
 * fails (a full disk, an unplugged stick) is reported in the status, never thrown at the office.
 */
export class BackupSchedule {
  private timer: ReturnType<typeof setInterval> | null = null
  private savedAudit = -1
  private running: Promise<void> = Promise.resolve()
  private readonly state: BackupStatus
  private readonly everyMs: number

  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    readonly eventPath: string,
    private readonly given: BackupFolders,
    private readonly now: () => number = Date.now,
  ) {
    this.everyMs = given.everyMs ?? 5 * 60_000
    this.state = {
      lastAtMs: null,
      lastPath: null,
      second: given.second == null ? null : { folder: given.second, present: existsSync(given.second), lastAtMs: null },
      error: null,
    }
  }

  start(): void {
    this.timer ??= setInterval(() => void this.snapshot(), this.everyMs)
  }

  get folders(): BackupFolders {
    return { primary: this.given.primary, second: this.state.second?.folder ?? null }
  }

  /** A second folder chosen (or given up) while the office runs: the next snapshot goes there too. */
  setSecond(folder: string | null): void {
    this.state.second = folder === null ? null : { folder, present: existsSync(folder), lastAtMs: null }
  }

  status(): BackupStatus {
    const second = this.state.second === null ? null : { ...this.state.second, present: existsSync(this.state.second.folder) }
    return { ...this.state, second }
  }

  /** Takes a snapshot if anything was written since the last one; resolves when it is on disk. */
  snapshot(): Promise<void> {
    this.running = this.running.then(() => this.takeIfChanged())
    return this.running
  }

  /** The last snapshot, then no more. */
  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    await this.snapshot()
  }

  private async takeIfChanged(): Promise<void> {
    const { audit } = this.sqlite.prepare('select coalesce(max(id), 0) as audit from audit').get() as { audit: number }
    if (audit === this.savedAudit) return
    const atMs = this.now()
    try {
      this.state.lastPath = await snapshotInto(this.sqlite, this.eventPath, this.given.primary, atMs)
      this.state.lastAtMs = atMs
      this.state.error = null
      this.savedAudit = audit
    } catch (error) {
      this.state.error = (error as Error).message
      return
    }
    const second = this.state.second
    if (second === null) return
    second.present = existsSync(second.folder)
    if (!second.present) return
    try {
      await snapshotInto(this.sqlite, this.eventPath, second.folder, atMs)
      second.lastAtMs = atMs
    } catch (error) {
      this.state.error = `second folder: ${(error as Error).message}`
    }
  }
}
