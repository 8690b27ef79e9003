import { describe, expect, it } from 'vitest'
import { organiser, tempRouter } from '../../tests/support/temp-event'

describe('event settings', () => {
  it('reads the settings a new file was created with', async () => {
    const { router } = await tempRouter()
    const result = await router.call('event.get', {}, organiser)
    expect(result).toMatchObject({ ok: true, value: { name: 'Untitled event', place: '' } })
  })

  it('updates only the fields given', async () => {
    const { router } = await tempRouter()
    await router.call('event.update', { name: 'Pyongyang Marathon', date: '2025-04-06' }, organiser)
    await router.call('event.update', { timeZone: 'Asia/Pyongyang', place: 'Kim Il Sung Stadium' }, organiser)
    expect(await router.call('event.get', {}, organiser)).toEqual({
      ok: true,
      value: { name: 'Pyongyang Marathon', date: '2025-04-06', timeZone: 'Asia/Pyongyang', place: 'Kim Il Sung Stadium' },
    })
  })

  it.each([
    [{}, ''],
    [{ name: '   ' }, 'name'],
    [{ date: '2025-02-30' }, 'date'],
    [{ date: '06/04/2025' }, 'date'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ place: 'x'.repeat(201) }, 'place'],
    [{ name: 42 }, 'name'],
  ])('refuses %j with INVALID_INPUT at %s', async (input, path) => {
    const { router } = await tempRouter()
    const result = await router.dispatch('event.update', input, organiser)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!result.ok) expect((result.error.details?.issues as { path: string }[])[0]?.path).toBe(path)
  })
})
