import { randomBytes, randomInt } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import QRCode from 'qrcode'
import { CommandError } from '../../src-shared/contract'
import { pairedRoles, type PairedRole, type PairResponse, type WaitingDesk } from '../../src-shared/contract/desks'
import type { DeskDirectory } from './directory'
import { WrongTries } from '../../src-shared/limits/wrong-tries'

/** Opens and closes the office on this machine's local-network address; given by the transport. */
export interface LanListener {
  /** Listens on the address (same port as before when it can) and returns the port. */
  open(address: string): Promise<number>
  close(): Promise<void>
}

export interface DeskNetworkState {
  on: boolean
  url: string | null
  codes: Record<PairedRole, string> | null
  /** When each code stops pairing (a new one shows then). */
  codesExpireAtMs: Record<PairedRole, number> | null
  qr: { size: number; modules: string } | null
  /** Each new device waits for the organiser's approval before it gets a token. */
  approveNew: boolean
  /** Until this instant new devices wait for approval whatever `approveNew` says: many wrong codes came in. */
  guardedUntilMs: number | null
  waiting: WaitingDesk[]
}

/** How long a code pairs, and how long a device waits for approval, before it is refused. */
export const codeLifetimeMs = 10 * 60_000
/**
 * Wrong codes in a minute, from all addresses together, that mean someone is guessing: new devices
 * then wait for the organiser's approval for ten minutes. Nobody is refused for it, so a flood
 * jams no desk; a guess that hits a code still needs the organiser's click.
 */
export const guessingPerMinute = 10
const guardMs = 10 * 60_000

interface Code {
  code: string
  expiresAtMs: number
}

interface Request extends WaitingDesk {
  ticket: string
  approved: boolean
}

/**
 * "Desks on this network": while on, the office answers on the machine's LAN address and three
 * six-digit pairing codes (desk, finish line, viewer) are shown to the organiser. A code pairs one
 * device and lasts ten minutes; then the next one shows. Wrong codes are counted per address, so
 * guessing is slow and never stops a desk typing the right code. With approval on (or for ten
 * minutes after many wrong codes from anywhere), a device that typed the right code waits, named,
 * until the organiser lets it in.
 */
export class DeskNetwork {
  private listener: LanListener | null = null
  private on = false
  private url: string | null = null
  private qr: DeskNetworkState['qr'] = null
  private codes: Record<PairedRole, Code> | null = null
  private approveNew = false
  private readonly requests = new Map<string, Request>()
  private readonly tries = new WrongTries<string>()
  private recentWrong: number[] = []
  private guardedUntilMs = 0

  /** `now`: the network's own clock (codes expire by it), the same for pairing over HTTP and the organiser's commands. */
  constructor(
    private readonly directory: DeskDirectory,
    private lanAddress: () => string | null = firstLanAddress,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Set once by whoever can listen (the desktop app, `serve`); without one the switch says so.
   * `address`: the one to open on, when the machine's first network address is not the desks' one.
   */
  attach(listener: LanListener, address?: string): void {
    this.listener = listener
    if (address !== undefined) this.lanAddress = () => address
  }

  status(): DeskNetworkState {
    const nowMs = this.now()
    if (!this.on || this.codes === null)
      return { on: false, url: null, codes: null, codesExpireAtMs: null, qr: null, approveNew: this.approveNew, guardedUntilMs: null, waiting: [] }
    const codes = this.codes
    for (const role of pairedRoles) if (codes[role].expiresAtMs <= nowMs) codes[role] = this.newCode(nowMs)
    for (const [ticket, request] of this.requests) if (request.atMs + codeLifetimeMs <= nowMs) this.requests.delete(ticket)
    return {
      on: true,
      url: this.url,
      codes: { desk: codes.desk.code, finish: codes.finish.code, viewer: codes.viewer.code },
      codesExpireAtMs: { desk: codes.desk.expiresAtMs, finish: codes.finish.expiresAtMs, viewer: codes.viewer.expiresAtMs },
      qr: this.qr,
      approveNew: this.approveNew,
      guardedUntilMs: this.guardedUntilMs > nowMs ? this.guardedUntilMs : null,
      waiting: [...this.requests.values()]
        .filter((r) => !r.approved)
        .map(({ id, role, desk, person, address, atMs }) => ({ id, role, desk, person, address, atMs })),
    }
  }

  async turn(on: boolean, approveNew?: boolean): Promise<DeskNetworkState> {
    const nowMs = this.now()
    if (approveNew !== undefined) this.approveNew = approveNew
    if (!on) {
      if (this.on) await this.listener?.close()
      this.on = false
      this.codes = null
      this.requests.clear()
      return this.status()
    }
    if (this.on) return this.status()
    if (this.listener === null) throw new CommandError('NOT_AVAILABLE_HERE', 'This office cannot open itself to the network from here.')
    const address = this.lanAddress()
    if (address === null) throw new CommandError('NO_NETWORK', 'This computer is not connected to a local network (Wi-Fi or cable).')
    const port = await this.listener.open(address)
    this.url = `http://${address}:${port}/#pair`
    const { modules } = QRCode.create(this.url, { errorCorrectionLevel: 'M' })
    let bits = ''
    for (const bit of modules.data) bits += bit === 1 ? '1' : '0'
    this.qr = { size: modules.size, modules: bits }
    this.codes = { desk: this.newCode(nowMs), finish: this.newCode(nowMs), viewer: this.newCode(nowMs) }
    this.on = true
    return this.status()
  }

  /** A desk's pairing request from `from` (its address): the code decides its role, and is used up. */
  pair(from: string, request: { code: string; desk: string; person: string }): PairResponse {
    const nowMs = this.now()
    const seconds = this.tries.waitSeconds(from, nowMs)
    if (seconds > 0)
      throw new CommandError('PAIRING_TOO_MANY_TRIES', `Too many wrong codes. Wait ${seconds} seconds, then type the code shown on the organiser's screen.`, {
        seconds,
      })
    const codes = this.on ? this.status().codes : null
    const role = codes === null ? undefined : pairedRoles.find((r) => codes[r] === request.code)
    if (role === undefined || this.codes === null) {
      this.tries.wrong(from, nowMs)
      this.countWrong(nowMs)
      throw new CommandError(
        'PAIRING_CODE_WRONG',
        'That code is not the one on the organiser’s screen: it may have been used or be more than ten minutes old (or desks on the network are turned off).',
      )
    }
    this.tries.right(from)
    this.codes[role] = this.newCode(nowMs)
    if (!this.approveNew && this.guardedUntilMs <= nowMs) return this.issue(role, request.desk, request.person, nowMs)
    const ticket = randomBytes(32).toString('base64url')
    this.requests.set(ticket, {
      id: randomBytes(9).toString('base64url'),
      role,
      desk: request.desk,
      person: request.person,
      address: from,
      atMs: nowMs,
      ticket,
      approved: false,
    })
    return { waiting: ticket }
  }

  /** A waiting device asks again with its ticket: its token once approved, still waiting, or refused. */
  collect(ticket: string): PairResponse {
    const nowMs = this.now()
    const request = this.requests.get(ticket)
    if (request === undefined || request.atMs + codeLifetimeMs <= nowMs)
      throw new CommandError('PAIRING_REFUSED', 'The organiser did not let this device in (or ten minutes passed). Ask for a new code.')
    if (!request.approved) return { waiting: ticket }
    this.requests.delete(ticket)
    return this.issue(request.role, request.desk, request.person, nowMs)
  }

  /** The organiser lets a waiting device in (`approve`) or turns it away. */
  decide(id: string, approve: boolean): DeskNetworkState {
    const found = [...this.requests.entries()].find(([, request]) => request.id === id && !request.approved)
    if (found === undefined) throw new CommandError('NOT_FOUND', 'That device is no longer waiting (it gave up, or ten minutes passed).', { id })
    const [ticket, request] = found
    if (approve) request.approved = true
    else this.requests.delete(ticket)
    return this.status()
  }

  private countWrong(nowMs: number): void {
    this.recentWrong = this.recentWrong.filter((atMs) => nowMs - atMs < 60_000)
    this.recentWrong.push(nowMs)
    if (this.recentWrong.length >= guessingPerMinute) this.guardedUntilMs = nowMs + guardMs
  }

  private issue(role: PairedRole, desk: string, person: string, nowMs: number): PairResponse {
    const { token } = this.directory.pair(role, desk, person, nowMs)
    return { token, role, desk }
  }

  private newCode(nowMs: number): Code {
    const taken = new Set(this.codes === null ? [] : pairedRoles.map((r) => this.codes?.[r].code))
    let code: string
    do code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    while (taken.has(code))
    return { code, expiresAtMs: nowMs + codeLifetimeMs }
  }
}

/** The machine's first IPv4 address on a real network interface (Wi-Fi or cable). */
export function firstLanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address
  }
  return null
}
