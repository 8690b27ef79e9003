import { createConnection, type Socket } from 'node:net'
import { randomUUID } from 'node:crypto'
import { CommandError } from '../../src-shared/contract'
import type { DecoderFormatName, DecoderLinkStatus, DecoderProtocol } from '../../src-shared/contract/timing'
import { chipKey } from '../bibs/chips'
import type { DecoderClock, DecoderFormat } from './decoders/format'
import { decoderFormat } from './decoders/recognise'
import type { ReadRow } from './reads'

export interface LinkSettings {
  host: string
  port: number
  protocol: DecoderProtocol
  /** How a line-stream decoder writes its reads (RACE RESULT's protocol has its own). */
  format: DecoderFormatName
  point: string
  clock: DecoderClock
}

/** Passings asked for at once when fetching what was missed (the decoder answers them in one go). */
const fetchChunk = 1000
const flushEveryMs = 200
const maxBatch = 5000
const retryMs = [1000, 2000, 4000, 8000, 10_000] as const
/** A line longer than this is not a read: the connection is not a decoder's, or it is broken. */
const maxLineChars = 4096

/**
 * One decoder on the local network, read as its reads come. A dropped connection is tried again
 * by itself; a RACE RESULT decoder is asked for the passings it sent while the link was down (by
 * passing number). Reads wait here until the office has stored them: a read stored twice (asked
 * for again, or replayed) is kept once by the file.
 */
export class DecoderLink {
  readonly id = randomUUID()
  private socket: Socket | null = null
  private buffer = ''
  private stopped = false
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private flushTimer: ReturnType<typeof setInterval>
  private flushing: Promise<void> | null = null
  private pending: ReadRow[] = []
  private state: DecoderLinkStatus['state'] = 'connecting'
  private connectedAtMs: number | null = null
  private error: string | null = null
  private counts = { received: 0, stored: 0, duplicates: 0, problems: 0, reconnects: 0, fetched: 0 }
  private lastRead: { chip: string; atMs: number; receivedAtMs: number } | null = null
  private lastProblem: string | null = null
  /** Reads received in each of the last 60 seconds (by second of arrival). */
  private perSecond = new Map<number, number>()
  /** RACE RESULT: the last passing number taken, and the decoder's file it counts in. */
  private lastPassing: number | null = null
  private passingFile: string | null = null
  private readonly format: DecoderFormat

  constructor(
    readonly settings: LinkSettings,
    private readonly take: (link: DecoderLink) => Promise<{ stored: number; duplicates: number } | null>,
    private readonly now: () => number = Date.now,
  ) {
    this.format = decoderFormat(settings.protocol === 'raceresult' ? 'raceresult' : settings.format)
    this.flushTimer = setInterval(() => void this.flush(), flushEveryMs)
    this.flushTimer.unref?.()
    this.open()
  }

  /** The reads waiting to be stored, oldest first; `stored` takes them away once the office has them. */
  waiting(): readonly ReadRow[] {
    return this.pending.slice(0, maxBatch)
  }

  status(): DecoderLinkStatus {
    const second = Math.floor(this.now() / 1000)
    let lastMinute = 0
    for (const [at, count] of this.perSecond) if (at > second - 60) lastMinute += count
    const { host, port, protocol, point } = this.settings
    return {
      id: this.id,
      host,
      port,
      protocol,
      format: this.format.name,
      point,
      state: this.state,
      connectedAtMs: this.connectedAtMs,
      error: this.error,
      readsPerMinute: lastMinute,
      lastRead: this.lastRead,
      waiting: this.pending.length,
      lastProblem: this.lastProblem,
      ...this.counts,
    }
  }

  /** Sends what is waiting to the office; one flush at a time. */
  flush(): Promise<void> {
    if (this.pending.length === 0) return this.flushing ?? Promise.resolve()
    this.flushing ??= (async () => {
      try {
        while (this.pending.length > 0) {
          const batch = this.pending.length
          const taken = await this.take(this)
          if (taken === null) return
          this.pending.splice(0, Math.min(batch, maxBatch))
          this.counts.stored += taken.stored
          this.counts.duplicates += taken.duplicates
        }
      } finally {
        this.flushing = null
      }
    })()
    return this.flushing
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.state = 'stopped'
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.socket?.destroy()
    await this.flush()
    clearInterval(this.flushTimer)
  }

  private open(): void {
    if (this.stopped) return
    this.state = this.attempt === 0 ? 'connecting' : 'retrying'
    const socket = createConnection({ host: this.settings.host, port: this.settings.port })
    this.socket = socket
    this.buffer = ''
    socket.setEncoding('latin1')
    socket.setNoDelay(true)
    socket.setKeepAlive(true, 5000)
    socket.on('connect', () => {
      this.attempt = 0
      this.state = 'connected'
      this.error = null
      this.connectedAtMs = this.now()
      if (this.settings.protocol === 'raceresult') for (const command of ['SETPROTOCOL;3.0', 'SETPUSHPASSINGS;1;0', 'PASSINGS']) this.send(command)
    })
    socket.on('data', (chunk: string) => this.receive(chunk))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error = error.code === 'ECONNREFUSED' ? 'refused' : error.code === 'ETIMEDOUT' || error.code === 'EHOSTUNREACH' ? 'unreachable' : 'dropped'
    })
    socket.on('close', () => {
      if (this.socket !== socket || this.stopped) return
      this.socket = null
      if (this.state === 'connected') this.counts.reconnects++
      this.error ??= 'dropped'
      this.state = 'retrying'
      const wait = retryMs[Math.min(this.attempt, retryMs.length - 1)] as number
      this.attempt++
      this.retryTimer = setTimeout(() => this.open(), wait)
      this.retryTimer.unref?.()
    })
  }

  private send(command: string): void {
    this.socket?.write(`${command}\r\n`)
  }

  private receive(chunk: string): void {
    this.buffer += chunk
    let end = this.buffer.indexOf('\n')
    while (end >= 0) {
      this.line(this.buffer.slice(0, end).replace(/\r$/, '').trim())
      this.buffer = this.buffer.slice(end + 1)
      end = this.buffer.indexOf('\n')
    }
    if (this.buffer.length > maxLineChars) {
      this.buffer = ''
      this.problem('A line from the decoder was too long to be a read; it was left out.')
    }
  }

  private line(text: string): void {
    if (text === '') return
    if (this.settings.protocol === 'raceresult') return this.raceResultLine(text)
    this.read(text, null)
  }

  /** RACE RESULT's decoder protocol: pushed passings (#P;…), passings asked for (a number first), and the count (PASSINGS;n;file). */
  private raceResultLine(text: string): void {
    if (text.startsWith('PASSINGS;')) {
      const [, count = '', file = ''] = text.split(';')
      const total = Number(count)
      if (!Number.isInteger(total)) return
      // A new file on the decoder (or the first connection): everything it holds is asked for.
      if (file !== this.passingFile) this.lastPassing = 0
      this.passingFile = file
      this.fetch((this.lastPassing ?? 0) + 1, total)
      return
    }
    const pushed = text.startsWith('#P;')
    const passing = pushed ? text.slice(3) : text
    if (!/^\d+;/.test(passing)) return
    const number = Number(passing.slice(0, passing.indexOf(';')))
    if (pushed && this.lastPassing !== null && number > this.lastPassing + 1) this.fetch(this.lastPassing + 1, number - 1)
    if (!pushed) this.counts.fetched++
    this.lastPassing = Math.max(this.lastPassing ?? 0, number)
    this.read(passing, number)
  }

  private fetch(from: number, to: number): void {
    for (let first = from; first <= to; first += fetchChunk) this.send(`${first}:${Math.min(fetchChunk, to - first + 1)}`)
  }

  private read(text: string, passing: number | null): void {
    const decoded = this.format.decode(text, this.settings.clock)
    if ('skip' in decoded) return
    if ('problem' in decoded) return this.problem(`${decoded.problem} (${text.slice(0, 80)})`)
    const { read } = decoded
    const receivedAtMs = this.now()
    const second = Math.floor(receivedAtMs / 1000)
    this.perSecond.set(second, (this.perSecond.get(second) ?? 0) + 1)
    if (this.perSecond.size > 61) for (const at of this.perSecond.keys()) if (at <= second - 60) this.perSecond.delete(at)
    this.counts.received++
    this.lastRead = { chip: read.chip, atMs: read.atMs, receivedAtMs }
    this.pending.push({
      chip: chipKey(read.chip),
      bib: read.bib,
      point: this.settings.point,
      atMs: read.atMs,
      reader: read.reader,
      line: passing ?? this.counts.received,
    })
  }

  private problem(message: string): void {
    this.counts.problems++
    this.lastProblem = message
  }
}

/** The office's decoder links, one per decoder; stopped when the event file closes. */
export class DecoderLinks {
  private readonly links = new Map<string, DecoderLink>()
  private take: (link: DecoderLink) => Promise<{ stored: number; duplicates: number } | null> = async () => null

  /** Where a link's reads go: the router's decoder.take, bound once the router exists. */
  deliverTo(take: (link: DecoderLink) => Promise<{ stored: number; duplicates: number } | null>): void {
    this.take = take
  }

  connect(settings: LinkSettings): DecoderLinkStatus {
    for (const link of this.links.values()) {
      if (link.settings.host === settings.host && link.settings.port === settings.port)
        throw new CommandError('DECODER_REFUSED', `The office is already connected to the decoder at ${settings.host}:${settings.port}.`)
    }
    const link = new DecoderLink(settings, (l) => this.take(l))
    this.links.set(link.id, link)
    return link.status()
  }

  get(id: string): DecoderLink {
    const link = this.links.get(id)
    if (link === undefined) throw new CommandError('NOT_FOUND', 'There is no such decoder connection (it was disconnected).', { id })
    return link
  }

  status(): DecoderLinkStatus[] {
    return [...this.links.values()].map((link) => link.status())
  }

  async disconnect(id: string): Promise<DecoderLinkStatus[]> {
    await this.get(id).stop()
    this.links.delete(id)
    return this.status()
  }

  async close(): Promise<void> {
    await Promise.all([...this.links.values()].map((link) => link.stop()))
    this.links.clear()
  }
}
