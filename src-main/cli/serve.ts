import { existsSync } from 'node:fs'
import { isIP } from 'node:net'
import { networkInterfaces } from 'node:os'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHttpHost } from '../http/host'
import { lanListenerOf } from '../http/lan-listener'
import { SessionStore } from '../http/sessions'
import { backupLine, backupToOffer } from '../backup/restore'
import { openOffice } from '../office/office'
import { onePositional, parse, RejectedError, UsageError, type Subcommand } from './usage'

export const rendererBuildDir = fileURLToPath(new URL('../../out/renderer', import.meta.url))

export const serveCommand: Subcommand = {
  name: 'serve',
  summary: 'open an event file in the browser and for desks on the local network',
  help: `Usage: race-office serve FILE [--port N] [--host ADDR] [--lan-address ADDR] [--backups DIR [--second-backups DIR] [--backup-every 5m]] [--take-over]

Serves the Race Office screens and commands over HTTP and prints, alone on one line,
  open http://HOST:PORT/#token=TOKEN
the organiser's link. Open it in a browser. Keeps serving until Ctrl+C (SIGINT) or SIGTERM,
then closes the event file cleanly. "Desks on this network" in Setup opens the office on this
machine's local-network address too and shows the pairing codes for tablets and laptops.

Options:
  --port N      the port to listen on (default 4780; 0 picks a free one)
  --host ADDR   the address to listen on (default 127.0.0.1, this machine only);
                0.0.0.0 lets desks on the local network connect from the start
  --lan-address ADDR
                the address "Desks on this network" opens and shows to desks
                (default: this machine's first network address; give it when the
                machine is on several networks)
  --backups DIR a snapshot of the event every 5 minutes while it changes, and on close,
                into DIR (recent ones kept densely, older ones sparsely)
  --second-backups DIR
                the same snapshots into a second folder too (a USB stick), when it is there
  --backup-every DURATION
                how often a changed event is snapshotted: 5m (the default), 90s, 1m
  --take-over   open the file although another computer's Race Office holds it (a shared
                folder): only when that computer is off or has closed the event. A claim of
                a Race Office still running on this computer is never taken over.`,

  async run(args, io) {
    const { values, positionals } = parse(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      'lan-address': { type: 'string' },
      backups: { type: 'string' },
      'second-backups': { type: 'string' },
      'backup-every': { type: 'string' },
      'take-over': { type: 'boolean' },
    })
    const path = resolve(onePositional(positionals, 'FILE (the event file to serve)'))
    const port = values.port === undefined ? 4780 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number (0–65535).`)
    const host = values.host ?? '127.0.0.1'
    const lanAddress = values['lan-address']
    if (lanAddress !== undefined && isIP(lanAddress) !== 4) throw new UsageError(`--lan-address ${lanAddress} is not an IPv4 address such as 192.168.1.20.`)
    if (!existsSync(path)) throw new RejectedError(`There is no event file at ${path}. Create one with: race-office init ${path} --name … --date … --tz …`)
    if (!existsSync(resolve(rendererBuildDir, 'index.html'))) {
      throw new RejectedError(`The screens are not built (${rendererBuildDir} is missing). Run: npm run build`)
    }

    if (values['second-backups'] !== undefined && values.backups === undefined) throw new UsageError('--second-backups goes with --backups DIR.')
    if (values['backup-every'] !== undefined && values.backups === undefined) throw new UsageError('--backup-every goes with --backups DIR.')
    const everyMs = values['backup-every'] === undefined ? undefined : backupInterval(values['backup-every'])
    const backups =
      values.backups === undefined
        ? undefined
        : {
            primary: resolve(values.backups),
            second: values['second-backups'] === undefined ? null : resolve(values['second-backups']),
            ...(everyMs !== undefined && { everyMs }),
          }
    // Listening for the stop signal from here on: one that comes while the file opens still closes it cleanly.
    const stopped = io.stopSignal()
    const office = await openOffice(path, { ...(backups !== undefined && { backups }), holdAs: 'serve', takeOver: values['take-over'] === true }).catch(
      (error: unknown) => {
        const offer = backups === undefined ? null : backupToOffer(error, backups, path)
        if (offer === null) throw error
        throw new RejectedError(
          `${(error as Error).message}\nThe latest good backup is ${backupLine(offer)}.\nOpen it as a new file with: race-office restore ${path} --backups ${backups?.primary}`,
        )
      },
    )
    const sessions = new SessionStore(office.directory)
    const token = sessions.issue({ role: 'organiser', actor: 'organiser', desk: 'office' })
    const http = createHttpHost({
      router: office.router,
      prints: office.prints,
      sessions,
      rendererDir: rendererBuildDir,
      desks: { network: office.network, directory: office.directory },
    })
    let bound: { port: number }
    try {
      bound = await http.listen(port, host)
    } catch (error) {
      await office.close()
      throw new RejectedError(`Cannot listen on ${host}:${port}: ${(error as Error).message}`)
    }
    office.network.attach(
      lanListenerOf(http, () => bound.port, host === '0.0.0.0' || host === '::'),
      lanAddress,
    )
    io.err(`Serving ${path}`)
    io.out(`open http://${shownAddress(host)}:${bound.port}/#token=${token}`)

    const signal = await stopped
    io.err(`${signal}: closing ${path}`)
    await http.close()
    await office.close()
    io.err('Closed cleanly.')
  },
}

/** `5m`, `90s`, `1.5m`: from one second to a day. */
function backupInterval(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m)$/.exec(text.trim())
  const ms = match === null ? Number.NaN : Number(match[1]) * (match[2] === 'm' ? 60_000 : 1000)
  if (!(ms >= 1000 && ms <= 86_400_000)) throw new UsageError(`--backup-every ${text} is not a duration such as 5m or 90s (from 1s to a day).`)
  return ms
}

/** A browser cannot open 0.0.0.0; show the address other desks would use. */
function shownAddress(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
  return lan?.address ?? '127.0.0.1'
}
