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
      value: { name: 'Pyongyang Marathon', date: '2025-04-06', timeZone: 'Asia/Pyongyang', place: 'Kim Il Sung Stadium', hasLogo: false },
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

// A 2 × 1 PNG: one red pixel, one blue.
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC'

describe('the organiser logo', () => {
  it('is kept in the event file and handed back with its type', async () => {
    const { router } = await tempRouter()
    expect(await router.call('event.setLogo', { imageBase64: png }, organiser)).toMatchObject({ ok: true, value: { hasLogo: true } })
    expect(await router.call('event.logo', {}, organiser)).toEqual({ ok: true, value: { imageBase64: png, type: 'image/png' } })
    expect(await router.call('event.setLogo', { imageBase64: null }, organiser)).toMatchObject({ ok: true, value: { hasLogo: false } })
    expect(await router.call('event.logo', {}, organiser)).toEqual({ ok: true, value: { imageBase64: null, type: null } })
  })

  it('refuses files that are not PNG or JPEG, or are damaged, and keeps the logo it had', async () => {
    const { router } = await tempRouter()
    await router.call('event.setLogo', { imageBase64: png }, organiser)
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64')
    expect(await router.call('event.setLogo', { imageBase64: gif }, organiser)).toMatchObject({ ok: false, error: { code: 'LOGO_UNREADABLE' } })
    const brokenPng = Buffer.concat([Buffer.from(png, 'base64').subarray(0, 12), Buffer.from('garbage')]).toString('base64')
    expect(await router.call('event.setLogo', { imageBase64: brokenPng }, organiser)).toMatchObject({ ok: false, error: { code: 'LOGO_UNREADABLE' } })
    expect(await router.call('event.logo', {}, organiser)).toMatchObject({ ok: true, value: { imageBase64: png } })
  })

  it('refuses an image over 512 KB before reading it', async () => {
    const { router } = await tempRouter()
    const huge = Buffer.alloc(600 * 1024).toString('base64')
    expect(await router.dispatch('event.setLogo', { imageBase64: huge }, organiser)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})
