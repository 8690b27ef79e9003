import { describe, expect, it } from 'vitest'
import { ImportSessions } from './sessions'

const csv = (rows: number) => Buffer.from(['given,family', ...Array.from({ length: rows }, (_, i) => `Runner${i},Kim`)].join('\n'))

describe('the imports open at once', () => {
  it('refuse a file that would take what they hold together past the limit, and take it once another is discarded', async () => {
    const sessions = new ImportSessions(Date.now, 2500)
    const first = sessions.append(undefined, 'a.csv', csv(100))
    expect(() => sessions.append(undefined, 'b.csv', csv(100))).toThrow(expect.objectContaining({ code: 'IMPORT_REFUSED' }))
    sessions.discard(first.id)
    expect(sessions.append(undefined, 'b.csv', csv(100)).bytes).toBeGreaterThan(0)
  })

  it('count a file read into rows as well as its bytes, and refuse to read one whose rows would not fit', async () => {
    const roomy = new ImportSessions(Date.now, 100_000)
    const { id } = roomy.append(undefined, 'a.csv', csv(100))
    const received = roomy.held()
    await roomy.table(id)
    expect(roomy.held()).toBeGreaterThan(received)

    const tight = new ImportSessions(Date.now, received + 100)
    const upload = tight.append(undefined, 'a.csv', csv(100))
    await expect(tight.table(upload.id)).rejects.toMatchObject({ code: 'IMPORT_REFUSED' })
  })
})
