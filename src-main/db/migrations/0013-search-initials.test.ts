import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/support/temp-event'
import { searchEntrants } from '../../entrants/search'
import { openEventFile } from '../open'
import { migrations } from '.'

describe('migration 0013: search by initials', () => {
  it('finds the runners of a file written before it by their initials, and still by their names', async () => {
    const path = join(tempDir(), 'before-initials.raceoffice')
    const old = await openEventFile(path, { migrations: migrations.slice(0, 12), newEvent: { name: 'Seoul 10K' } })
    await old.db.insertInto('race').values({ name: '10K', distance_m: 10000, created_at_ms: 1, updated_at_ms: 1 }).execute()
    await old.db
      .insertInto('entrant')
      .values({ id: 'e1', race_id: 1, given_name: 'Min-jun', family_name: 'Kim', sex: 'M', created_at_ms: 1, updated_at_ms: 1 })
      .execute()
    // The terms the earlier version wrote: words and names written together, no initials.
    old.sqlite.prepare("insert into entrant_search (rowid, terms) values (1, 'min jun minjun kim kimminjun minjunkim')").run()
    await old.close()

    const file = await openEventFile(path)
    const names = async (query: string) => (await searchEntrants(file.db, { query, limit: 8 })).items.map((hit) => hit.id)
    expect(await names('kim mj')).toEqual(['e1'])
    expect(await names('mkim')).toEqual(['e1'])
    expect(await names('kim min')).toEqual(['e1'])
    await file.close()
  })
})
