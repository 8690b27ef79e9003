import { describe, expect, it } from 'vitest'
import type { Session } from '../../src-shared/contract'
import { createRouter } from '../router/router'
import { tempEvent } from '../../tests/support/temp-event'
import { DeskDirectory } from './directory'
import { DeskNetwork, type LanListener } from './network'
import { unwrap } from '../../tests/support/results'
import type { PairResponse } from '../../src-shared/contract/desks'

async function office() {
  let nowMs = Date.UTC(2025, 3, 5, 8)
  const file = await tempEvent()
  const directory = new DeskDirectory(file.sqlite)
  const network = new DeskNetwork(
    directory,
    () => '192.168.1.20',
    () => nowMs,
  )
  const listener: LanListener & { opened: string[] } = {
    opened: [],
    async open(address) {
      this.opened.push(address)
      return 4780
    },
    async close() {},
  }
  network.attach(listener)
  const router = createRouter({ db: file.db, sqlite: file.sqlite, directory, network, now: () => nowMs, logError: () => {} })
  return { file, router, directory, network, listener, later: (ms: number) => (nowMs += ms), now: () => nowMs }
}

/** A pairing's token, role and desk; a pairing still waiting for approval fails the test. */
function paired(answer: PairResponse): { token: string; role: string; desk: string } {
  if ('waiting' in answer) throw new Error('still waiting for approval')
  return answer
}

describe('desk mode', () => {
  it('locks an organiser screen to check-in until its PIN is typed again', async () => {
    const { router } = await office()
    const screen: Session = { role: 'organiser', actor: 'Race director', desk: 'office' }
    expect(await router.call('session.lock', { pin: '246810' }, screen)).toMatchObject({ ok: true, value: { role: 'desk', locked: true } })
    expect(await router.call('session.get', {}, screen)).toMatchObject({ ok: true, value: { role: 'desk', locked: true } })
    expect(await router.call('races.create', { name: '10K', distanceM: 10000 }, screen)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect((await router.call('checkin.stats', {}, screen)).ok).toBe(true)
    expect(await router.call('session.unlock', { pin: '111111' }, screen)).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } })
    expect(await router.call('session.unlock', { pin: '246810' }, screen)).toMatchObject({ ok: true, value: { role: 'organiser', locked: false } })
    expect((await router.call('races.create', { name: '10K', distanceM: 10000 }, screen)).ok).toBe(true)
    expect(await router.call('session.unlock', { pin: '246810' }, screen)).toMatchObject({ ok: false, error: { code: 'NOT_LOCKED' } })
  })

  it('stops taking PINs for a minute after five wrong ones, and for two after five more', async () => {
    const { router, later } = await office()
    const screen: Session = { role: 'organiser', actor: 'Race director', desk: 'office' }
    await router.call('session.lock', { pin: '246810' }, screen)
    for (let i = 0; i < 5; i++) await router.call('session.unlock', { pin: '000000' }, screen)
    expect(await router.call('session.unlock', { pin: '246810' }, screen)).toMatchObject({
      ok: false,
      error: { code: 'PIN_TOO_MANY_TRIES', details: { seconds: 60 } },
    })
    later(60_000)
    for (let i = 0; i < 5; i++) await router.call('session.unlock', { pin: '000000' }, screen)
    expect(await router.call('session.unlock', { pin: '246810' }, screen)).toMatchObject({ ok: false, error: { details: { seconds: 120 } } })
    later(120_000)
    expect((await router.call('session.unlock', { pin: '246810' }, screen)).ok).toBe(true)
  })

  it('takes only a six-digit PIN', async () => {
    const { router } = await office()
    const screen: Session = { role: 'organiser', actor: 'Race director', desk: 'office' }
    for (const pin of ['2468', '12345', '1234567', 'abcdef'])
      expect(await router.call('session.lock', { pin }, screen)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('may not be locked by a desk', async () => {
    const { router } = await office()
    const tablet: Session = { role: 'desk', actor: 'Volunteer', desk: 'desk-2' }
    expect(await router.call('session.lock', { pin: '246810' }, tablet)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
  })
})

describe('desks on this network', () => {
  it('opens on the LAN address with a pairing code per role and a QR of the address', async () => {
    const { router, organiserScreen, listener } = { ...(await office()), organiserScreen: { role: 'organiser', actor: 'RD', desk: 'office' } as Session }
    const turned = unwrap(await router.call('desks.setNetwork', { on: true }, organiserScreen))
    expect(listener.opened).toEqual(['192.168.1.20'])
    expect(turned).toMatchObject({ on: true, url: 'http://192.168.1.20:4780/#pair', codes: { desk: expect.stringMatching(/^\d{6}$/) } })
    const codes = turned.codes as Record<string, string>
    expect(new Set(Object.values(codes)).size).toBe(3)
    expect(turned.qr?.modules).toHaveLength((turned.qr?.size ?? 0) ** 2)
    expect(await router.call('desks.setNetwork', { on: false }, organiserScreen)).toMatchObject({ ok: true, value: { on: false, codes: null } })
  })

  it('gives a desk its role by the code it typed, and the organiser can see and revoke it', async () => {
    const { router, network, directory, file } = await office()
    const rd: Session = { role: 'organiser', actor: 'RD', desk: 'office' }
    const { codes } = await network.turn(true)
    const pairing = paired(network.pair('192.168.1.31', { code: codes?.finish ?? '', desk: 'Finish laptop', person: 'Seo-yeon' }))
    expect(pairing).toMatchObject({ role: 'finish', desk: 'Finish laptop' })
    expect(directory.lookup(pairing.token)).toMatchObject({ role: 'finish', actor: 'Seo-yeon', desk: 'Finish laptop' })
    const listed = unwrap(await router.call('desks.list', {}, rd))
    expect(listed).toEqual([expect.objectContaining({ name: 'Finish laptop', person: 'Seo-yeon', role: 'finish', revokedAtMs: null })])
    const revoked: string[] = []
    directory.onRevoke((id) => revoked.push(id))
    expect((await router.call('desks.revoke', { id: listed[0]?.id ?? '' }, rd)).ok).toBe(true)
    expect(directory.lookup(pairing.token)).toBeNull()
    expect(new DeskDirectory(file.sqlite).lookup(pairing.token)).toBeNull()
    expect(revoked).toEqual([listed[0]?.id])
  })

  it('keeps a paired desk signed in across a restart of the office', async () => {
    const { file, network } = await office()
    const { codes } = await network.turn(true)
    const { token } = paired(network.pair('192.168.1.31', { code: codes?.desk ?? '', desk: 'Desk 4', person: 'Ji-ho' }))
    expect(new DeskDirectory(file.sqlite).lookup(token)).toMatchObject({ role: 'desk', desk: 'Desk 4' })
  })

  it('pairs one device with each code, then shows the next one', async () => {
    const { network } = await office()
    const { codes } = await network.turn(true)
    const code = codes?.desk ?? ''
    expect(paired(network.pair('10.0.0.9', { code, desk: 'Desk 1', person: 'Ji-ho' }))).toMatchObject({ role: 'desk' })
    expect(() => network.pair('10.0.0.10', { code, desk: 'Desk 2', person: 'Min' })).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }))
    const next = network.status().codes?.desk ?? ''
    expect(next).not.toBe(code)
    expect(network.status().codes?.finish).toBe(codes?.finish)
    expect(paired(network.pair('10.0.0.10', { code: next, desk: 'Desk 2', person: 'Min' }))).toMatchObject({ role: 'desk' })
  })

  it('lets a code pair for ten minutes, then shows a new one', async () => {
    const { network, now, later } = await office()
    const { codes, codesExpireAtMs } = await network.turn(true)
    expect(codesExpireAtMs?.viewer).toBe(now() + 10 * 60_000)
    later(10 * 60_000)
    expect(() => network.pair('10.0.0.9', { code: codes?.viewer ?? '', desk: 'TV', person: 'x' })).toThrow(
      expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }),
    )
    const fresh = network.status()
    expect(fresh.codes?.viewer).not.toBe(codes?.viewer)
    expect(fresh.codesExpireAtMs?.viewer).toBe(now() + 10 * 60_000)
    expect(paired(network.pair('10.0.0.9', { code: fresh.codes?.viewer ?? '', desk: 'TV', person: 'x' }))).toMatchObject({ role: 'viewer' })
  })

  it('makes an address that types five wrong codes wait a minute, then two after five more', async () => {
    const { network, later } = await office()
    await network.turn(true)
    const right = () => network.status().codes?.desk ?? ''
    const wrongFrom = (address: string) => network.pair(address, { code: right() === '000000' ? '000001' : '000000', desk: 'x', person: 'y' })
    for (let i = 0; i < 5; i++) expect(() => wrongFrom('10.0.0.9')).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }))
    expect(() => network.pair('10.0.0.9', { code: right(), desk: 'x', person: 'y' })).toThrow(
      expect.objectContaining({ code: 'PAIRING_TOO_MANY_TRIES', details: { seconds: 60 } }),
    )
    later(60_000)
    for (let i = 0; i < 5; i++) expect(() => wrongFrom('10.0.0.9')).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }))
    expect(() => wrongFrom('10.0.0.9')).toThrow(expect.objectContaining({ code: 'PAIRING_TOO_MANY_TRIES', details: { seconds: 120 } }))
    later(120_000)
    expect(paired(network.pair('10.0.0.9', { code: right(), desk: 'x', person: 'y' }))).toMatchObject({ role: 'desk' })
  })

  it('still pairs a desk that types the right code while hundreds of other addresses flood wrong ones', async () => {
    const { network, later } = await office()
    await network.turn(true)
    const shown = () => Object.values(network.status().codes ?? {})
    let refusedForWaiting = 0
    for (let round = 0; round < 20; round++) {
      for (let host = 1; host <= 250; host++) {
        let guess = (round * 250 + host) * 7
        while (shown().includes(String(guess).padStart(6, '0'))) guess++
        try {
          network.pair(`10.0.1.${host}`, { code: String(guess).padStart(6, '0'), desk: 'x', person: 'y' })
        } catch (error) {
          if ((error as { code?: string }).code === 'PAIRING_TOO_MANY_TRIES') refusedForWaiting++
        }
      }
      later(1000)
    }
    expect(refusedForWaiting).toBeGreaterThan(0)
    // Under the flood the right code is not refused: its device waits for the organiser's click, as a lucky guess's would.
    const answer = network.pair('10.0.0.77', { code: network.status().codes?.finish ?? '', desk: 'Finish 1', person: 'Seo' })
    if (!('waiting' in answer)) throw new Error('paired without approval under a flood of wrong codes')
    const [waiting] = network.status().waiting
    expect(waiting).toMatchObject({ desk: 'Finish 1', address: '10.0.0.77' })
    network.decide(waiting?.id ?? '', true)
    expect(paired(network.collect(answer.waiting))).toMatchObject({ role: 'finish' })
  })

  it('makes new devices wait for approval for ten minutes after ten wrong codes in a minute from anywhere', async () => {
    const { network, later } = await office()
    await network.turn(true)
    const wrong = () =>
      Object.values(network.status().codes ?? {}).reduce((guess, code) => (guess === code ? String(Number(guess) + 1).padStart(6, '0') : guess), '000000')
    for (let host = 1; host <= 9; host++) expect(() => network.pair(`10.0.2.${host}`, { code: wrong(), desk: 'x', person: 'y' })).toThrow()
    expect(network.status().guardedUntilMs).toBeNull()
    expect(paired(network.pair('10.0.0.5', { code: network.status().codes?.desk ?? '', desk: 'Desk 1', person: 'Ji-ho' }))).toMatchObject({ role: 'desk' })
    expect(() => network.pair('10.0.2.10', { code: wrong(), desk: 'x', person: 'y' })).toThrow()
    expect(network.status().guardedUntilMs).not.toBeNull()
    expect(network.pair('10.0.0.6', { code: network.status().codes?.desk ?? '', desk: 'Desk 2', person: 'Min' })).toHaveProperty('waiting')
    later(10 * 60_000)
    expect(network.status().guardedUntilMs).toBeNull()
    expect(paired(network.pair('10.0.0.7', { code: network.status().codes?.desk ?? '', desk: 'Desk 3', person: 'Bo' }))).toMatchObject({ role: 'desk' })
  })

  it('with approval on, keeps a device with the right code waiting, named with its address, until the organiser lets it in', async () => {
    const { router, network, now } = await office()
    const rd: Session = { role: 'organiser', actor: 'RD', desk: 'office' }
    const { codes } = unwrap(await router.call('desks.setNetwork', { on: true, approveNew: true }, rd))
    const answer = network.pair('192.168.1.44', { code: codes?.desk ?? '', desk: 'Expo desk', person: 'Hana' })
    if (!('waiting' in answer)) throw new Error('paired without approval')
    expect(network.collect(answer.waiting)).toEqual({ waiting: answer.waiting })
    const { waiting } = unwrap(await router.call('desks.network', {}, rd))
    expect(waiting).toEqual([{ id: expect.any(String), role: 'desk', desk: 'Expo desk', person: 'Hana', address: '192.168.1.44', atMs: now() }])
    unwrap(await router.call('desks.approve', { id: waiting[0]?.id ?? '' }, rd))
    expect(paired(network.collect(answer.waiting))).toMatchObject({ role: 'desk', desk: 'Expo desk' })
    expect(unwrap(await router.call('desks.list', {}, rd))).toEqual([expect.objectContaining({ name: 'Expo desk', person: 'Hana' })])

    const second = network.pair('192.168.1.45', { code: network.status().codes?.desk ?? '', desk: 'Stranger', person: '?' })
    if (!('waiting' in second)) throw new Error('paired without approval')
    unwrap(await router.call('desks.refuse', { id: unwrap(await router.call('desks.network', {}, rd)).waiting[0]?.id ?? '' }, rd))
    expect(() => network.collect(second.waiting)).toThrow(expect.objectContaining({ code: 'PAIRING_REFUSED' }))
  })

  it('refuses every code while desks on the network are off', async () => {
    const { network } = await office()
    const { codes } = await network.turn(true)
    await network.turn(false)
    expect(() => network.pair('10.0.0.9', { code: codes?.desk ?? '', desk: 'x', person: 'y' })).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }))
  })

  it('says so when the machine is on no network', async () => {
    const file = await tempEvent()
    const network = new DeskNetwork(new DeskDirectory(file.sqlite), () => null)
    network.attach({ open: async () => 1, close: async () => {} })
    await expect(network.turn(true)).rejects.toMatchObject({ code: 'NO_NETWORK' })
    await expect(new DeskNetwork(new DeskDirectory(file.sqlite)).turn(true)).rejects.toMatchObject({ code: 'NOT_AVAILABLE_HERE' })
  })
})
