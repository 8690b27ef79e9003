import { randomInt } from 'node:crypto'
import { networkInterfaces } from 'node:os'
import QRCode from 'qrcode'
import { CommandError } from '../../src-shared/contract'
import { pairedRoles, type PairedRole } from '../../src-shared/contract/desks'
import type { DeskDirectory } from './directory'

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
  qr: { size: number; modules: string } | null
}

const failuresPerAddress = 5
const failuresOverall = 30
const windowMs = 60_000

/**
 * "Desks on this network": while on, the office answers on the machine's LAN address and three
 * six-digit pairing codes (desk, finish line, viewer) are shown to the organiser. A wrong code
 * counts against the address it came from and against everyone, so guessing is slow.
 */
export class DeskNetwork {
  private listener: LanListener | null = null
  private state: DeskNetworkState = { on: false, url: null, codes: null, qr: null }
  private failures: { address: string; atMs: number }[] = []

  constructor(
    private readonly directory: DeskDirectory,
    private lanAddress: () => string | null = firstLanAddress,
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
    return this.state
  }

  async turn(on: boolean): Promise<DeskNetworkState> {
    if (!on) {
      if (this.state.on) await this.listener?.close()
      this.state = { on: false, url: null, codes: null, qr: null }
      return this.state
    }
    if (this.listener === null) throw new CommandError('NOT_AVAILABLE_HERE', 'This office cannot open itself to the network from here.')
    const address = this.lanAddress()
    if (address === null) throw new CommandError('NO_NETWORK', 'This computer is not connected to a local network (Wi-Fi or cable).')
    const port = await this.listener.open(address)
    const url = `http://${address}:${port}/#pair`
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' })
    let bits = ''
    for (const bit of modules.data) bits += bit === 1 ? '1' : '0'
    this.state = { on: true, url, codes: newCodes(), qr: { size: modules.size, modules: bits } }
    return this.state
  }

  /** A desk's pairing request: the code decides its role. */
  pair(from: string, request: { code: string; desk: string; person: string }, nowMs: number): { token: string; role: PairedRole; desk: string } {
    this.failures = this.failures.filter((f) => nowMs - f.atMs < windowMs)
    const mine = this.failures.filter((f) => f.address === from)
    if (mine.length >= failuresPerAddress || this.failures.length >= failuresOverall) {
      const oldest = (mine.length >= failuresPerAddress ? mine : this.failures)[0]?.atMs ?? nowMs
      const seconds = Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000))
      throw new CommandError('PAIRING_TOO_MANY_TRIES', `Too many wrong codes. Wait ${seconds} seconds, then type the code shown on the organiser's screen.`, {
        seconds,
      })
    }
    const codes = this.state.codes
    const role = codes === null ? undefined : pairedRoles.find((r) => codes[r] === request.code)
    if (role === undefined) {
      this.failures.push({ address: from, atMs: nowMs })
      throw new CommandError('PAIRING_CODE_WRONG', 'That code is not the one on the organiser’s screen (or desks on the network are turned off).')
    }
    const { token } = this.directory.pair(role, request.desk, request.person, nowMs)
    return { token, role, desk: request.desk }
  }
}

function newCodes(): Record<PairedRole, string> {
  const used = new Set<string>()
  const code = (): string => {
    let next: string
    do next = String(randomInt(0, 1_000_000)).padStart(6, '0')
    while (used.has(next))
    used.add(next)
    return next
  }
  return { desk: code(), finish: code(), viewer: code() }
}

/** The machine's first IPv4 address on a real network interface (Wi-Fi or cable). */
export function firstLanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address
  }
  return null
}
