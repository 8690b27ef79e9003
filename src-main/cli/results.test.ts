import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { pdfPageCount, pdfText } from '../../tests/support/pdf'
import { runCliProcess } from '../../tests/support/cli'
import { tempDir } from '../../tests/support/temp-event'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures')

/** The Seoul 10K with 22 runners, a gun at 10:00 and the fixture's finish reads. */
async function finishedRace(dir: string): Promise<string> {
  const file = join(dir, 'event.raceoffice')
  expect((await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])).code).toBe(0)
  const entries = join(dir, 'entries.csv')
  const names = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han']
  writeFileSync(
    entries,
    [
      'Bib,First Name,Last Name,Gender,Age,Event',
      ...Array.from({ length: 22 }, (_, i) => `${i + 1},Runner${i + 1},${names[i % 11]},${i % 2 === 0 ? 'F' : 'M'},${25 + i},10K`),
    ].join('\n'),
  )
  expect((await runCliProcess(['import', file, entries])).code).toBe(0)
  expect((await runCliProcess(['clock', 'set', file, '--race', '10K', '--at', '09:30:00'])).code).toBe(0)
  expect((await runCliProcess(['reads', 'import', file, join(fixtures, 'reads-finish.csv')])).code).toBe(0)
  return file
}

describe('race-office races update', () => {
  it('sets the ranking basis and precision of a race from a script, and refuses what is not a rule', async () => {
    const dir = tempDir()
    const file = join(dir, 'event.raceoffice')
    await runCliProcess(['init', file, '--name', 'Seoul 10K', '--date', '2025-04-06', '--tz', 'Asia/Seoul', '--race', '10K:10000:1-99'])
    const run = await runCliProcess(['races', 'update', file, '--race', '10k', '--ranking', 'net', '--precision', 'ds', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ name: '10K', rules: { ranking: 'net', precision: 'ds', awardOverall: 3 } })
    expect((await runCliProcess(['races', 'update', file, '--race', '10K', '--ranking', 'chip'])).code).toBe(2)
    expect((await runCliProcess(['races', 'update', file, '--race', 'Marathon', '--ranking', 'gun'])).stderr).toMatch(/no race called Marathon/)
  })
})

describe('race-office results for other platforms, and the participant file', () => {
  it('writes ITRA’s workbook and UltraSignup’s CSV for one race, and the timing system’s participants', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const file = await finishedRace(dir)
    const itra = join(dir, 'itra.xlsx')
    expect((await runCliProcess(['results', file, '--format', 'itra', '--race', '10K'])).code).toBe(2)
    const made = await runCliProcess(['results', file, '--format', 'itra', '--race', '10K', '--out', itra])
    expect(made.stdout).toMatch(/ITRA result file/)
    expect(readFileSync(itra).subarray(0, 2).toString()).toBe('PK')
    const ultra = await runCliProcess(['results', file, '--format', 'ultrasignup', '--race', '10K'])
    const rows = Papa.parse<Record<string, string>>(ultra.stdout, { header: true, skipEmptyLines: true }).data
    expect(Object.keys(rows[0] ?? {})).toEqual(['place', 'time', 'first', 'last', 'age', 'gender', 'dob', 'bib', 'status'])
    const finished = (JSON.parse((await runCliProcess(['results', file, '--format', 'json'])).stdout) as { status: string }[]).filter(
      (r) => r.status === 'finished',
    )
    expect(rows.filter((r) => r['status'] === '1')).toHaveLength(finished.length)
    const participants = await runCliProcess(['entrants', file, '--format', 'participants'])
    expect(participants.stdout.split('\r\n')[0]).toBe('bib,chip,chip2,firstName,lastName,sex,birthDate,age,category,race,wave,club,nationality')
    expect(participants.stdout.split('\r\n')).toHaveLength(23)
  })
})

describe('race-office results', () => {
  it('writes JSON rows with the public fields, and a CSV with the same places and times', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const file = await finishedRace(dir)
    const json = await runCliProcess(['results', file, '--format', 'json'])
    expect(json.code).toBe(0)
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[]
    expect(rows).toHaveLength(22)
    // Bib 20 crossed first at 10:15:03.686: 45:03.686 after the gun, 45:04 rounded up.
    expect(rows[0]).toMatchObject({
      race: '10K',
      bib: 20,
      givenName: 'Runner20',
      familyName: 'Jang',
      sex: 'M',
      category: 'M40',
      status: 'finished',
      gunTimeMs: 2_704_000,
      netTimeMs: 2_704_000,
      place: 1,
      sexPlace: 1,
      categoryPlace: 1,
    })
    expect(rows.filter((r) => r.status === 'onCourse')).toHaveLength(13)
    const out = join(dir, 'results.csv')
    expect((await runCliProcess(['results', file, '--race', '10K', '--format', 'csv', '--out', out])).code).toBe(0)
    const csv = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
    expect(csv).toHaveLength(22)
    expect(csv[0]).toMatchObject({
      race: '10K',
      place: '1',
      bib: '20',
      familyName: 'Jang',
      gunTime: '45:04',
      gunTimeMs: '2704000',
      sexPlace: '1',
      status: 'finished',
    })
    expect(csv.map((r) => [r.bib, r.place])).toEqual(rows.map((r) => [String(r.bib), r.place === null ? '' : String(r.place)]))
  })

  it('writes a results site folder and PDF result lists, award lists and certificates whose text reads back', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const file = await finishedRace(dir)
    const site = join(dir, 'site')
    const html = await runCliProcess(['results', file, '--format', 'html', '--out', site])
    expect(html.code).toBe(0)
    expect(existsSync(join(site, 'index.html'))).toBe(true)
    expect(readFileSync(join(site, '10k.html'), 'utf8')).toContain('"Runner20 Jang"')
    const pdf = join(dir, 'results.pdf')
    expect((await runCliProcess(['results', file, '--format', 'pdf', '--out', pdf])).code).toBe(0)
    const text = pdfText(pdf)
    expect(text).toContain('Seoul 10K')
    expect(text).toMatch(/1\s+20\s+Runner20 Jang\s+M ?1\s+M40 ?1\s+45:04\s+45:04/)
    expect(text).toContain('PROVISIONAL')
    expect(text).toContain('Places by gun time (official)')
    const awards = join(dir, 'awards.pdf')
    expect((await runCliProcess(['results', file, '--awards', '--out', awards, '--lang', 'ko'])).code).toBe(0)
    expect(pdfText(awards)).toMatch(/남자 종합[\s\S]*Runner20 Jang/)
    const certificates = join(dir, 'certificates.pdf')
    expect((await runCliProcess(['results', file, '--certificates', '--out', certificates])).code).toBe(0)
    expect(pdfPageCount(certificates)).toBe(9)
    const one = join(dir, 'one.pdf')
    expect((await runCliProcess(['results', file, '--certificates', '--bib', '20', '--out', one])).code).toBe(0)
    expect(pdfText(one)).toMatch(/Runner20 Jang[\s\S]*completed the 10K in[\s\S]*45:04[\s\S]*Place 1 of 9/)
    expect((await runCliProcess(['results', file, '--format', 'pdf'])).code).toBe(2)
  })
})

describe('race-office results --teams', () => {
  it('sets a race’s team scoring and writes its team results as JSON, CSV and PDF', async () => {
    const dir = tempDir()
    const file = join(dir, 'event.raceoffice')
    expect((await runCliProcess(['init', file, '--name', 'Club 8K', '--date', '2025-04-06', '--tz', 'UTC', '--race', '8K:8000:1-99'])).code).toBe(0)
    const entries = join(dir, 'entries.csv')
    writeFileSync(
      entries,
      'bib,first_name,last_name,gender,club\n1,Ana,Kim,F,Alpha\n2,Bo,Lee,M,Bravo\n3,Cy,Park,M,Alpha\n4,Di,Choi,F,Bravo\n5,Eun,Seo,F,Charlie\n',
    )
    expect((await runCliProcess(['import', file, entries, '--race', '8K'])).code).toBe(0)
    expect((await runCliProcess(['clock', 'set', file, '--race', '8K', '--at', '09:00:00'])).code).toBe(0)
    const tape = join(dir, 'tape.txt')
    writeFileSync(tape, 'Bib,Time\n1,0:30:00\n2,0:30:10\n3,0:30:20\n4,0:30:30\n5,0:30:40\n')
    expect((await runCliProcess(['times', 'import', file, tape])).code).toBe(0)

    const set = await runCliProcess([
      'races',
      'update',
      file,
      '--race',
      '8K',
      '--teams-score',
      'places',
      '--teams-size',
      '2',
      '--teams-sex',
      'mixed:1',
      '--award-teams',
      '1',
    ])
    expect(set.stdout).toMatch(/top 1 teams; teams: Teams by club · first 2 score · mixed, at least 1 of each sex · sum of places among team runners/)
    const json = await runCliProcess(['results', file, '--teams', '--format', 'json'])
    expect(JSON.parse(json.stdout)).toEqual([
      {
        race: '8K',
        team: 'Alpha',
        sex: null,
        place: 1,
        score: 1 + 3,
        scorers: [
          { bib: 1, place: 1, timeMs: 1_800_000 },
          { bib: 3, place: 3, timeMs: 1_820_000 },
        ],
        complete: true,
      },
      {
        race: '8K',
        team: 'Bravo',
        sex: null,
        place: 2,
        score: 2 + 4,
        scorers: [
          { bib: 2, place: 2, timeMs: 1_810_000 },
          { bib: 4, place: 4, timeMs: 1_830_000 },
        ],
        complete: true,
      },
      { race: '8K', team: 'Charlie', sex: null, place: null, score: 5, scorers: [{ bib: 5, place: 5, timeMs: 1_840_000 }], complete: false },
    ])
    const csv = await runCliProcess(['results', file, '--teams', '--format', 'csv'])
    expect(csv.stdout).toMatch(/8K,1,Alpha,,4,yes,"1 Ana Kim \(1, 30:00\); 3 Cy Park \(3, 30:20\)"/)
    const pdf = join(dir, 'teams.pdf')
    expect((await runCliProcess(['results', file, '--teams', '--format', 'pdf', '--out', pdf])).stdout).toMatch(/Team results: 3 teams on 1 pages/)
    expect(pdfText(pdf)).toMatch(/Team results · All races[\s\S]*first 2 score[\s\S]*Alpha\s+4/)
  })
})
