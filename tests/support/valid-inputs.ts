// A valid input for every command, with what it needs created first (a race, an entrant, an
// upload, a finished print): the HTTP host's tests send them over HTTP, the router's fuzz test
// starts its mutations from them.
import { basename } from 'node:path'
import type SqliteDatabase from 'better-sqlite3'
import type { CommandName } from '../../src-shared/contract'
import type { BackupSchedule } from '../../src-main/backup/schedule'
import { DeskDirectory } from '../../src-main/desks/directory'
import type { DeskNetwork } from '../../src-main/desks/network'
import { tempDir } from './temp-event'

/** How a test reaches the office: a call as the organiser answering the router's `{ ok, value | error }`. */
export interface CommandCaller {
  call(command: CommandName, input: unknown): Promise<unknown>
  sqlite: SqliteDatabase.Database
  backups: BackupSchedule | null
  /** The office's own address, for a finish laptop pairing with it; none where nothing listens. */
  officeUrl: string | null
  /** Where a device asks to be paired (as POST /pair does), for a device waiting for approval. */
  network: Pick<DeskNetwork, 'pair'>
}

/** How to reach the runner the inputs create, and when he was born: what only some roles may read back. */
export const privateDetails = {
  email: 'min-jun.kim@private.example',
  phone: '010-9876-5432',
  emergencyName: 'Park Soo-ah',
  emergencyPhone: '010-2468-1357',
  birthDate: '1987-06-05',
}

/** Creates what a command needs to succeed (a race, an entrant) and returns a valid input for it. */
export async function validInputFor(c: CommandCaller, command: CommandName): Promise<unknown> {
  const marathon = { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }
  const needsRace = !['event.get', 'event.update', 'event.logo', 'event.setLogo', 'races.list', 'races.create'].includes(command)
  if (needsRace) await c.call('races.create', marathon)
  const runner = { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M', ...privateDetails }
  const entrantId = async (): Promise<string> => ((await c.call('entrants.create', runner)) as { value: { id: string } }).value.id
  switch (command) {
    case 'event.get':
    case 'event.logo':
    case 'races.list':
      return {}
    case 'event.setLogo':
      return { imageBase64: onePixelPng }
    case 'prints.preview':
    case 'prints.start':
      await c.call('entrants.create', { ...runner, bib: 7 })
      return { kind: 'sheets', layout: 'a6' }
    case 'prints.status':
    case 'prints.cancel':
    case 'prints.open':
    case 'bibs.markPrinted':
      return { jobId: await finishedPrint(c) }
    case 'event.update':
      return { name: 'Pyongyang Marathon' }
    case 'races.create':
      return marathon
    case 'races.update':
      return { id: 1, colour: '#123456' }
    case 'races.delete':
      return { id: 1 }
    case 'entrants.list':
      return { limit: 10 }
    case 'entrants.categories':
      return { raceId: 1 }
    case 'entrants.search':
      return { query: 'kim' }
    case 'entrants.create':
      return runner
    case 'entrants.get':
    case 'entrants.delete':
      return { id: await entrantId() }
    case 'entrants.update':
      return { id: await entrantId(), shirtSize: 'M' }
    case 'imports.upload':
      return registrations
    case 'imports.preview':
    case 'imports.discard':
      return { id: await uploadId(c) }
    case 'imports.commit':
      return { id: await uploadId(c) }
    case 'bibs.settings':
    case 'bibs.plan':
    case 'bibs.apply':
      await entrantId()
      return { raceId: 1 }
    case 'bibs.configure':
      return { raceId: 1, rule: 'alphabetical', reserved: [{ first: 1, last: 10, purpose: 'elite' }] }
    case 'bibs.exclude':
      return { bibs: [13, 666] }
    case 'bibs.assign':
      return { entrantId: await entrantId(), bib: 5 }
    case 'bibs.swap':
      return { entrantIds: [await entrantId(), await entrantId()], reason: 'wrong envelopes' }
    case 'bibs.void': {
      const id = await entrantId()
      await c.call('bibs.assign', { entrantId: id, bib: 5 })
      return { entrantId: id, reason: 'lost' }
    }
    case 'chips.import':
      return { id: await uploadId(c, { fileName: 'chips.csv', chunk: Buffer.from('Chip,Bib\nA1,5\n').toString('base64') }) }
    case 'bibs.history':
    case 'checkin.checkIn':
    case 'checkin.status':
      return { entrantId: await entrantId() }
    case 'checkin.undo': {
      const checkedIn = await c.call('checkin.checkIn', { entrantId: await entrantId() })
      return { checkinId: (checkedIn as { value: { checkinId: string } }).value.checkinId }
    }
    case 'checkin.stats':
    case 'checkin.settings':
    case 'desks.list':
    case 'desks.network':
    case 'session.get':
      return {}
    case 'checkin.configure':
      return { confirmations: ['photoId'], items: ['Gift bag'], shirts: [{ size: 'M', stock: 10 }], tables: [{ name: 'Table 1', first: 1, last: 500 }] }
    case 'checkin.changeShirt':
      return { entrantId: await entrantId(), size: 'L' }
    case 'checkin.moveRace':
      await c.call('races.create', { name: 'Half', distanceM: 21098, bibRanges: [{ first: 1000, last: 1999 }] })
      return { entrantId: await entrantId(), raceId: 2 }
    case 'checkin.correct':
      return { entrantId: await entrantId(), phone: '010-1234-5678', notes: 'Collects for a friend' }
    case 'checkin.walkUp':
      return { ...runner, paymentMethod: 'cash', paymentAmount: '40000' }
    case 'checkin.giveBib':
      return { entrantId: await entrantId(), bib: 55 }
    case 'checkin.printBib': {
      const id = await entrantId()
      await c.call('bibs.assign', { entrantId: id, bib: 8 })
      return { entrantId: id }
    }
    case 'timing.capture':
      return { device: 'finish-1', seq: 1, point: 'finish', atMs: Date.now(), bib: 5 }
    case 'timing.assignBib':
      return { device: 'bibs-1', seq: 1, bib: 5, enteredAtMs: Date.now() }
    case 'timing.correct':
      return { action: 'delete', captureId: await captureId(c), reason: 'double press' }
    case 'timing.history':
      return { captureId: await captureId(c) }
    case 'timing.list':
    case 'timing.points':
    case 'clock.list':
    case 'reads.summary':
    case 'sync.export':
      return {}
    case 'timing.setPoints':
      return { splits: [{ name: '10K', distanceM: 10000 }], readWindowMs: 5000 }
    case 'clock.start':
      return { raceId: 1, atMs: Date.now(), device: 'finish-1' }
    case 'clock.set':
      return { raceId: 1, atMs: Date.now() }
    case 'clock.exchange':
      return { device: 'finish-1', sentAtMs: Date.now() }
    case 'clock.measure': {
      const sentAtMs = Date.now() - 30_000
      const answer = (await c.call('clock.exchange', { device: 'finish-1', sentAtMs })) as { value: { receivedAtMs: number; repliedAtMs: number } }
      return { device: 'finish-1', exchanges: [{ sentAtMs, ...answer.value, returnedAtMs: sentAtMs + 5 }] }
    }
    case 'clock.devices':
      return {}
    case 'clock.setOffset':
      return { device: 'laptop-1', offsetMs: -31_200, reason: 'photo of both clocks' }
    case 'reads.preview':
    case 'reads.import':
      return { id: await uploadId(c, { fileName: 'reads.csv', chunk: Buffer.from('bib,time,point\n5,10:15:03.686,finish\n').toString('base64') }) }
    case 'reads.passings':
      return { point: 'finish' }
    case 'sync.import': {
      const exported = await c.call('sync.export', {})
      return { package: (exported as { value: unknown }).value }
    }
    case 'sync.connect': {
      // The office pairs with itself: the laptop and the office are the same host here.
      const network = await c.call('desks.setNetwork', { on: true })
      const { codes } = (network as { value: { codes: { finish: string } } }).value
      return { office: c.officeUrl ?? 'http://127.0.0.1:9', code: codes.finish, person: 'Official' }
    }
    case 'sync.status':
    case 'sync.disconnect':
      return {}
    case 'timing.nearMiss':
      return { typed: '21*' }
    case 'timing.typeTime':
      return { device: 'typed-1', seq: 1, clock: 'timeOfDay', timeMs: 10 * 3600_000 }
    case 'times.preview':
    case 'times.import': {
      const id = await uploadId(c, { fileName: 'stopwatch.txt', chunk: Buffer.from('1,0:15:02.3\n2,0:15:09.8\n').toString('base64') })
      return command === 'times.preview' ? { id } : { id, clock: 'timeOfDay' }
    }
    case 'timing.crossCheck':
      return {}
    case 'timing.applyCrossCheck': {
      // The main timer has one press; the backup has it and one more, which the main missed.
      await c.call('timing.typeTime', { device: 'main-1', seq: 1, clock: 'timeOfDay', timeMs: 36_000_000 })
      await c.call('timing.typeTime', { device: 'backup-1', seq: 1, clock: 'timeOfDay', timeMs: 36_000_100, as: 'backup' })
      await c.call('timing.typeTime', { device: 'backup-1', seq: 2, clock: 'timeOfDay', timeMs: 36_030_000, as: 'backup' })
      const checked = (await c.call('timing.crossCheck', {})) as { value: { findings: { id: string }[] } }
      return { finding: checked.value.findings[0]?.id, device: 'office-fix', seq: 1 }
    }
    case 'entrants.export':
      return { format: 'participants' }
    case 'decoder.connect':
      // Nothing listens there: the link is made and keeps trying until the office closes.
      return { host: '127.0.0.1', port: 9, protocol: 'lines', point: 'finish' }
    case 'decoder.status':
      return {}
    case 'decoder.disconnect':
    case 'decoder.take': {
      const link = (await c.call('decoder.connect', { host: '127.0.0.1', port: 9, protocol: 'raceresult', point: 'finish' })) as { value: { id: string } }
      return { id: link.value.id }
    }
    case 'desks.approve':
    case 'desks.refuse': {
      const { value } = (await c.call('desks.setNetwork', { on: true, approveNew: true })) as { value: { codes: { desk: string } } }
      c.network.pair('192.168.1.44', { code: value.codes.desk, desk: 'Expo desk', person: 'Hana' })
      const { waiting } = ((await c.call('desks.network', {})) as { value: { waiting: { id: string }[] } }).value
      return { id: waiting[0]?.id }
    }
    case 'results.races':
    case 'results.problems':
    case 'results.board':
      return {}
    case 'results.list':
    case 'results.awards':
    case 'results.teams':
      return { raceId: 1 }
    case 'results.runner':
      await c.call('entrants.create', { ...runner, bib: 5 })
      return { bib: 5 }
    case 'results.history':
      return { entrantId: await entrantId() }
    case 'results.override':
      return { entrantId: await entrantId(), status: 'DNF', reason: 'Stopped at 30K' }
    case 'results.checkProblem':
      return { key: `time:${await captureId(c)}`, note: 'A marshal crossing the line' }
    case 'audit.list':
      return { limit: 10 }
    case 'audit.undo': {
      const id = await entrantId()
      const trail = (await c.call('audit.list', { entrantId: id })) as { value: { items: { id: number }[] } }
      return { id: trail.value.items[0]?.id }
    }
    case 'backups.status':
    case 'backups.list':
      return {}
    case 'backups.verify':
    case 'backups.restore':
      await c.backups?.snapshot()
      return { name: basename(c.backups?.status().lastPath ?? ''), folder: 'primary' }
    case 'backups.setSecondFolder':
      return { folder: tempDir() }
    case 'results.export':
      return { format: 'csv' }
    case 'desks.revoke':
      return { id: new DeskDirectory(c.sqlite).pair('desk', 'Desk 2', 'Ji-woo', Date.now()).session.deskId }
    case 'desks.setNetwork':
      return { on: false }
    case 'session.lock':
      return { pin: '246810' }
    case 'session.unlock':
      await c.call('session.lock', { pin: '246810' })
      return { pin: '246810' }
  }
}

const registrations = {
  fileName: 'entries.csv',
  chunk: Buffer.from('First Name,Last Name,Gender,Event\nMin-jun,Kim,M,Marathon\n').toString('base64'),
}

let captures = 0

async function captureId(c: CommandCaller): Promise<string> {
  const captured = await c.call('timing.capture', { device: 'finish-9', seq: ++captures, point: 'finish', atMs: Date.now() })
  return (captured as { value: { id: string } }).value.id
}

async function uploadId(c: CommandCaller, file = registrations): Promise<string> {
  return ((await c.call('imports.upload', file)) as { value: { id: string } }).value.id
}

const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

/** Prints one bib and waits for the document to be finished. */
export async function finishedPrint(c: CommandCaller): Promise<string> {
  await c.call('entrants.create', { raceId: 1, givenName: 'Zoë', familyName: 'Łukasiewicz', sex: 'F', bib: 9 })
  const started = (await c.call('prints.start', { kind: 'sheets' })) as { value: { jobId: string } }
  for (;;) {
    const status = (await c.call('prints.status', { jobId: started.value.jobId })) as { value: { state: string } }
    if (status.value.state !== 'running') return started.value.jobId
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
