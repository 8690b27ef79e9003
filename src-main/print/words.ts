import type { PrintLanguage } from '../../src-shared/contract/prints'

// The few words printed around names and numbers, in the language the organiser prints in.
const english = {
  tabs: ['Bag drop', 'Refreshments', 'Medal'],
  wave: (name: string) => `Wave ${name}`,
  bib: 'Bib',
  name: 'Name',
  race: 'Race',
  noBib: '—',
  pickupTitle: 'Packet pickup',
  findYourName: 'Find your family name, then go to the desk for your race with your bib number.',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  sheetsTitle: 'Bib sheets',
  labelsTitle: 'Envelope labels',
  allRaces: 'All races',
  resultsTitle: 'Results',
  awardsTitle: 'Awards',
  certificateTitle: 'Certificate of completion',
  place: 'Place',
  sex: 'Sex',
  category: 'Category',
  gunTime: 'Gun time',
  netTime: 'Net time',
  rankedBy: { gun: 'Places by gun time (official)', net: 'Places by net time' },
  provisional: 'PROVISIONAL',
  sexes: { F: 'Women', M: 'Men', X: 'Non-binary' },
  overall: (sex: string) => `${sex} overall`,
  status: { finished: '', onCourse: 'Not finished', DNS: 'DNS', DNF: 'DNF', DQ: 'DQ' },
  completed: (race: string) => `completed the ${race} in`,
  placeLine: (place: number, of: number) => `Place ${place} of ${of}`,
  sexPlaceLine: (sex: string, place: number) => `${sex}: ${place}`,
  categoryPlaceLine: (category: string, place: number) => `${category}: ${place}`,
}

export type PrintWords = typeof english

const korean: PrintWords = {
  tabs: ['물품 보관', '급수', '메달'],
  wave: (name: string) => `${name} 그룹`,
  bib: '배번',
  name: '이름',
  race: '종목',
  noBib: '—',
  pickupTitle: '배번 수령',
  findYourName: '성(姓)으로 이름을 찾은 뒤, 배번을 들고 종목별 창구로 가세요.',
  page: (page: number, pages: number) => `${pages}쪽 중 ${page}쪽`,
  sheetsTitle: '배번표',
  labelsTitle: '봉투 라벨',
  allRaces: '전 종목',
  resultsTitle: '기록',
  awardsTitle: '시상',
  certificateTitle: '완주 인증서',
  place: '순위',
  sex: '성별',
  category: '연령대',
  gunTime: '총성 기록',
  netTime: '넷 기록',
  rankedBy: { gun: '총성 기록 순위 (공식)', net: '넷 기록 순위' },
  provisional: '잠정',
  sexes: { F: '여자', M: '남자', X: '논바이너리' },
  overall: (sex: string) => `${sex} 종합`,
  status: { finished: '', onCourse: '미완주', DNS: 'DNS', DNF: 'DNF', DQ: '실격' },
  completed: (race: string) => `${race} 완주 기록`,
  placeLine: (place: number, of: number) => `${of}명 중 ${place}위`,
  sexPlaceLine: (sex: string, place: number) => `${sex} ${place}위`,
  categoryPlaceLine: (category: string, place: number) => `${category} ${place}위`,
}

export function printWords(language: PrintLanguage): PrintWords {
  return language === 'ko' ? korean : english
}
