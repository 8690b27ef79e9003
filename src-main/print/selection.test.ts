import { describe, expect, it } from 'vitest'
import { seedPrintableEvent } from '../../tests/support/print-fixture'
import { organiser, tempRouter } from '../../tests/support/temp-event'
import { countNumberedRunners, numberedRunners } from './selection'
import { unwrap } from '../../tests/support/results'

describe('numbered runners for printing', () => {
  it('come in bib order across batches, and are counted with their first and last bib', async () => {
    const { file, router } = await tempRouter()
    const { tenK } = await seedPrintableEvent(router)
    const bibs: number[] = []
    for await (const runner of numberedRunners(file.db, { onlyUnprinted: false }, 2)) bibs.push(runner.bib)
    expect(bibs).toEqual([101, 102, 103, 104, 105, 106, 2001, 2002, 2003])
    expect(await countNumberedRunners(file.db, { raceId: tenK, onlyUnprinted: false })).toEqual({ count: 6, first: 101, last: 106 })
  })

  it('leave out withdrawn runners and runners without a bib', async () => {
    const { file, router } = await tempRouter()
    const { tenK } = await seedPrintableEvent(router)
    const page = unwrap(await router.call('entrants.list', { raceId: tenK, limit: 10 }, organiser))
    const [first, second] = page.items
    await router.call('entrants.update', { id: first?.id as string, status: 'withdrawn' }, organiser)
    await router.call('bibs.assign', { entrantId: second?.id as string, bib: null }, organiser)
    expect((await countNumberedRunners(file.db, { raceId: tenK, onlyUnprinted: false })).count).toBe(4)
  })
})
