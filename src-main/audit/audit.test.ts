import { describe, expect, it } from 'vitest'
import { desk, organiser, tempRouter } from '../../tests/support/temp-event'
import { unwrap } from '../../tests/support/results'

async function officeWithRunner() {
  const office = await tempRouter()
  await office.router.call('races.create', { name: '10K', distanceM: 10_000, bibRanges: [{ first: 1, last: 99 }] }, organiser)
  const created = unwrap(
    await office.router.call('entrants.create', { raceId: 1, givenName: 'Min-jun', familyName: 'Kim', sex: 'M', bib: 7, shirtSize: 'M' }, organiser),
  )
  const trail = async (entrantId?: string) => {
    const listed = unwrap(await office.router.call('audit.list', { ...(entrantId !== undefined && { entrantId }) }, organiser))
    return listed.items
  }
  return { ...office, id: created.id, trail }
}

describe('the audit trail', () => {
  it('lists every change with who, which desk, when, and the runner before → after', async () => {
    const { router, id, trail } = await officeWithRunner()
    await router.call('entrants.update', { id, familyName: 'Kimm', shirtSize: 'L' }, { ...organiser, actor: 'Ji-woo', desk: 'office 2' })
    const [update, create, race] = await trail()
    expect(update).toMatchObject({
      command: 'entrants.update',
      actor: 'Ji-woo',
      desk: 'office 2',
      atMs: expect.any(Number),
      entrant: { id, name: 'Min-jun Kimm', bib: 7 },
      changes: [
        { field: 'familyName', before: 'Kim', after: 'Kimm' },
        { field: 'shirtSize', before: 'M', after: 'L' },
      ],
      undoable: true,
    })
    expect(create).toMatchObject({
      command: 'entrants.create',
      changes: expect.arrayContaining([{ field: 'givenName', before: null, after: 'Min-jun' }]),
      undoable: false,
    })
    expect(race).toMatchObject({ command: 'races.create', entrant: null, detail: expect.stringContaining('"name":"10K"') })
  })

  it('shows what was asked where the runner’s own fields did not change (a result decision)', async () => {
    const { router, id, trail } = await officeWithRunner()
    await router.call('results.override', { entrantId: id, status: 'DQ', reason: 'Cut the course at 30K' }, organiser)
    const [decision] = await trail(id)
    expect(decision).toMatchObject({
      command: 'results.override',
      entrant: { id },
      changes: [],
      detail: expect.stringContaining('"status":"DQ"'),
      undoable: false,
    })
  })

  it("shows one runner's history on its own", async () => {
    const { router, id, trail } = await officeWithRunner()
    const other = await router.call('entrants.create', { raceId: 1, givenName: 'Ana', familyName: 'Lee', sex: 'F' }, organiser)
    await router.call('checkin.checkIn', { entrantId: id }, desk)
    const history = await trail(id)
    expect(history.map((e) => e.command)).toEqual(['checkin.checkIn', 'entrants.create'])
    expect(history[0]?.changes).toEqual([{ field: 'status', before: 'registered', after: 'checked-in' }])
    expect((await trail(other.ok ? other.value.id : '')).map((e) => e.command)).toEqual(['entrants.create'])
  })

  it('undoes an edit, as an audited change of its own, and not twice', async () => {
    const { router, id, trail } = await officeWithRunner()
    await router.call('entrants.update', { id, familyName: 'Kimm', bib: 8 }, organiser)
    const [edit] = await trail(id)
    expect(await router.call('audit.undo', { id: edit?.id ?? 0 }, organiser)).toMatchObject({ ok: true, value: { undoOf: edit?.id, entrantId: id } })
    expect(await router.call('entrants.get', { id }, organiser)).toMatchObject({ ok: true, value: { familyName: 'Kim', bib: 7 } })
    const [undo, undone] = await trail(id)
    expect(undo).toMatchObject({
      command: 'audit.undo',
      undoOf: edit?.id,
      undoable: false,
      changes: [
        { field: 'bib', before: '8', after: '7' },
        { field: 'familyName', before: 'Kimm', after: 'Kim' },
      ],
    })
    expect(undone).toMatchObject({ id: edit?.id, undoneBy: organiser.actor, undoneAtMs: expect.any(Number), undoable: false })
    expect(await router.call('audit.undo', { id: edit?.id ?? 0 }, organiser)).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } })
  })

  it('refuses to undo a change the runner has moved on from, and names the later change', async () => {
    const { router, id, trail } = await officeWithRunner()
    await router.call('entrants.update', { id, club: 'Seoul RC' }, organiser)
    await router.call('checkin.checkIn', { entrantId: id }, { ...desk, actor: 'Volunteer Park' })
    const [checkin, edit] = await trail(id)
    expect(edit?.undoable).toBe(false)
    expect(await router.call('audit.undo', { id: edit?.id ?? 0 }, organiser)).toMatchObject({
      ok: false,
      error: { code: 'UNDO_UNSAFE', details: { command: 'checkin.checkIn', actor: 'Volunteer Park' } },
    })
    expect(await router.call('entrants.get', { id }, organiser)).toMatchObject({ ok: true, value: { club: 'Seoul RC', status: 'checked-in' } })
    expect(checkin?.undoable).toBe(true)
    expect((await router.call('audit.undo', { id: checkin?.id ?? 0 }, organiser)).ok).toBe(true)
    expect(await router.call('entrants.get', { id }, organiser)).toMatchObject({ ok: true, value: { status: 'registered' } })
  })

  it('undoes a new entrant by removing them, and is the organiser’s alone', async () => {
    const { router, id, trail } = await officeWithRunner()
    const [created] = await trail(id)
    expect(await router.call('audit.undo', { id: created?.id ?? 0 }, desk)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHORISED' } })
    expect((await router.call('audit.undo', { id: created?.id ?? 0 }, organiser)).ok).toBe(true)
    expect(await router.call('entrants.get', { id }, organiser)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const [undo] = await trail(id)
    expect(undo).toMatchObject({
      command: 'audit.undo',
      entrant: { name: 'Min-jun Kim' },
      changes: expect.arrayContaining([{ field: 'givenName', before: 'Min-jun', after: null }]),
    })
  })

  it('does not undo what has its own way back (a race, an import)', async () => {
    const { router, trail } = await officeWithRunner()
    const race = (await trail()).find((e) => e.command === 'races.create')
    expect(race?.undoable).toBe(false)
    expect(await router.call('audit.undo', { id: race?.id ?? 0 }, organiser)).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } })
  })

  it('pages back through a long trail', async () => {
    const { router, id } = await officeWithRunner()
    for (let i = 0; i < 5; i++) await router.call('entrants.update', { id, club: `Club ${i}` }, organiser)
    const first = unwrap(await router.call('audit.list', { limit: 3 }, organiser))
    expect(first).toMatchObject({ more: true, items: { length: 3 } })
    const next = await router.call('audit.list', { limit: 3, beforeId: first.items.at(-1)?.id ?? 0 }, organiser)
    expect(next.ok && next.value.items.map((e) => e.id)).toEqual(first.items.map((e) => e.id - 3))
  })
})
