import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { ChangeEvent } from '../../src-shared/contract'
import { desk, organiser, tempRouter, viewer } from '../../tests/support/temp-event'
import { createRouter } from './router'
import { commandParts } from '../commands/registry'

describe('the command router', () => {
  it('answers an unknown command with UNKNOWN_COMMAND, not an exception', async () => {
    const { router } = await tempRouter()
    expect(await router.dispatch('races.explode', {}, organiser)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } })
    expect(await router.dispatch('__proto__', {}, organiser)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } })
  })

  it('rejects input that breaks the schema with INVALID_INPUT and the issues by field', async () => {
    const { router } = await tempRouter()
    const result = await router.dispatch('races.create', { name: '', distanceM: -5 }, organiser)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (result.ok) return
    const paths = (result.error.details?.issues as { path: string }[]).map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'distanceM']))
  })

  it('rejects unknown fields rather than silently dropping them', async () => {
    const { router } = await tempRouter()
    const result = await router.dispatch('races.create', { name: 'Marathon', distanceM: 42195, distance: 42 }, organiser)
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses a role that may not call a command with NOT_AUTHORISED and changes nothing', async () => {
    const { router, file } = await tempRouter()
    expect(await router.dispatch('races.create', { name: 'Marathon', distanceM: 42195 }, desk)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHORISED' },
    })
    expect(await router.dispatch('event.update', { name: 'Mine now' }, viewer)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect(await file.db.selectFrom('race').selectAll().execute()).toEqual([])
    expect(await file.db.selectFrom('audit').selectAll().execute()).toEqual([])
  })

  it('checks the role before the input, so a caller who may not use a command learns nothing of its schema', async () => {
    const { router } = await tempRouter()
    for (const input of [{ name: '', distanceM: -5 }, 'not even an object', { unexpected: true }])
      expect(await router.dispatch('races.create', input, desk)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
  })

  it('lets every role read', async () => {
    const { router } = await tempRouter()
    for (const session of [organiser, desk, viewer]) {
      expect(await router.dispatch('races.list', {}, session)).toEqual({ ok: true, value: [] })
      expect(await router.dispatch('event.get', {}, session)).toMatchObject({ ok: true })
    }
  })

  it('writes an audit row for every mutating command, with actor, desk, command and input', async () => {
    const { router, file } = await tempRouter()
    const created = await router.call('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
    await router.call('races.list', {}, organiser)
    const audit = await file.db.selectFrom('audit').selectAll().execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      at_ms: Date.UTC(2025, 3, 6, 6),
      actor: 'Test Organiser',
      desk: 'office',
      role: 'organiser',
      command: 'races.create',
    })
    expect(JSON.parse(audit[0]!.input_json)).toEqual({ name: 'Marathon', distanceM: 42195 })
    expect(JSON.parse(audit[0]!.output_json)).toEqual(created.ok ? created.value : null)
  })

  it('writes the audit row in the same transaction as the change: no audit, no change', async () => {
    const { router, file } = await tempRouter()
    await sql`create trigger audit_refused before insert on audit begin select raise(abort, 'audit refused'); end`.execute(file.db)
    const result = await router.dispatch('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await file.db.selectFrom('race').selectAll().execute()).toEqual([])
  })

  it('rolls back a write whose service fails half-way, and audits nothing', async () => {
    const { file } = await tempRouter()
    const router = createRouter({
      db: file.db,
      sqlite: file.sqlite,
      logError: () => {},
      parts: {
        ...commandParts,
        'races.create': {
          ...commandParts['races.create'],
          write: async (ctx, input) => {
            await commandParts['races.create'].write(ctx, input)
            throw new Error('disk on fire')
          },
        },
      },
    })
    const result = await router.dispatch('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/nothing was changed/) } })
    expect(await file.db.selectFrom('race').selectAll().execute()).toEqual([])
    expect(await file.db.selectFrom('audit').selectAll().execute()).toEqual([])
  })

  it('tells change listeners after a write commits, and not after a read or a refusal', async () => {
    const { router } = await tempRouter()
    const changes: ChangeEvent[] = []
    const stop = router.onChange((change) => changes.push(change))
    await router.dispatch('races.list', {}, organiser)
    await router.dispatch('races.create', { name: '' }, organiser)
    await router.dispatch('races.create', { name: '10K', distanceM: 10000 }, organiser)
    stop()
    await router.dispatch('races.create', { name: '5K', distanceM: 5000 }, organiser)
    expect(changes).toEqual([{ topics: ['races'], command: 'races.create', atMs: Date.UTC(2025, 3, 6, 6), desk: 'office' }])
  })
})

describe('closing the router', () => {
  it('lets calls under way finish, then refuses new ones with SHUTTING_DOWN', async () => {
    const { router, file } = await tempRouter()
    const underWay = router.dispatch('races.create', { name: 'Marathon', distanceM: 42195 }, organiser)
    const drained = router.drain()
    expect(await router.dispatch('races.list', {}, organiser)).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } })
    await drained
    expect(await underWay).toMatchObject({ ok: true })
    expect(await file.db.selectFrom('race').select('name').execute()).toEqual([{ name: 'Marathon' }])
  })
})
