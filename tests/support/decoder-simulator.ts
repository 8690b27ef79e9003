// A decoder on loopback for tests and the bench: RACE RESULT's decoder protocol (it keeps every
// passing, pushes new ones to a client that asked, and answers "from:count" with stored ones), or
// a plain stream of read lines as an Ultra sends them. It can go off the network and come back.
import { createServer, type Server, type Socket } from 'node:net'

export class SimulatedDecoder {
  private server: Server
  private readonly clients = new Set<Socket>()
  private readonly pushing = new Set<Socket>()
  /** RACE RESULT: every passing the decoder holds, numbered from 1. */
  readonly passings: string[] = []
  private online = true

  private constructor(
    readonly protocol: 'raceresult' | 'lines',
    readonly port: number,
    server: Server,
  ) {
    this.server = server
  }

  static async start(protocol: 'raceresult' | 'lines'): Promise<SimulatedDecoder> {
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as { port: number }).port
    await new Promise((resolve) => probe.close(resolve))
    const decoder = new SimulatedDecoder(protocol, port, createServer())
    await decoder.listen()
    return decoder
  }

  /** Reads happen: RACE RESULT passings are numbered and pushed, lines are sent as they are. Off the network, passings are only kept. */
  add(lines: readonly string[]): void {
    const out: string[] = []
    for (const line of lines) {
      if (this.protocol === 'raceresult') {
        this.passings.push(`${this.passings.length + 1};${line}`)
        out.push(`#P;${this.passings.at(-1) as string}`)
      } else out.push(line)
    }
    if (!this.online || out.length === 0) return
    const text = `${out.join('\r\n')}\r\n`
    for (const client of this.protocol === 'raceresult' ? this.pushing : this.clients) client.write(text)
  }

  /** The decoder leaves the network: every connection drops and none is taken until it is back. */
  async goOffline(): Promise<void> {
    this.online = false
    for (const client of this.clients) client.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }

  async comeBack(): Promise<void> {
    this.server = createServer()
    await this.listen()
  }

  async close(): Promise<void> {
    this.online = false
    for (const client of this.clients) client.destroy()
    await new Promise((resolve) => this.server.close(() => resolve(undefined)))
  }

  private async listen(): Promise<void> {
    this.server.on('connection', (socket) => this.accept(socket))
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve))
    this.online = true
  }

  private accept(socket: Socket): void {
    this.clients.add(socket)
    socket.on('close', () => {
      this.clients.delete(socket)
      this.pushing.delete(socket)
    })
    socket.on('error', () => {})
    let buffer = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      let end = buffer.indexOf('\n')
      while (end >= 0) {
        this.answer(socket, buffer.slice(0, end).trim())
        buffer = buffer.slice(end + 1)
        end = buffer.indexOf('\n')
      }
    })
  }

  private answer(socket: Socket, command: string): void {
    if (this.protocol !== 'raceresult' || command === '') return
    const fetch = /^(\d+):(\d+)$/.exec(command)
    if (fetch !== null) {
      const from = Number(fetch[1])
      const wanted = this.passings.slice(from - 1, from - 1 + Number(fetch[2]))
      socket.write(`${[...wanted, ''].join('\r\n')}\r\n`)
    } else if (command.startsWith('SETPUSHPASSINGS;1')) {
      this.pushing.add(socket)
      socket.write('SETPUSHPASSINGS;1;0\r\n')
    } else if (command === 'PASSINGS') socket.write(`PASSINGS;${this.passings.length};1\r\n`)
    else if (command.startsWith('SETPROTOCOL')) socket.write('SETPROTOCOL;3.0\r\n')
    else socket.write('ERROR\r\n')
  }
}
