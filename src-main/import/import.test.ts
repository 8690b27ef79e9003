import { describe, expect, it } from 'vitest'
import { csv, fixture, importFile, previewFile, upload } from '../../tests/support/import'
import { organiser, tempRouter } from '../../tests/support/temp-event'
import { guessMapping } from './mapping'
import { unwrap } from '../../tests/support/results'

async function pyongyang() {
  const { router, file } = await tempRouter()
  await router.call('event.update', { date: '2025-04-06', timeZone: 'Asia/Pyongyang' }, organiser)
  await router.call('races.create', { name: 'Marathon', distanceM: 42195, bibRanges: [{ first: 1, last: 999 }] }, organiser)
  await router.call('races.create', { name: 'Half Marathon', distanceM: 21097, bibRanges: [{ first: 1000, last: 1999 }] }, organiser)
  await router.call('races.create', { name: '10K', distanceM: 10000, bibRanges: [{ first: 2000, last: 2999 }] }, organiser)
  const all = async () => {
    const page = unwrap(await router.call('entrants.list', { limit: 1000, sort: 'createdAt' }, organiser))
    return page.items
  }
  return { router, file, all }
}

describe("importing a registration platform's export", () => {
  it('imports every row: M/D/Y dates, Hangul names, quoted commas, empty emails', async () => {
    const { router, all } = await pyongyang()
    const preview = await previewFile(router, fixture('registrations-platform.csv'))
    expect(preview).toMatchObject({
      ok: true,
      value: { format: 'csv', encoding: 'utf-8', delimiter: ',', mappingSource: 'guessed', dateOrder: 'mdy', rows: 30, toAdd: 30, rejectedCount: 0 },
    })
    if (preview.ok) {
      expect(preview.value.mapping).toMatchObject({
        ref: 0,
        race: 1,
        givenName: 2,
        familyName: 3,
        sex: 4,
        age: 5,
        birthDate: 6,
        email: 7,
        phone: 8,
        nationality: 11,
        shirtSize: 12,
        club: 13,
        emergencyName: 14,
        emergencyPhone: 15,
        secondName: 18,
      })
    }

    expect(await importFile(router, fixture('registrations-platform.csv'))).toMatchObject({
      ok: true,
      value: { imported: 30, updated: 0, unchanged: 0, rejected: [] },
    })
    const kim = (await all()).find((e) => e.ref === '3100000')
    expect(kim).toMatchObject({
      givenName: 'Min-jun',
      familyName: 'Kim',
      secondName: '김민준',
      sex: 'M',
      birthDate: '1986-01-18',
      age: 39,
      category: 'M35',
      race: 'Half Marathon',
      nationality: 'PRK',
      email: null,
      shirtSize: 'S',
      emergencyPhone: '+44 20 7946 0100',
    })
  })

  it("imports a club's Excel CSV: Windows-1252, semicolons, German headers and sex words, D.M.Y", async () => {
    const { router, all } = await pyongyang()
    const result = await importFile(router, fixture('registrations-club-excel.csv'))
    expect(result).toMatchObject({ ok: true, value: { imported: 26, rejected: [] } })
    const entrants = await all()
    expect(entrants.find((e) => e.familyName === 'Schröder' && e.birthDate === '2003-06-25')).toMatchObject({
      givenName: 'Jörg',
      sex: 'M',
      race: 'Marathon',
      club: 'Pyongyang Harriers',
    })
    expect(entrants.find((e) => e.familyName === 'Taylor')).toMatchObject({ sex: 'X', birthDate: '1969-11-03' })
    expect(entrants.find((e) => e.familyName === 'Lefèvre' && e.birthDate === '2002-06-20')).toMatchObject({ givenName: 'Amélie' })
  })
})

describe('the all-or-nothing rule', () => {
  const file = csv([
    'Registration ID,Event,First Name,Last Name,Gender,DOB,Bib',
    '1,Marathon,Min-jun,Kim,M,1986-01-18,7',
    '2,Ultra,Sarah,Jones,F,1980-03-01,',
    '3,10K,,Andersson,M,1991-01-03,',
    '4,10K,Erik,Andersson,M,1991-02-30,',
    '5,10K,Sam,Taylor,maybe,1969-11-03,',
    '6,Marathon,Aoife,OConnor,F,1966-12-21,5000',
    '7,Marathon,Simon,Cockerell,M,1959-08-20,7',
    // Another person under a registration number already used (rows of one person fold into one).
    '1,Marathon,Mi-rae,Kim,F,1990-01-01,',
    '9,10K,Lan,Nguyen,F,1999-06-13,abc',
    '10,10K,Lan,Nguyen,F,1999-06-13,',
  ])

  it('imports nothing when any row is invalid, and names every bad row and field', async () => {
    const { router, all } = await pyongyang()
    const result = await importFile(router, file)
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_REFUSED', details: { imported: 0 } } })
    if (result.ok) return
    const rejected = result.error.details?.rejected as { row: number; field: string; code: string; message: string }[]
    expect(rejected.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 3, field: 'race', code: 'UNKNOWN_RACE' },
      { row: 4, field: 'givenName', code: 'MISSING' },
      { row: 5, field: 'birthDate', code: 'BAD_DATE' },
      { row: 6, field: 'sex', code: 'BAD_SEX' },
      { row: 7, field: 'bib', code: 'BIB_OUT_OF_RANGE' },
      { row: 8, field: 'bib', code: 'BIB_TAKEN' },
      { row: 9, field: 'ref', code: 'DUPLICATE_REF' },
      { row: 10, field: 'bib', code: 'INVALID' },
    ])
    expect(rejected[0]?.message).toBe('There is no race called "Ultra" (races: Marathon, Half Marathon, 10K).')
    expect(await all()).toEqual([])
  })

  it('with skip-invalid imports the valid rows and reports the rest', async () => {
    const { router, all } = await pyongyang()
    const result = await importFile(router, file, { skipInvalid: true })
    expect(result).toMatchObject({ ok: true, value: { imported: 2, updated: 0, unchanged: 0 } })
    if (result.ok) expect(new Set(result.value.rejected.map((r) => r.row))).toEqual(new Set([3, 4, 5, 6, 7, 8, 9, 10]))
    expect((await all()).map((e) => `${e.givenName} ${e.familyName} ${e.bib ?? ''}`)).toEqual(['Min-jun Kim 7', 'Lan Nguyen '])
  })

  it('checks a bib against entrants already in the event', async () => {
    const { router } = await pyongyang()
    await router.call('entrants.create', { raceId: 1, givenName: 'Already', familyName: 'Here', sex: 'F', bib: 7 }, organiser)
    const result = await importFile(router, csv(['Event,First Name,Last Name,Gender,Bib', 'Marathon,Min-jun,Kim,M,7']))
    expect(result).toMatchObject({ ok: false, error: { details: { rejected: [{ row: 2, field: 'bib', code: 'BIB_TAKEN' }] } } })
  })
})

describe('dates whose order the file does not prove', () => {
  const ambiguous = csv(['First Name,Last Name,Gender,DOB,Event', 'Min-jun,Kim,M,05/07/1986,Marathon', 'Sarah,Jones,F,03/01/1980,Marathon'])

  it('asks: the preview says the order is ambiguous and the rows cannot be read yet', async () => {
    const { router } = await pyongyang()
    const preview = await previewFile(router, ambiguous)
    expect(preview).toMatchObject({
      ok: true,
      value: { dateOrder: 'ambiguous', rejectedCount: 2, rejected: [{ row: 2, field: 'birthDate', code: 'DATE_ORDER_UNKNOWN' }, { row: 3 }] },
    })
  })

  it('reads them once the organiser says the order', async () => {
    const { router, all } = await pyongyang()
    expect(await importFile(router, ambiguous, { dateOrder: 'dmy' })).toMatchObject({ ok: true, value: { imported: 2 } })
    expect((await all()).map((e) => e.birthDate)).toEqual(['1986-07-05', '1980-01-03'])
  })
})

describe('races', () => {
  it('matches race names without regard to case or accents, and takes a default race', async () => {
    const { router, all } = await pyongyang()
    const result = await importFile(router, csv(['First Name,Last Name,Gender,Event', 'A,One,F,HALF MARATHON', 'B,Two,M,10k', 'C,Three,X,']), {
      race: 'Marathon',
    })
    expect(result).toMatchObject({ ok: true, value: { imported: 3 } })
    expect((await all()).map((e) => e.race)).toEqual(['Half Marathon', '10K', 'Marathon'])
  })

  it('refuses a default race that does not exist', async () => {
    const { router } = await pyongyang()
    expect(await importFile(router, csv(['First Name,Last Name,Gender', 'A,One,F']), { race: 'Ultra' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('says the race is missing when there is no race column and no default', async () => {
    const { router } = await pyongyang()
    expect(await importFile(router, csv(['First Name,Last Name,Gender', 'A,One,F']))).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_REFUSED',
        message: expect.stringMatching(/no column for race \(or choose a race for all rows\)/),
        details: { missingFields: ['race'] },
      },
    })
  })

  it('says a row has no race when its race cell is empty and there is no default', async () => {
    const { router } = await pyongyang()
    expect(await importFile(router, csv(['First Name,Last Name,Gender,Event', 'A,One,F,']))).toMatchObject({
      ok: false,
      error: { details: { rejected: [{ row: 2, field: 'race', code: 'MISSING' }] } },
    })
  })
})

describe('importing a later export again', () => {
  const first = csv([
    'Registration ID,Event,First Name,Last Name,Gender,DOB,T-Shirt Size',
    '100,Marathon,Min-jun,Kim,M,1986-01-18,S',
    '101,10K,Sarah,Jones,F,1980-03-01,M',
  ])
  const later = csv([
    'Registration ID,Event,First Name,Last Name,Gender,DOB,T-Shirt Size',
    '100,Marathon,Min-jun,Kim,M,1986-01-18,L',
    '101,10K,Sarah,Jones,F,1980-03-01,M',
    '102,10K,Erik,Andersson,M,1991-01-03,XL',
  ])

  it('updates entrants matched by reference, adds new ones, and counts the unchanged', async () => {
    const { router, all } = await pyongyang()
    await importFile(router, first)
    expect(await importFile(router, later)).toMatchObject({ ok: true, value: { imported: 1, updated: 1, unchanged: 1 } })
    const entrants = await all()
    expect(entrants).toHaveLength(3)
    expect(entrants.find((e) => e.ref === '100')?.shirtSize).toBe('L')
  })

  it('never touches bib or check-in state', async () => {
    const { router, file, all } = await pyongyang()
    await importFile(router, first)
    const kim = (await all()).find((e) => e.ref === '100')!
    await router.call('entrants.update', { id: kim.id, bib: 5 }, organiser)
    await file.db.updateTable('entrant').set({ status: 'checked-in' }).where('id', '=', kim.id).execute()
    await importFile(router, csv(['Registration ID,Event,First Name,Last Name,Gender,DOB,T-Shirt Size,Bib', '100,Marathon,Min-jun,Kim,M,1986-01-18,XL,']))
    expect((await all()).find((e) => e.ref === '100')).toMatchObject({ bib: 5, status: 'checked-in', shirtSize: 'XL' })
  })

  it('finds an updated name by search, and no longer by the old one', async () => {
    const { router } = await pyongyang()
    await importFile(router, first)
    await importFile(router, csv(['Registration ID,Event,First Name,Last Name,Gender,DOB', '100,Marathon,Min-jun,Kimm,M,1986-01-18']))
    expect(await router.call('entrants.search', { query: 'kimm' }, organiser)).toMatchObject({ ok: true, value: { items: [{ ref: '100' }] } })
    expect(await router.call('entrants.search', { query: 'kim min' }, organiser)).toMatchObject({ ok: true, value: { items: [{ familyName: 'Kimm' }] } })
  })
})

describe('likely duplicates', () => {
  const kim = csv(['Registration ID,Event,First Name,Last Name,Gender,DOB,Email,Club', '100,Marathon,Min-jun,Kim,M,1986-01-18,kim@example.com,'])

  it('flags the same name and birth date under another reference, in the file and in the event, and skips a row like a runner in the event unless told otherwise', async () => {
    const { router, all } = await pyongyang()
    await importFile(router, kim)
    const result = await importFile(
      router,
      csv([
        'Registration ID,Event,First Name,Last Name,Gender,DOB',
        '200,Marathon,Min-Jun,KIM,M,1986-01-18',
        '201,10K,Sarah,Jones,F,1980-03-01',
        '202,10K,Sarah,Jones,F,1980-03-01',
        '203,10K,Sarah,Jones,F,1981-03-01',
      ]),
    )
    expect(result).toMatchObject({
      ok: true,
      value: {
        imported: 3,
        skipped: 1,
        duplicates: [
          {
            row: 2,
            name: 'Min-Jun KIM',
            birthDate: '1986-01-18',
            withRow: null,
            withRef: '100',
            withId: expect.any(String),
            matchedBy: 'nameAndBirthDate',
            action: 'skip',
            incoming: { race: 'Marathon', ref: '200' },
            existing: { name: 'Min-jun Kim', birthDate: '1986-01-18', email: 'kim@example.com', race: 'Marathon', ref: '100', bib: null },
          },
          { row: 4, name: 'Sarah Jones', birthDate: '1980-03-01', withRow: 3, withRef: '201', withId: null, existing: null, action: null },
        ],
      },
    })
    expect(await all()).toHaveLength(4)
  })

  it('finds a runner by the same e-mail under another name spelling, and says so', async () => {
    const { router } = await pyongyang()
    await importFile(router, kim)
    const preview = await previewFile(router, csv(['First Name,Last Name,Gender,Event,Email', 'Minjun,Kim,M,Marathon,KIM@example.com ']))
    expect(preview).toMatchObject({
      ok: true,
      value: { toAdd: 0, skipped: 1, duplicatesCount: 1, duplicates: [{ row: 2, matchedBy: 'email', birthDate: null, action: 'skip' }] },
    })
  })

  it("updates the runner in the event with the row's details, giving it the row's reference and keeping its bib, check-in and what the file has no column for", async () => {
    const { router, all, file } = await pyongyang()
    await importFile(router, csv(['Event,First Name,Last Name,Gender,DOB,Email', 'Marathon,Min-jun,Kim,M,1986-01-18,kim@example.com']))
    const [before] = await all()
    await router.call('entrants.update', { id: before!.id, bib: 7 }, organiser)
    await file.db.updateTable('entrant').set({ status: 'checked-in' }).where('id', '=', before!.id).execute()
    const again = csv(['Registration ID,Event,First Name,Last Name,Gender,DOB,Club', '3100000,Half Marathon,Min-jun,Kim,M,1986-01-18,Chollima RC'])
    expect(await importFile(router, again, { duplicates: 'update' })).toMatchObject({ ok: true, value: { imported: 0, updated: 1, skipped: 0 } })
    expect(await all()).toEqual([
      expect.objectContaining({
        id: before!.id,
        ref: '3100000',
        club: 'Chollima RC',
        race: 'Half Marathon',
        bib: 7,
        status: 'checked-in',
        email: 'kim@example.com',
      }),
    ])
    // Now the reference matches: the next import of the same row is no duplicate.
    expect(await previewFile(router, again)).toMatchObject({ ok: true, value: { unchanged: 1, duplicatesCount: 0 } })
  })

  it('takes a decision per row over the one for all rows', async () => {
    const { router, all } = await pyongyang()
    await importFile(
      router,
      csv(['Event,First Name,Last Name,Gender,DOB', 'Marathon,Min-jun,Kim,M,1986-01-18', 'Marathon,Sarah,Jones,F,1980-03-01', '10K,Ri,Kyong-hui,F,1953-07-05']),
    )
    const second = csv([
      'Event,First Name,Last Name,Gender,DOB,Club',
      'Marathon,Min-jun,Kim,M,1986-01-18,A',
      'Marathon,Sarah,Jones,F,1980-03-01,B',
      '10K,Ri,Kyong-hui,F,1953-07-05,C',
    ])
    const result = await importFile(router, second, {
      duplicates: 'skip',
      duplicateRows: [
        { row: 3, action: 'add' },
        { row: 4, action: 'update' },
      ],
    })
    expect(result).toMatchObject({
      ok: true,
      value: {
        imported: 1,
        updated: 1,
        skipped: 1,
        duplicates: [
          { row: 2, action: 'skip' },
          { row: 3, action: 'add' },
          { row: 4, action: 'update' },
        ],
      },
    })
    const clubs = (await all()).map((e) => `${e.familyName}:${e.club ?? ''}`).sort()
    expect(clubs).toEqual(['Jones:', 'Jones:B', 'Kim:', 'Kyong-hui:C'])
  })

  it('never updates a runner by a row whose reference belongs to someone else: that row updates its own registration', async () => {
    const { router, all } = await pyongyang()
    await importFile(
      router,
      csv(['Registration ID,Event,First Name,Last Name,Gender,DOB', '100,Marathon,Min-jun,Kim,M,1986-01-18', '101,Marathon,Sarah,Jones,F,1980-03-01']),
    )
    // Registration 101 renamed to Kim's name and birth date: it looks like Kim, but it is 101.
    const result = await importFile(router, csv(['Registration ID,Event,First Name,Last Name,Gender,DOB', '101,Marathon,Min-jun,Kim,M,1986-01-18']), {
      duplicates: 'update',
    })
    expect(result).toMatchObject({ ok: true, value: { updated: 1, skipped: 0, duplicates: [{ row: 2, withRef: '100', action: null }] } })
    expect((await all()).map((e) => `${e.ref}:${e.givenName}`)).toEqual(['100:Min-jun', '101:Min-jun'])
  })

  it("leaves a skipped row's bib unclaimed, so a later row may carry it", async () => {
    const { router, all } = await pyongyang()
    await importFile(router, csv(['Event,First Name,Last Name,Gender,DOB', 'Marathon,Min-jun,Kim,M,1986-01-18']))
    const result = await importFile(
      router,
      csv(['Event,First Name,Last Name,Gender,DOB,Bib', 'Marathon,Min-jun,Kim,M,1986-01-18,5', 'Marathon,Sarah,Jones,F,1980-03-01,5']),
    )
    expect(result).toMatchObject({ ok: true, value: { imported: 1, skipped: 1, rejected: [] } })
    expect((await all()).find((e) => e.familyName === 'Jones')?.bib).toBe(5)
  })
})

describe('column mappings', () => {
  it.each([
    [['First Name', 'Last Name'], { givenName: 0, familyName: 1 }],
    [['FIRSTNAME', 'SURNAME', 'Date of Birth', 'Gender'], { givenName: 0, familyName: 1, birthDate: 2, sex: 3 }],
    [['Vorname', 'Nachname', 'Geburtsdatum', 'Geschlecht', 'Strecke', 'Verein'], { givenName: 0, familyName: 1, birthDate: 2, sex: 3, race: 4, club: 5 }],
    [['Prénom', 'Nom', 'Sexe', 'Date de naissance', 'Épreuve', 'Dossard'], { givenName: 0, familyName: 1, sex: 2, birthDate: 3, race: 4, bib: 5 }],
    [['이름', '성', '성별', '생년월일', '종목', '배번'], { givenName: 0, familyName: 1, sex: 2, birthDate: 3, race: 4, bib: 5 }],
    [
      ['Participant ID', 'Ticket Type', 'Team', 'T-shirt', 'Emergency Contact Name', 'Emergency Contact Phone'],
      { ref: 0, race: 1, club: 2, shirtSize: 3, emergencyName: 4, emergencyPhone: 5 },
    ],
    [['Name', 'Sex', 'Age', 'Country'], { fullName: 0, sex: 1, age: 2, nationality: 3 }],
    [['Vorname', 'Name'], { givenName: 0, familyName: 1 }],
    [['Notes', 'Amount Paid'], {}],
  ])('guesses %j', (headers, mapping) => {
    expect(guessMapping(headers)).toEqual(mapping)
  })

  it('splits a whole-name column, family first after a comma', async () => {
    const { router, all } = await pyongyang()
    await importFile(router, csv(['Name,Sex,Age', '"Kim, Min-jun",M,39', 'Sarah Jane Jones,F,45']), { race: 'Marathon' })
    expect((await all()).map((e) => [e.givenName, e.familyName, e.age, e.birthDate])).toEqual([
      ['Min-jun', 'Kim', 39, null],
      ['Sarah Jane', 'Jones', 45, null],
    ])
  })

  it('uses the mapping the organiser confirmed, and remembers it for the next file with the same headers', async () => {
    const { router, all } = await pyongyang()
    const odd = (rows: string[]) => csv(['Col A,Col B,Col C', ...rows])
    const mapping = { givenName: 1, familyName: 0, sex: 2 }
    expect(await importFile(router, odd(['Kim,Min-jun,M']), { mapping, race: 'Marathon' })).toMatchObject({ ok: true, value: { imported: 1 } })
    expect(await previewFile(router, odd(['Jones,Sarah,F']), { race: 'Marathon' })).toMatchObject({
      ok: true,
      value: { mappingSource: 'remembered', mapping, toAdd: 1 },
    })
    expect((await all())[0]).toMatchObject({ givenName: 'Min-jun', familyName: 'Kim' })
  })
})

describe('import sessions', () => {
  it('answers IMPORT_NOT_FOUND once an import was committed or discarded', async () => {
    const { router } = await pyongyang()
    const id = await upload(router, csv(['First Name,Last Name,Gender', 'A,One,F']))
    expect(await router.call('imports.discard', { id }, organiser)).toEqual({ ok: true, value: { id } })
    expect(await router.call('imports.preview', { id }, organiser)).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_FOUND' } })
  })

  it('refuses a file of another kind at once, naming the columns it lacks and the ones it has', async () => {
    const { router } = await pyongyang()
    const reads = await importFile(router, fixture('reads-finish.csv'))
    expect(reads).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_REFUSED',
        message:
          'Nothing was imported: the file has no column for given name, family name, sex, race (or choose a race for all rows). Its columns are: bib, time, point.',
      },
    })
    expect(await previewFile(router, fixture('reads-finish.csv'))).toMatchObject({
      ok: true,
      value: { missingFields: ['givenName', 'familyName', 'sex', 'race'], mapping: { bib: 0 } },
    })
  })

  it('refuses a file that cannot be read, with the reason', async () => {
    const { router } = await pyongyang()
    expect(await previewFile(router, Buffer.from(''))).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } })
  })

  it('audits a commit, and writes nothing for a refused one', async () => {
    const { router, file } = await pyongyang()
    await importFile(router, csv(['First Name,Last Name,Gender,Event', 'A,One,F,Ultra']))
    await importFile(router, csv(['First Name,Last Name,Gender,Event', 'A,One,F,Marathon']))
    const commits = await file.db.selectFrom('audit').select('command').where('command', '=', 'imports.commit').execute()
    expect(commits).toHaveLength(1)
  })
})

describe('predicted finish times', () => {
  it('reads them for numbering into corrals, fastest first', async () => {
    const { router, all } = await pyongyang()
    const result = await importFile(
      router,
      csv(['First Name,Last Name,Gender,Event,Predicted Finish Time', 'Slow,One,F,Marathon,5:30', 'Fast,Two,M,Marathon,2:45:30', 'Unknown,Three,F,Marathon,']),
    )
    expect(result).toMatchObject({ ok: true, value: { imported: 3 } })
    expect((await all()).map((e) => e.predictedTimeMs)).toEqual([5.5 * 3600e3, (2 * 3600 + 45 * 60 + 30) * 1000, null])
    await router.call('bibs.apply', { raceId: 1, rule: 'predicted' }, organiser)
    expect((await all()).map((e) => [e.givenName, e.bib])).toEqual([
      ['Slow', 2],
      ['Fast', 1],
      ['Unknown', 3],
    ])
  })

  it('refuses a time it cannot read', async () => {
    const { router } = await pyongyang()
    expect(await importFile(router, csv(['First Name,Last Name,Gender,Event,Target Time', 'A,One,F,Marathon,fast']))).toMatchObject({
      ok: false,
      error: { details: { rejected: [{ row: 2, field: 'predictedTime', code: 'INVALID' }] } },
    })
  })
})

describe('waves from the file', () => {
  async function withWaves() {
    const event = await pyongyang()
    await event.router.call('races.update', { id: 1, waves: [{ name: 'Elite' }, { name: 'A' }, { name: 'B' }] }, organiser)
    return event
  }

  it('reads a corral column against the race’s own waves, in any case', async () => {
    const { router, all } = await withWaves()
    const result = await importFile(
      router,
      csv([
        'Registration ID,First Name,Last Name,Gender,Event,Corral',
        'R1,Eun-ji,Kim,F,Marathon,elite',
        'R2,Sarah,Jones,F,Marathon,B',
        'R3,Ali,Demir,M,Marathon,',
        'R4,Tom,Ng,M,10K,',
      ]),
    )
    expect(result).toMatchObject({ ok: true, value: { imported: 4 } })
    expect((await all()).map((e) => [e.familyName, e.wave])).toEqual([
      ['Kim', 'Elite'],
      ['Jones', 'B'],
      ['Demir', null],
      ['Ng', null],
    ])
  })

  it('refuses a wave the race does not have, naming the race’s waves', async () => {
    const { router } = await withWaves()
    expect(await importFile(router, csv(['First Name,Last Name,Gender,Event,Wave', 'A,One,F,Marathon,Z', 'B,Two,F,10K,A']))).toMatchObject({
      ok: false,
      error: {
        details: {
          rejected: [
            { row: 2, field: 'wave', code: 'UNKNOWN_WAVE', params: { value: 'Z', race: 'Marathon', waves: 'Elite, A, B' } },
            { row: 3, field: 'wave', code: 'UNKNOWN_WAVE', params: { value: 'A', race: '10K', waves: '' } },
          ],
        },
      },
    })
  })

  it('keeps the office’s seeding when a later export has no wave column, but not in another race', async () => {
    const { router, all } = await withWaves()
    await importFile(router, csv(['Registration ID,First Name,Last Name,Gender,Event,Wave', 'R1,Eun-ji,Kim,F,Marathon,A', 'R2,Sarah,Jones,F,Marathon,B']))
    const again = await importFile(
      router,
      csv(['Registration ID,First Name,Last Name,Gender,Event,Club', 'R1,Eun-ji,Kim,F,Marathon,Chollima RC', 'R2,Sarah,Jones,F,Half Marathon,']),
    )
    expect(again).toMatchObject({ ok: true, value: { updated: 2 } })
    expect((await all()).map((e) => [e.familyName, e.race, e.wave])).toEqual([
      ['Kim', 'Marathon', 'A'],
      ['Jones', 'Half Marathon', null],
    ])
  })
})

describe('a registration the platform marks removed', () => {
  it('is not imported, withdraws the runner already in the event under it, and is reported', async () => {
    const { router, all } = await pyongyang()
    unwrap(await importFile(router, csv(['Registration ID,First Name,Last Name,Gender,Event', 'R1,Min-jun,Kim,M,10K', 'R2,Ji-woo,Lee,F,10K'])))
    const next = csv([
      'Registration ID,First Name,Last Name,Gender,Event,Removed',
      'R1,Min-jun,Kim,M,10K,False',
      'R2,Ji-woo,Lee,F,10K,True',
      // Removed before it was ever imported, and with no sex: left out, not refused.
      'R3,Sarah,Jones,,10K,TRUE',
    ])
    expect(unwrap(await previewFile(router, next))).toMatchObject({ mapping: { removed: 5 }, removed: 2, toWithdraw: 1, toAdd: 0, rejectedCount: 0 })
    expect(unwrap(await importFile(router, next))).toMatchObject({ imported: 0, removed: 2, withdrawn: 1, rejected: [] })
    expect((await all()).map((e) => [e.ref, e.status])).toEqual([
      ['R1', 'registered'],
      ['R2', 'withdrawn'],
    ])
  })
})

describe('an export with one row per purchased item', () => {
  it('folds the rows of one registration and name into one entrant, each detail from the row that has it', async () => {
    const { router, all } = await pyongyang()
    const file = csv([
      'Registration ID,First Name,Last Name,Gender,Event,Item,T-Shirt Size',
      'R1,Min-jun,Kim,M,10K,Entry,',
      'R1,Min-jun,Kim,M,10K,T-shirt,L',
      'R1,Min-jun,Kim,M,10K,Donation,',
      // One order for two people: the same number under another name is someone else, and said to be.
      'R2,Ji-woo,Lee,F,10K,Entry,S',
      'R2,Seo-yeon,Lee,F,10K,Entry,M',
      // The same person under the same number but in another race: not folded, and said to be.
      'R3,Bo-ra,Park,F,10K,Entry,',
      'R3,Bo-ra,Park,F,Marathon,Entry,',
    ])
    const preview = unwrap(await previewFile(router, file))
    expect(preview.foldedRows).toEqual([
      { row: 3, into: 2 },
      { row: 4, into: 2 },
    ])
    expect(preview.rejected).toEqual([expect.objectContaining({ row: 6, code: 'DUPLICATE_REF' }), expect.objectContaining({ row: 8, code: 'DUPLICATE_REF' })])
    expect(unwrap(await importFile(router, file, { skipInvalid: true }))).toMatchObject({ imported: 3, foldedRows: [{ row: 3 }, { row: 4 }] })
    expect((await all()).map((e) => [e.ref, e.givenName, e.shirtSize])).toEqual([
      ['R1', 'Min-jun', 'L'],
      ['R2', 'Ji-woo', 'S'],
      ['R3', 'Bo-ra', null],
    ])
  })
})

describe("a Korean platform's export", () => {
  it('splits 성명 as its script and order say, reads 성별 남/여 and 생년월일 as YYMMDD', async () => {
    const { router, all } = await pyongyang()
    const file = csv([
      '참가번호,성명,성별,생년월일,종목',
      'K1,김민준,남,870605,10K',
      'K2,남궁민수,남,900101,10K',
      'K3,이 서연,여,19920315,10K',
      'K4,Mary Smith,여,851224,10K',
    ])
    const preview = unwrap(await previewFile(router, file))
    expect(preview.mapping).toMatchObject({ ref: 0, fullName: 1, sex: 2, birthDate: 3, race: 4 })
    expect(unwrap(await importFile(router, file))).toMatchObject({ imported: 4, rejected: [], noRefColumn: false })
    expect((await all()).map((e) => [e.familyName, e.givenName, e.sex, e.birthDate])).toEqual([
      ['김', '민준', 'M', '1987-06-05'],
      ['남궁', '민수', 'M', '1990-01-01'],
      ['이', '서연', 'F', '1992-03-15'],
      ['Smith', 'Mary', 'F', '1985-12-24'],
    ])
  })
})
