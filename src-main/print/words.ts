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
}

export function printWords(language: PrintLanguage): PrintWords {
  return language === 'ko' ? korean : english
}
