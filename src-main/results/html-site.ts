import type { ResultRow } from '../../src-shared/contract/results'
import { formatAgeGrade, formatResultTime } from '../../src-shared/results/format'
import type { RaceStanding } from './engine'
import { raceInfo } from './rows'
import { personName } from '../../src-shared/names/person-name'
import type { CommandOutput } from '../../src-shared/contract'
import { teamRuleText, teamScoreText } from './team-exports'

// The results as a static site: one folder, an index and a page per race, each page carrying its
// rows as data and a few lines of script to search and filter by sex and category — it works from
// a USB stick or any web space, without a server. Every name reaches the page as text, never as markup.

const words = {
  en: {
    results: 'Results',
    races: 'Races',
    search: 'Search name, bib or club',
    allSexes: 'Everyone',
    sexes: { F: 'Women', M: 'Men', X: 'Non-binary' },
    allCategories: 'All categories',
    division: 'Division',
    allDivisions: 'All divisions',
    place: 'Place',
    bib: 'Bib',
    name: 'Name',
    sex: 'Sex',
    category: 'Category',
    gun: 'Gun time',
    net: 'Net time',
    ageGrade: 'Age grade',
    club: 'Club',
    status: { finished: '', onCourse: 'Not finished', DNS: 'DNS', DNF: 'DNF', DQ: 'DQ' },
    rankedBy: { gun: 'Places by gun time (official, World Athletics)', net: 'Places by net time (from the start line)' },
    provisional: 'Provisional results: still being checked.',
    finishers: (n: number) => `${n} finishers`,
    shown: '{n} of {of} shown',
    more: 'Show more',
    back: 'All races',
    teams: 'Teams',
    team: 'Team',
    score: 'Score',
    scorers: 'Scorers',
    incomplete: 'incomplete',
  },
  ko: {
    results: '기록',
    races: '종목',
    search: '이름, 배번, 클럽 검색',
    allSexes: '전체',
    sexes: { F: '여자', M: '남자', X: '논바이너리' },
    allCategories: '전체 연령대',
    division: '디비전',
    allDivisions: '전체 디비전',
    place: '순위',
    bib: '배번',
    name: '이름',
    sex: '성별',
    category: '연령대',
    gun: '총성 기록',
    net: '넷 기록',
    ageGrade: '연령 환산',
    club: '클럽',
    status: { finished: '', onCourse: '미완주', DNS: 'DNS', DNF: 'DNF', DQ: '실격' },
    rankedBy: { gun: '총성 기록 순위 (공식, 세계육상연맹)', net: '넷 기록 순위 (출발선 통과부터)' },
    provisional: '잠정 기록: 확인 중입니다.',
    finishers: (n: number) => `완주 ${n}명`,
    shown: '{of}명 중 {n}명 표시',
    more: '더 보기',
    back: '전 종목',
    teams: '팀',
    team: '팀',
    score: '점수',
    scorers: '득점 선수',
    incomplete: '인원 부족',
  },
}
export type SiteLanguage = keyof typeof words

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
/** JSON inside a script element: nothing in it may close the element or break the script. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

export function slugOf(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'race'
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  taken.add(slug)
  return slug
}

const style = `
:root{font-family:system-ui,"Noto Sans KR",sans-serif;color:#1b1f24;background:#f6f7f9}
body{margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:20px;margin:0 0 12px;font-weight:500;color:#4a5562}
.note{margin:8px 0 16px;color:#4a5562}.provisional{background:#fff4d6;border:1px solid #e0b43a;padding:8px 12px;border-radius:6px}
.filters{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}.filters input,.filters select{font:inherit;padding:8px 10px;border:1px solid #b9c1cb;border-radius:6px;background:#fff}
.filters input{flex:1;min-width:220px}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden}
th,td{padding:8px 10px;text-align:left;border-bottom:1px solid #e5e8ec;font-variant-numeric:tabular-nums}
th{background:#eef1f4;font-weight:600;font-size:14px}td.num,th.num{text-align:right}
ul.races{list-style:none;padding:0}ul.races li{margin:8px 0;font-size:20px}a{color:#1f4e79}
.cats a{margin-right:10px}button{font:inherit;padding:8px 16px;margin:12px 0;border-radius:6px;border:1px solid #1f4e79;background:#fff;color:#1f4e79;cursor:pointer}
`

// Rows as compact arrays: [place, bib, name, sex, sexPlace, category, categoryPlace, gun, net, club,
// status, ageGrade, [[division, place]…]]. Links: #category=M40, #division=Wheelchair, or both.
const script = `
const data=JSON.parse(document.getElementById('rows').textContent);
const q=document.getElementById('q'),sex=document.getElementById('sex'),cat=document.getElementById('cat'),div=document.getElementById('div'),body=document.getElementById('body'),count=document.getElementById('count'),more=document.getElementById('more');
const t=JSON.parse(document.getElementById('words').textContent);let limit=500;
function fromHash(){const c=/category=([^&]*)/.exec(location.hash),d=/division=([^&]*)/.exec(location.hash);cat.value=c?decodeURIComponent(c[1]):'';if(div)div.value=d?decodeURIComponent(d[1]):'';}
function toHash(){const parts=[];if(cat.value)parts.push('category='+encodeURIComponent(cat.value));if(div&&div.value)parts.push('division='+encodeURIComponent(div.value));location.hash=parts.join('&');}
function cell(row,text,cls){const td=document.createElement('td');td.textContent=text==null?'':String(text);if(cls)td.className=cls;row.appendChild(td);}
function draw(){const words=q.value.toLowerCase().split(/\\s+/).filter(Boolean),d=div?div.value:'';
const list=data.filter(r=>(!sex.value||r[3]===sex.value)&&(!cat.value||r[5]===cat.value)&&(!d||r[12].some(x=>x[0]===d))&&words.every(w=>String(r[1])===w||(r[2]+' '+r[9]).toLowerCase().includes(w)));
body.replaceChildren();for(const r of list.slice(0,limit)){const tr=document.createElement('tr');cell(tr,r[0]??t.status[r[10]],'num');cell(tr,r[1],'num');cell(tr,r[2]);cell(tr,r[4]==null?r[3]:r[3]+' '+r[4]);cell(tr,r[5]==null?'':r[5]+(r[6]==null?'':' '+r[6]));
if(div)cell(tr,r[12].filter(x=>!d||x[0]===d).map(x=>x[1]==null?x[0]:x[0]+' '+x[1]).join(' · '));cell(tr,r[7],'num');cell(tr,r[8],'num');if(t.graded)cell(tr,r[11],'num');cell(tr,r[9]);body.appendChild(tr);}
count.textContent=t.shown.replace('{n}',Math.min(limit,list.length)).replace('{of}',list.length);more.hidden=list.length<=limit;}
q.addEventListener('input',()=>{limit=500;draw();});sex.addEventListener('change',draw);cat.addEventListener('change',()=>{toHash();draw();});if(div)div.addEventListener('change',()=>{toHash();draw();});
more.addEventListener('click',()=>{limit+=500;draw();});window.addEventListener('hashchange',()=>{fromHash();draw();});fromHash();draw();
`

function page(lang: SiteLanguage, title: string, body: string): string {
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>\n`
}

/** The team results of every team-scoring race on one page, each list with its rule said. */
export function teamsPage(eventName: string, teams: CommandOutput<'results.teams'>, lang: SiteLanguage, provisional: boolean): string {
  const w = words[lang]
  const warning = provisional ? `<p class="note provisional">${escapeHtml(w.provisional)}</p>` : ''
  const sections = teams.races.map(({ race, rules, teams: list }) => {
    const rows = list
      .map((t) => {
        const scorers = t.scorers
          .map((s) => `${s.bib ?? ''} ${escapeHtml(s.name)} (${s.place}, ${formatResultTime(s.timeMs, race.rules.precision)})`)
          .join(' · ')
        const sex = t.sex === null ? '' : ` <span class="note">${escapeHtml(w.sexes[t.sex])}</span>`
        return `<tr><td class="num">${t.place ?? escapeHtml(w.incomplete)}</td><td>${escapeHtml(t.team)}${sex}</td><td class="num">${escapeHtml(teamScoreText(t.score, rules, race.rules.precision))}</td><td>${scorers}</td></tr>`
      })
      .join('')
    return `<h2 id="${escapeHtml(slugOf(race.name, new Set()))}">${escapeHtml(race.name)}</h2><p class="note">${escapeHtml(teamRuleText(rules, lang))}</p>
<table><thead><tr><th class="num">${w.place}</th><th>${w.team}</th><th class="num">${w.score}</th><th>${w.scorers}</th></tr></thead><tbody>${rows}</tbody></table>`
  })
  return page(
    lang,
    `${w.teams} — ${eventName}`,
    `<p><a href="index.html">← ${escapeHtml(w.back)}</a></p><h1>${escapeHtml(eventName)}</h1><h2>${escapeHtml(w.teams)}</h2>${warning}${sections.join('')}`,
  )
}

/** The site's files by path, under one folder. */
export function resultsSite(
  eventName: string,
  results: readonly { race: RaceStanding; rows: readonly ResultRow[] }[],
  provisional: boolean,
  lang: SiteLanguage,
  teams: CommandOutput<'results.teams'> = { races: [] },
): Map<string, string> {
  const w = words[lang]
  const files = new Map<string, string>()
  const taken = new Set(['index', 'teams'])
  const warning = provisional ? `<p class="note provisional">${escapeHtml(w.provisional)}</p>` : ''
  const links: string[] = []
  for (const { race, rows } of results) {
    const slug = slugOf(race.name, taken)
    const info = raceInfo(race)
    const time = (ms: number | null): string => formatResultTime(ms, race.rules.precision)
    const data = rows.map((r) => [
      r.place,
      r.bib,
      personName(r.givenName, r.familyName) + (r.secondName ? ` (${r.secondName})` : ''),
      r.sex,
      r.sexPlace,
      r.category,
      r.categoryPlace,
      time(r.gunTimeMs),
      time(r.netTimeMs),
      r.club ?? '',
      r.status,
      formatAgeGrade(r.ageGradePct),
      r.division.map((d, i) => [d, r.divisionPlaces[i] ?? null]),
    ])
    const graded = race.ageTable !== null
    const divisions = info.divisions.length > 0
    const sexOptions = (['F', 'M', 'X'] as const)
      .filter((s) => rows.some((r) => r.sex === s))
      .map((s) => `<option value="${s}">${escapeHtml(w.sexes[s])}</option>`)
      .join('')
    const categoryOptions = info.categories.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join('')
    const categoryLinks = info.categories.map((c) => `<a href="#category=${encodeURIComponent(c)}">${escapeHtml(c)}</a>`).join('')
    const divisionOptions = info.divisions.map((d) => `<option value="${escapeHtml(d)}">${escapeHtml(d)}</option>`).join('')
    const divisionLinks = info.divisions.map((d) => `<a href="#division=${encodeURIComponent(d)}">${escapeHtml(d)}</a>`).join('')
    const body = `<p><a href="index.html">← ${escapeHtml(w.back)}</a></p>
<h1>${escapeHtml(race.name)}</h1><h2>${escapeHtml(eventName)} · ${escapeHtml(w.finishers(info.counts.finished))}</h2>
<p class="note">${escapeHtml(w.rankedBy[race.rules.ranking])}</p>${warning}
<p class="cats">${categoryLinks}</p>${divisions ? `<p class="cats divisions">${divisionLinks}</p>` : ''}
<div class="filters"><input id="q" type="search" placeholder="${escapeHtml(w.search)}" aria-label="${escapeHtml(w.search)}">
<select id="sex" aria-label="${escapeHtml(w.sex)}"><option value="">${escapeHtml(w.allSexes)}</option>${sexOptions}</select>
<select id="cat" aria-label="${escapeHtml(w.category)}"><option value="">${escapeHtml(w.allCategories)}</option>${categoryOptions}</select>${divisions ? `<select id="div" aria-label="${escapeHtml(w.division)}"><option value="">${escapeHtml(w.allDivisions)}</option>${divisionOptions}</select>` : ''}</div>
<p id="count" class="note"></p>
<table><thead><tr><th class="num">${w.place}</th><th class="num">${w.bib}</th><th>${w.name}</th><th>${w.sex}</th><th>${w.category}</th>${divisions ? `<th>${w.division}</th>` : ''}<th class="num">${w.gun}</th><th class="num">${w.net}</th>${graded ? `<th class="num">${w.ageGrade}</th>` : ''}<th>${w.club}</th></tr></thead><tbody id="body"></tbody></table>
<button id="more" type="button" hidden>${escapeHtml(w.more)}</button>
<script type="application/json" id="rows">${scriptJson(data)}</script>
<script type="application/json" id="words">${scriptJson({ status: w.status, shown: w.shown, graded })}</script>
<script>${script}</script>`
    files.set(`${slug}.html`, page(lang, `${race.name} — ${eventName}`, body))
    links.push(`<li><a href="${slug}.html">${escapeHtml(race.name)}</a> <span class="note">${escapeHtml(w.finishers(info.counts.finished))}</span></li>`)
  }
  if (teams.races.length > 0) {
    files.set('teams.html', teamsPage(eventName, teams, lang, provisional))
    links.push(`<li><a href="teams.html">${escapeHtml(w.teams)}</a></li>`)
  }
  files.set(
    'index.html',
    page(
      lang,
      `${eventName} — ${w.results}`,
      `<h1>${escapeHtml(eventName)}</h1><h2>${escapeHtml(w.results)}</h2>${warning}<ul class="races">${links.join('')}</ul>`,
    ),
  )
  return files
}
