// A seeded, realistic big-city event: the same seed gives the same file on every machine.

export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Names repeat the way they do in real fields: a few very common, a long tail (Zipf-like). */
function zipf<T>(items: readonly T[], rnd: () => number): T {
  const index = Math.floor(items.length * Math.pow(rnd(), 2.2))
  return items[Math.min(index, items.length - 1)] as T
}

interface Culture {
  share: number
  nationality: string[]
  family: string[]
  givenM: string[]
  givenF: string[]
  /** The name in the runner's own script: Korean and Chinese family name first, written together. */
  native?: (family: string, given: string, rnd: () => number) => string
}

const koreanFamily = [
  'Kim',
  'Lee',
  'Park',
  'Choi',
  'Jung',
  'Kang',
  'Cho',
  'Yoon',
  'Jang',
  'Lim',
  'Han',
  'Oh',
  'Seo',
  'Shin',
  'Kwon',
  'Hwang',
  'Ahn',
  'Song',
  'Ri',
  'Pak',
]
const koreanFamilyHangul: Record<string, string> = {
  Kim: '김',
  Lee: '이',
  Park: '박',
  Choi: '최',
  Jung: '정',
  Kang: '강',
  Cho: '조',
  Yoon: '윤',
  Jang: '장',
  Lim: '임',
  Han: '한',
  Oh: '오',
  Seo: '서',
  Shin: '신',
  Kwon: '권',
  Hwang: '황',
  Ahn: '안',
  Song: '송',
  Ri: '리',
  Pak: '박',
}
const koreanGiven: [string, string][] = [
  ['Min-jun', '민준'],
  ['Seo-yeon', '서연'],
  ['Ji-ho', '지호'],
  ['Ha-eun', '하은'],
  ['Do-yun', '도윤'],
  ['Ji-woo', '지우'],
  ['Seo-jun', '서준'],
  ['Su-ah', '수아'],
  ['Ye-jun', '예준'],
  ['Ji-yoo', '지유'],
  ['Kyong-hui', '경희'],
  ['Song-il', '성일'],
  ['Chol', '철'],
  ['Yong-ho', '영호'],
  ['Eun-ji', '은지'],
  ['Hyun-woo', '현우'],
]
const chineseFamily: [string, string][] = [
  ['Wang', '王'],
  ['Li', '李'],
  ['Zhang', '张'],
  ['Liu', '刘'],
  ['Chen', '陈'],
  ['Yang', '杨'],
  ['Huang', '黄'],
  ['Zhao', '赵'],
  ['Wu', '吴'],
  ['Zhou', '周'],
]
const chineseGiven: [string, string][] = [
  ['Wei', '伟'],
  ['Fang', '芳'],
  ['Na', '娜'],
  ['Min', '敏'],
  ['Jing', '静'],
  ['Lei', '磊'],
  ['Jun', '军'],
  ['Yang', '洋'],
  ['Yan', '艳'],
  ['Jie', '杰'],
]

const cyrillic: Record<string, string> = {
  Ivanov: 'Иванов',
  Smirnova: 'Смирнова',
  Kuznetsov: 'Кузнецов',
  Popova: 'Попова',
  Sokolov: 'Соколов',
  Lebedeva: 'Лебедева',
  Kozlov: 'Козлов',
  Novikova: 'Новикова',
  Morozov: 'Морозов',
  Petrova: 'Петрова',
  Aleksandr: 'Александр',
  Dmitri: 'Дмитрий',
  Sergei: 'Сергей',
  Andrei: 'Андрей',
  Ivan: 'Иван',
  Yelena: 'Елена',
  Olga: 'Ольга',
  Natalia: 'Наталья',
  Tatiana: 'Татьяна',
  Anna: 'Анна',
}

const cultures: Culture[] = [
  {
    share: 0.3,
    nationality: ['USA', 'GBR', 'CAN', 'AUS', 'IRL', 'NZL'],
    family: [
      'Smith',
      'Jones',
      'Williams',
      'Brown',
      'Taylor',
      'Davies',
      'Wilson',
      'Evans',
      'Thomas',
      'Johnson',
      'Roberts',
      'Walker',
      'Wright',
      'Robinson',
      'Thompson',
      'White',
      'Hughes',
      'Edwards',
      'Green',
      'Hall',
      'Wood',
      'Harris',
      'Lewis',
      'Martin',
      'Jackson',
      'Clarke',
      'Clark',
      'Turner',
      'Hill',
      'Scott',
      'Cooper',
      'Morris',
      'Ward',
      "O'Connor",
      "O'Brien",
      'Murphy',
      'Kelly',
      'Cockerell',
      'MacDonald',
      'Stewart',
    ],
    givenM: [
      'James',
      'John',
      'Robert',
      'Michael',
      'William',
      'David',
      'Richard',
      'Joseph',
      'Thomas',
      'Daniel',
      'Matthew',
      'Simon',
      'Oliver',
      'Jack',
      'Harry',
      'Liam',
      'Noah',
      'Ethan',
    ],
    givenF: [
      'Mary',
      'Patricia',
      'Jennifer',
      'Linda',
      'Elizabeth',
      'Sarah',
      'Jessica',
      'Emily',
      'Emma',
      'Olivia',
      'Sophie',
      'Aoife',
      'Grace',
      'Chloe',
      'Hannah',
      'Lucy',
    ],
  },
  {
    share: 0.15,
    nationality: ['DEU', 'AUT', 'CHE'],
    family: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Schulz',
      'Hoffmann',
      'Schröder',
      'Koch',
      'Bauer',
      'Richter',
      'Klein',
      'Wolf',
      'Schäfer',
      'Neumann',
      'Schwarz',
      'Zimmermann',
      'Krüger',
      'Hofmann',
      'Hartmann',
      'Lange',
      'Köhler',
    ],
    givenM: ['Jörg', 'Jürgen', 'Stefan', 'Michael', 'Andreas', 'Thomas', 'Lukas', 'Jonas', 'Felix', 'Maximilian', 'Björn', 'Uwe'],
    givenF: ['Anna', 'Julia', 'Katharina', 'Lena', 'Sabine', 'Jutta', 'Ursula', 'Jana', 'Sophie', 'Lea', 'Käthe', 'Brigitte'],
  },
  {
    share: 0.12,
    nationality: ['ESP', 'MEX', 'ARG', 'FRA', 'ITA'],
    family: [
      'García',
      'Fernández',
      'González',
      'Rodríguez',
      'López',
      'Martínez',
      'Sánchez',
      'Pérez',
      'Gómez',
      'Martín',
      'Jiménez',
      'Ruiz',
      'Hernández',
      'Díaz',
      'Moreno',
      'García Márquez',
      'Lefèvre',
      'Dubois',
      'Moreau',
      'Laurent',
      'Rossi',
      'Russo',
      'Ferrari',
      'Esposito',
    ],
    givenM: ['José', 'Antonio', 'Manuel', 'Francisco', 'Javier', 'Jesús', 'Ángel', 'François', 'Jérôme', 'Luca', 'Marco'],
    givenF: ['María', 'Lucía', 'Carmen', 'Ana', 'Isabel', 'Laura', 'Amélie', 'Chloé', 'Inès', 'Giulia', 'Sofía'],
  },
  {
    share: 0.25,
    nationality: ['KOR', 'PRK'],
    family: koreanFamily,
    givenM: koreanGiven.filter((_, i) => i % 2 === 0).map(([latin]) => latin),
    givenF: koreanGiven.filter((_, i) => i % 2 === 1).map(([latin]) => latin),
    native: (family, given) => (koreanFamilyHangul[family] ?? '') + (koreanGiven.find(([latin]) => latin === given)?.[1] ?? ''),
  },
  {
    share: 0.12,
    nationality: ['CHN', 'TWN', 'SGP'],
    family: chineseFamily.map(([latin]) => latin),
    givenM: chineseGiven.filter((_, i) => i % 2 === 0).map(([latin]) => latin),
    givenF: chineseGiven.filter((_, i) => i % 2 === 1).map(([latin]) => latin),
    native: (family, given) => (chineseFamily.find(([l]) => l === family)?.[1] ?? '') + (chineseGiven.find(([l]) => l === given)?.[1] ?? ''),
  },
  {
    share: 0.06,
    nationality: ['RUS', 'UKR', 'KAZ'],
    family: ['Ivanov', 'Smirnova', 'Kuznetsov', 'Popova', 'Sokolov', 'Lebedeva', 'Kozlov', 'Novikova', 'Morozov', 'Petrova'],
    givenM: ['Aleksandr', 'Dmitri', 'Sergei', 'Andrei', 'Ivan'],
    givenF: ['Yelena', 'Olga', 'Natalia', 'Tatiana', 'Anna'],
    native: (family, given) => `${cyrillic[given] ?? given} ${cyrillic[family] ?? family}`,
  },
]

export interface GeneratedEntrant {
  ref: string
  bib: number
  race: string
  givenName: string
  familyName: string
  nativeName: string
  sex: 'F' | 'M' | 'X'
  birthDate: string
  nationality: string
  club: string
  email: string
  shirt: string
}

export const benchRaces = [
  { name: 'Marathon', distanceM: 42195, share: 0.6 },
  { name: 'Half Marathon', distanceM: 21097, share: 0.25 },
  { name: '10K', distanceM: 10000, share: 0.15 },
] as const

const clubs = [
  '',
  '',
  '',
  'Pyongyang Harriers',
  'Koryo Runners',
  'Chollima RC',
  'Seoul Striders',
  'Berlin Läufer',
  'Club Atlético Madrid',
  'London Road Runners',
]
const shirts = ['XS', 'S', 'M', 'M', 'L', 'L', 'XL', 'XXL']

/** Ages and sexes as in big-city marathon fields: mostly 30–50, about 40 % women, a few X. */
export function generateEntrants(count: number, seed = 42): GeneratedEntrant[] {
  const rnd = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T
  const entrants: GeneratedEntrant[] = []
  for (let i = 0; i < count; i++) {
    let roll = rnd()
    const culture = cultures.find((c) => (roll -= c.share) < 0) ?? (cultures[0] as Culture)
    const sexRoll = rnd()
    const sex = sexRoll < 0.595 ? 'M' : sexRoll < 0.995 ? 'F' : 'X'
    const familyName = zipf(culture.family, rnd)
    const givenName = zipf(sex === 'F' ? culture.givenF : sex === 'M' ? culture.givenM : [...culture.givenF, ...culture.givenM], rnd)
    const age = Math.max(18, Math.min(85, Math.round(40 + (rnd() + rnd() + rnd() - 1.5) * 20)))
    const birthYear = 2025 - age - (rnd() < 0.3 ? 1 : 0)
    const birthDate = `${birthYear}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`
    let raceRoll = rnd()
    const race = benchRaces.find((r) => (raceRoll -= r.share) < 0) ?? benchRaces[0]
    entrants.push({
      ref: String(5_000_000 + i),
      bib: i + 1,
      race: race.name,
      givenName,
      familyName,
      nativeName: culture.native?.(familyName, givenName, rnd) ?? '',
      sex,
      birthDate,
      nationality: pick(culture.nationality),
      club: pick(clubs),
      email: `runner${i}@example.com`,
      shirt: pick(shirts),
    })
  }
  return entrants
}

function quote(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** As a registration platform exports it: M/D/Y dates, a native-name column. */
export function toPlatformCsv(entrants: GeneratedEntrant[]): string {
  const header = 'Registration ID,Bib,Event,First Name,Last Name,Gender,DOB,Email,Country,T-Shirt Size,Team Name,Native Name'
  const lines = entrants.map((e) => {
    const [y, m, d] = e.birthDate.split('-')
    return [e.ref, String(e.bib), e.race, e.givenName, e.familyName, e.sex, `${m}/${d}/${y}`, e.email, e.nationality, e.shirt, e.club, e.nativeName]
      .map(quote)
      .join(',')
  })
  return `${header}\n${lines.join('\n')}\n`
}
