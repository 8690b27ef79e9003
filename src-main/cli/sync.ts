import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { syncPackage, type SyncPackage } from '../../src-shared/contract/timing'
import { exchangeWithOffice, sendToOffice, type SyncCounts } from '../timing/sync-push'
import { keepOwnMeasurement } from '../timing/device-clocks'
import { requireFile, withEventFile } from './event-file'
import { parse, RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

export const syncCommand: Subcommand = {
  name: 'sync',
  summary: 'move a finish laptop’s captures into the office file (export, import, push)',
  help: `Usage: race-office sync export FILE --out PACKAGE
       race-office sync import FILE PACKAGE [--json]
       race-office sync push FILE --to URL --token TOKEN [--every SECONDS] [--json]

export writes this file's captures, corrections and race clocks to PACKAGE (JSON).
import moves a PACKAGE into FILE. What it brings gets this file's own ids (the package's are kept
to match it again), so importing the same package twice changes nothing; it is recorded as by the
one importing it, never as the package says. A correction the office made differently is
reported, not forced.
push sends the package to the office's desk host (URL, e.g. http://192.168.1.10:4780) with a
finish or organiser desk TOKEN; with --every it keeps sending every SECONDS until stopped.

Options:
  --out PACKAGE    where export writes
  --to URL         the office's address (push)
  --token TOKEN    a desk token of the office (push)
  --every SECONDS  push again and again (live sync)
  --json           print {"captures","changes","clocks","conflicts"}`,

  async run(args, io) {
    const [action, ...rest] = args
    if (action === 'export') return exportPackage(rest, io)
    if (action === 'import') return importPackage(rest, io)
    if (action === 'push') return pushPackage(rest, io)
    throw new UsageError(action === undefined ? 'Say what to do: sync export, import or push.' : `Unknown sync action: ${action}.`)
  },
}

async function exportPackage(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: 'string' } })
  if (positionals.length !== 1) throw new UsageError('Give the event FILE.')
  if (values.out === undefined) throw new UsageError('Say where to write the package: --out PACKAGE.')
  const out = resolve(values.out)
  await withEventFile(resolve(positionals[0] as string), async (office, session) => {
    const pkg = await office.router.call('sync.export', {}, session)
    if (!pkg.ok) throw new RejectedError(pkg.error.message)
    writeFileSync(out, JSON.stringify(pkg.value))
    io.out(`Wrote ${pkg.value.captures.length} capture(s), ${pkg.value.changes.length} correction(s) and ${pkg.value.clocks.length} gun(s) to ${out}.`)
  })
}

function readPackage(path: string): SyncPackage {
  requireFile(path, 'sync package')
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new RejectedError(`${path} is not a sync package (it is not JSON).`)
  }
  const parsed = syncPackage.safeParse(json)
  if (!parsed.success) throw new RejectedError(`${path} is not a Race Office sync package (${parsed.error.issues[0]?.message ?? 'wrong shape'}).`)
  return parsed.data
}

async function importPackage(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } })
  if (positionals.length !== 2) throw new UsageError('Give the event FILE and the PACKAGE.')
  const [file, path] = positionals.map((p) => resolve(p)) as [string, string]
  const pkg = readPackage(path)
  await withEventFile(file, async (office, session) => {
    const result = await office.router.call('sync.import', { package: pkg }, session)
    if (!result.ok) throw new RejectedError(result.error.message)
    summarise(result.value, values.json === true, io)
  })
}

function summarise(value: SyncCounts, json: boolean, io: CliIo): void {
  if (json) return io.out(JSON.stringify(value))
  for (const c of value.conflicts) io.out(`  not applied (${c.kind}): ${c.message}`)
  io.out(
    `Captures: ${value.captures.added} new, ${value.captures.unchanged} already there. Corrections: ${value.changes.added} new, ${value.changes.unchanged} already there. Guns: ${value.clocks.added} new, ${value.clocks.unchanged} already there.${value.conflicts.length > 0 ? ` ${value.conflicts.length} not applied.` : ''}`,
  )
  io.out(
    value.clockMeasured
      ? 'The laptop’s clock is measured against the office’s: its times are corrected to the office’s clock.'
      : 'The laptop’s clock was never measured against the office’s: its times are taken as they are, a problem to check in the results (the organiser can enter its offset on the Finish line desk).',
  )
}

async function pushPackage(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(args, { to: { type: 'string' }, token: { type: 'string' }, every: { type: 'string' }, json: { type: 'boolean' } })
  if (positionals.length !== 1) throw new UsageError('Give the event FILE.')
  if (values.to === undefined || values.token === undefined) throw new UsageError('Give the office: --to URL --token TOKEN.')
  const every = values.every === undefined ? null : Number(values.every)
  if (every !== null && !(every >= 1 && every <= 3600)) throw new UsageError('--every is a number of seconds from 1 to 3600.')
  const file = resolve(positionals[0] as string)
  let origin: string
  try {
    origin = new URL(values.to).origin
  } catch {
    throw new UsageError(`--to ${values.to} is not an address such as http://192.168.1.10:4780.`)
  }
  const target = { origin, token: values.token }
  const stop = every === null ? null : io.stopSignal()
  for (;;) {
    // This laptop's clock measured against the office's at every push, and kept in its file: the
    // package carries it, so the office corrects the laptop's times (an office out of reach: the next push).
    const exchanges = await exchangeWithOffice(target.origin, target.token).catch(() => null)
    const pkg = await withEventFile(file, async (office, session) => {
      if (exchanges !== null) await keepOwnMeasurement(office.file.db, exchanges, Date.now())
      const exported = await office.router.call('sync.export', {}, session)
      if (!exported.ok) throw new RejectedError(exported.error.message)
      return exported.value
    })
    try {
      summarise(await sendToOffice(target.origin, target.token, pkg), values.json === true, io)
    } catch (error) {
      if (every === null) throw error
      io.err(`race-office sync push: ${(error as Error).message} Trying again in ${every} s.`)
    }
    if (every === null || stop === null) return
    const stopped = await Promise.race([stop.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), every * 1000))])
    if (stopped) return
  }
}
