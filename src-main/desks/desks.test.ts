import { describe, expect, it } from 'vitest'
import type { Session } from '../../src-shared/contract'
import { createRouter } from '../router/router'
import { tempEvent } from '../../tests/support/temp-event'
import { DeskDirectory } from './directory'
import { DeskNetwork, type LanListener } from './network'
import { unwrap } from '../../tests/support/results'

async function office() {
  let nowMs = Date.UTC(2025, 3, 5, 8)
  const file = await tempEvent()
  const directory = new DeskDirectory(file.sqlite)
  const network = new DeskNetwork(directory, () => '192.168.1.20')
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

describe('desk mode', () => {
  it('locks an organiser screen to check-in until its PIN is typed again', async () => {
    const { router } = await office()
    const screen: Session = { role: 'organiser', actor: 'Race director', desk: 'office' }
    expect(await router.call('session.lock', { pin: '2468' }, screen)).toMatchObject({ ok: true, value: { role: 'desk', locked: true } })
    expect(await router.call('session.get', {}, screen)).toMatchObject({ ok: true, value: { role: 'desk', locked: true } })
    expect(await router.call('races.create', { name: '10K', distanceM: 10000 }, screen)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect((await router.call('checkin.stats', {}, screen)).ok).toBe(true)
    expect(await router.call('session.unlock', { pin: '1111' }, screen)).toMatchObject({ ok: false, error: { code: 'PIN_WRONG' } })
    expect(await router.call('session.unlock', { pin: '2468' }, screen)).toMatchObject({ ok: true, value: { role: 'organiser', locked: false } })
    expect((await router.call('races.create', { name: '10K', distanceM: 10000 }, screen)).ok).toBe(true)
    expect(await router.call('session.unlock', { pin: '2468' }, screen)).toMatchObject({ ok: false, error: { code: 'NOT_LOCKED' } })
  })

  it('stops taking PINs for a minute after five wrong ones', async () => {
    const { router, later } = await office()
    const screen: Session = { role: 'organiser', actor: 'Race director', desk: 'office' }
    await router.call('session.lock', { pin: '2468' }, screen)
    for (let i = 0; i < 5; i++) await router.call('session.unlock', { pin: '0000' }, screen)
    expect(await router.call('session.unlock', { pin: '2468' }, screen)).toMatchObject({
      ok: false,
      error: { code: 'PIN_TOO_MANY_TRIES', details: { seconds: 60 } },
    })
    later(61_000)
    expect((await router.call('session.unlock', { pin: '2468' }, screen)).ok).toBe(true)
  })

  it('may not be locked by a desk', async () => {
    const { router } = await office()
    const tablet: Session = { role: 'desk', actor: 'Volunteer', desk: 'desk-2' }
    expect(await router.call('session.lock', { pin: '2468' }, tablet)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
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
    const { router, network, directory, file, now } = await office()
    const rd: Session = { role: 'organiser', actor: 'RD', desk: 'office' }
    const { codes } = await network.turn(true)
    const paired = network.pair('192.168.1.31', { code: codes?.finish ?? '', desk: 'Finish laptop', person: 'Seo-yeon' }, now())
    expect(paired).toMatchObject({ role: 'finish', desk: 'Finish laptop' })
    expect(directory.lookup(paired.token)).toMatchObject({ role: 'finish', actor: 'Seo-yeon', desk: 'Finish laptop' })
    const listed = unwrap(await router.call('desks.list', {}, rd))
    expect(listed).toEqual([expect.objectContaining({ name: 'Finish laptop', person: 'Seo-yeon', role: 'finish', revokedAtMs: null })])
    const revoked: string[] = []
    directory.onRevoke((id) => revoked.push(id))
    expect((await router.call('desks.revoke', { id: listed[0]?.id ?? '' }, rd)).ok).toBe(true)
    expect(directory.lookup(paired.token)).toBeNull()
    expect(new DeskDirectory(file.sqlite).lookup(paired.token)).toBeNull()
    expect(revoked).toEqual([listed[0]?.id])
  })

  it('keeps a paired desk signed in across a restart of the office', async () => {
    const { file, network, now } = await office()
    const { codes } = await network.turn(true)
    const { token } = network.pair('192.168.1.31', { code: codes?.desk ?? '', desk: 'Desk 4', person: 'Ji-ho' }, now())
    expect(new DeskDirectory(file.sqlite).lookup(token)).toMatchObject({ role: 'desk', desk: 'Desk 4' })
  })

  it('slows down code guessing: five wrong codes from one address, then a minute of refusals', async () => {
    const { network, now, later } = await office()
    const { codes } = await network.turn(true)
    const wrong = codes?.desk === '000000' ? '000001' : '000000'
    for (let i = 0; i < 5; i++)
      expect(() => network.pair('10.0.0.9', { code: wrong, desk: 'x', person: 'y' }, now())).toThrow(expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }))
    expect(() => network.pair('10.0.0.9', { code: codes?.desk ?? '', desk: 'x', person: 'y' }, now())).toThrow(
      expect.objectContaining({ code: 'PAIRING_TOO_MANY_TRIES' }),
    )
    expect(network.pair('10.0.0.10', { code: codes?.desk ?? '', desk: 'x', person: 'y' }, now()).role).toBe('desk')
    later(60_001)
    expect(network.pair('10.0.0.9', { code: codes?.desk ?? '', desk: 'x', person: 'y' }, now()).role).toBe('desk')
  })

  it('refuses every code while desks on the network are off', async () => {
    const { network, now } = await office()
    const { codes } = await network.turn(true)
    await network.turn(false)
    expect(() => network.pair('10.0.0.9', { code: codes?.desk ?? '', desk: 'x', person: 'y' }, now())).toThrow(
      expect.objectContaining({ code: 'PAIRING_CODE_WRONG' }),
    )
  })

  it('says so when the machine is on no network', async () => {
    const file = await tempEvent()
    const network = new DeskNetwork(new DeskDirectory(file.sqlite), () => null)
    network.attach({ open: async () => 1, close: async () => {} })
    await expect(network.turn(true)).rejects.toMatchObject({ code: 'NO_NETWORK' })
    await expect(new DeskNetwork(new DeskDirectory(file.sqlite)).turn(true)).rejects.toMatchObject({ code: 'NOT_AVAILABLE_HERE' })
  })
})
