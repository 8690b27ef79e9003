import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { decoderFormats, readFields, type CaptureView, type DecoderFormatName, type ReadField } from '../../src-shared/contract/timing'
import { wallTimeAt } from '../../src-shared/time/zoned'
import { clockDrift } from '../../src-shared/timing/clock-offset'
import { uploadThroughRouter } from './upload'
import { timeReader } from '../timing/read-times'
import { chooseRaces, requireFile, withEventFile } from './event-file'
import { onePositional, parse, RejectedError, UsageError, type CliIo, type Subcommand } from './usage'

export const clockCommand: Subcommand = {
  name: 'clock',
  summary: 'set a race’s (or wave’s) gun time: race-office clock set',
  help: `Usage: race-office clock set FILE --race NAME [--wave NAME] --at HH:MM:SS[.mmm] [--reason TEXT] [--json]

Records the gun of a race, or of one of its waves, as a time of day in the event's time zone on
the event date. When the race (wave) already has a gun, the new one is a correction: it is kept
with its reason (by default "set at the command line") and the old one stays in the history.

Options:
  --race NAME     the race (any case)
  --wave NAME     one wave of the race (its own gun)
  --at TIME       the gun's time of day, HH:MM:SS or HH:MM:SS.mmm
  --reason TEXT   why the gun is corrected
  --json          print {"race","wave","gunAtMs","history"}`,

  async run(args, io) {
    const [action, ...rest] = args
    if (action !== 'set') throw new UsageError(action === undefined ? 'Say what to do: clock set.' : `Unknown clock action: ${action}.`)
    const { values, positionals } = parse(rest, {
      race: { type: 'string' },
      wave: { type: 'string' },
      at: { type: 'string' },
      reason: { type: 'string' },
      json: { type: 'boolean' },
    })
    const file = resolve(onePositional(positionals, 'FILE (the event file)'))
    if (values.race === undefined) throw new UsageError('Give the race: --race NAME.')
    if (values.at === undefined) throw new UsageError('Give the gun time: --at HH:MM:SS[.mmm].')
    const at = values.at
    await withEventFile(file, async (office, session) => {
      const [race] = await chooseRaces(office, session, values.race)
      if (race === undefined) return
      const wave = values.wave === undefined ? null : race.waves.find((w) => w.name.toLowerCase() === values.wave?.toLowerCase())
      if (wave === undefined)
        throw new RejectedError(`${race.name} has no wave called ${values.wave} (waves: ${race.waves.map((w) => w.name).join(', ') || 'none'}).`)
      const event = await office.router.call('event.get', {}, session)
      if (!event.ok) throw new RejectedError(event.error.message)
      const atMs = /^\d{1,2}:\d{2}:\d{2}(\.\d{1,3})?$/.test(at) ? timeReader(event.value.date, event.value.timeZone).timeOfDay(at) : null
      if (atMs === null) throw new UsageError(`--at ${at} is not a time of day written HH:MM:SS or HH:MM:SS.mmm.`)
      const clocks = await office.router.call('clock.list', {}, session)
      const before = clocks.ok ? clocks.value.find((c) => c.raceId === race.id && c.waveId === (wave?.id ?? null)) : undefined
      const reason = values.reason ?? (before?.gunAtMs != null ? 'set at the command line' : undefined)
      const result = await office.router.call(
        'clock.set',
        { raceId: race.id, waveId: wave?.id ?? null, atMs, device: 'cli', ...(reason !== undefined && { reason }) },
        session,
      )
      if (!result.ok) throw new RejectedError(result.error.message)
      if (values.json === true)
        return io.out(JSON.stringify({ race: result.value.race, wave: result.value.wave, gunAtMs: result.value.gunAtMs, history: result.value.history }))
      const name = result.value.wave === null ? result.value.race : `${result.value.race} · ${result.value.wave}`
      const shown = (ms: number): string => `${wallTimeAt(ms, event.value.timeZone).time}.${String(ms % 1000).padStart(3, '0')}`
      io.out(`${name}: gun at ${shown(atMs)}${before?.gunAtMs != null ? ` (corrected from ${shown(before.gunAtMs)})` : ''}.`)
    })
  },
}

export const capturesCommand: Subcommand = {
  name: 'captures',
  summary: 'list the finish line’s captures',
  help: `Usage: race-office captures FILE [--point finish|start|NAME] [--json]

Lists every capture of a timing point (the finish by default) in finish order: times, with the bib
each counts for, then what was taken out, then bibs typed in order that wait for a time. With
--json, prints one JSON array of objects with id, device, seq, point, atMs, bib, state and the
rest of each capture (order, elapsedMs, source, stateReason, entryId, warnings, runner).

Times are on the office's clock: atMs is the instant corrected by the recording device's measured
offset, deviceAtMs the instant as the device's own clock gave it, offsetMs (office − device) and
offsetUncertaintyMs what was applied (null offset with a clock: never measured, taken as it came).`,

  async run(args, io) {
    const { values, positionals } = parse(args, { point: { type: 'string' }, json: { type: 'boolean' } })
    const file = resolve(onePositional(positionals, 'FILE (the event file)'))
    await withEventFile(file, async (office, session) => {
      const list = await office.router.call('timing.list', { point: values.point ?? 'finish' }, session)
      if (!list.ok) throw new RejectedError(list.error.message)
      const all: CaptureView[] = [...list.value.captures, ...list.value.waiting]
      if (values.json === true) return io.out(JSON.stringify(all))
      const event = await office.router.call('event.get', {}, session)
      const zone = event.ok ? event.value.timeZone : 'UTC'
      for (const c of all) {
        const time = c.atMs === null ? 'waiting'.padEnd(12) : `${wallTimeAt(c.atMs, zone).time}.${String(c.atMs % 1000).padStart(3, '0')}`
        io.out(
          [String(c.order ?? '').padStart(5), time, String(c.bib ?? '—').padStart(6), c.state.padEnd(9), c.runner?.name ?? '', c.warnings.join(' ')]
            .join('  ')
            .trimEnd(),
        )
      }
      io.err(`${list.value.times} time(s), ${list.value.withBib} with a bib, ${list.value.waiting.length} bib(s) waiting for a time.`)
    })
  },
}

export const readsCommand: Subcommand = {
  name: 'reads',
  summary: 'import chip reads from a timing system’s file',
  help: `Usage: race-office reads import FILE DATA [--point finish|start|NAME] [--map FIELD=COLUMN]... [--format NAME] [--anchor TIME] [--skip-invalid] [--json]

Imports the reads of a chip timing system's export (CSV or XLSX), or a decoder's own file as the
decoder wrote it: ${decoderFormats.join(', ')} (recognised from the content; give
--point). A file with the headers bib (or
chip), time and point imports as it is: time is a time of day HH:MM:SS.mmm in the event's zone on
the event date, or an ISO instant. Other layouts are mapped by their usual header spellings, or by
--map (fields: ${readFields.join(', ')}; elapsed counts from the runner's gun). Reads of chips no
runner has are kept and listed. A file with bad rows is refused row by row, unless --skip-invalid.
Importing the same reads again adds nothing.

Options:
  --point P        the timing point of every read (when the file has no point column)
  --map F=COLUMN   which column holds field F, e.g. --map chip=Tag --map time="Time of day"
  --format NAME    read the file as this decoder's format (instead of recognising it)
  --anchor TIME    when a decoder counting from power-on was switched on (RACE RESULT's 0000-00-00
                   dates): a time of day in the event's zone, e.g. 07:12:00, or an ISO instant
  --skip-invalid   import the good rows, list the others
  --json           print {"imported","duplicates","runners","points","unknownChips","rejected","format","skipped"}`,

  async run(args, io) {
    const [action, ...rest] = args
    if (action !== 'import') throw new UsageError(action === undefined ? 'Say what to do: reads import.' : `Unknown reads action: ${action}.`)
    const { values, positionals } = parse(rest, {
      point: { type: 'string' },
      map: { type: 'string', multiple: true },
      format: { type: 'string' },
      anchor: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      json: { type: 'boolean' },
    })
    if (positionals.length !== 2) throw new UsageError('Give the event FILE and the reads DATA file.')
    const [file, data] = positionals.map((p) => resolve(p)) as [string, string]
    const mapping = readMapping(values.map)
    const format = values.format
    if (format !== undefined && !(decoderFormats as readonly string[]).includes(format))
      throw new UsageError(`--format ${format}: the decoder formats are ${decoderFormats.join(', ')}.`)
    requireFile(data)
    await withEventFile(file, async (office, session) => {
      const uploaded = await uploadThroughRouter(office.router, session, readFileSync(data), data)
      if (!uploaded.ok) throw new RejectedError(uploaded.message)
      const input = {
        id: uploaded.id,
        skipInvalid: values['skip-invalid'] === true,
        ...(values.point !== undefined && { point: values.point }),
        ...(mapping !== undefined && { mapping }),
        ...(format !== undefined && { format: format as DecoderFormatName }),
        ...(values.anchor !== undefined && { anchor: values.anchor }),
      }
      const result = await office.router.call('reads.import', input, session)
      report(result.ok ? result.value : (result.error.details as Report | undefined), values.json === true, io)
      if (!result.ok) throw new RejectedError(result.error.message)
    })
  },
}

type Report = {
  imported: number
  duplicates: number
  runners: number
  unknownChips: { chip: string; reads: number }[]
  rejected: { row: number; field: string; message: string }[]
  format?: string | null
  skipped?: number
}

function report(value: Report | undefined, json: boolean, io: CliIo): void {
  if (value === undefined) return
  if (json) return io.out(JSON.stringify(value))
  for (const r of value.rejected) io.out(`  row ${r.row}, ${r.field}: ${r.message}`)
  if (value.unknownChips.length > 0) io.out(`  unknown chips: ${value.unknownChips.map((c) => `${c.chip} (${c.reads})`).join(', ')}`)
  if (value.format !== undefined && value.format !== null)
    io.out(`  read as ${value.format} decoder lines${value.skipped ? `; ${value.skipped} line(s) of the decoder's own (status, markers) left aside` : ''}`)
  io.out(`Reads: ${value.imported} imported, ${value.duplicates} already there, ${value.runners} runner(s), ${value.unknownChips.length} unknown chip(s).`)
}

function readMapping(pairs: string[] | undefined): Partial<Record<ReadField, string>> | undefined {
  if (pairs === undefined) return undefined
  const mapping: Partial<Record<ReadField, string>> = {}
  for (const pair of pairs) {
    const [field, ...column] = pair.split('=')
    if (!(readFields as readonly string[]).includes(field ?? '') || column.length === 0)
      throw new UsageError(`--map ${pair}: write FIELD=COLUMN with FIELD one of ${readFields.join(', ')}.`)
    mapping[field as ReadField] = column.join('=')
  }
  return mapping
}

export const devicesCommand: Subcommand = {
  name: 'devices',
  summary: 'list the recording devices and their clocks’ offsets to the office',
  help: `Usage: race-office devices FILE [--json]

Lists every device that recorded times or guns (a finish tablet, a laptop's own copy) with its
clock's offset to the office's clock, how uncertain it is and when it was last measured. A device
more than 1 s off is corrected (and said); one never measured is a problem to check in the results.
With --json, prints one JSON array of objects with device, offsetMs (office − device: a clock 30 s
fast is −30000), uncertaintyMs, measuredAtMs, state (ok, off, uncertain, unknown), captures, guns
and history (every measurement, newest first).`,

  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } })
    const file = resolve(onePositional(positionals, 'FILE (the event file)'))
    await withEventFile(file, async (office, session) => {
      const devices = await office.router.call('clock.devices', {}, session)
      if (!devices.ok) throw new RejectedError(devices.error.message)
      if (values.json === true) return io.out(JSON.stringify(devices.value))
      const event = await office.router.call('event.get', {}, session)
      const zone = event.ok ? event.value.timeZone : 'UTC'
      for (const d of devices.value) {
        const offset = d.offsetMs === null ? 'never measured' : `${clockWords(d.offsetMs)} ± ${d.uncertaintyMs} ms`
        const when = d.measuredAtMs === null ? '' : `measured ${wallTimeAt(d.measuredAtMs, zone).time}`
        io.out([d.device.padEnd(24), (d.desk ?? '').padEnd(16), offset.padEnd(28), when, `${d.captures} time(s)`].join('  ').trimEnd())
      }
      io.err(`${devices.value.length} device(s).`)
    })
  },
}

/** "31.2 s fast": what the offset means for the device's clock. */
function clockWords(offsetMs: number): string {
  const { direction, seconds } = clockDrift(offsetMs)
  return direction === 'onTime' ? 'on time' : `${seconds} s ${direction}`
}
