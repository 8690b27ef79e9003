// finish.nearmiss.p99: the candidates for a mistyped bib on a 50,000-runner race day, as the
// finish desk asks while the official types.
import type { Session } from '../src-shared/contract'
import type { Office } from '../src-main/office/office'
import { random } from './generate'

const finish: Session = { role: 'finish', actor: 'bench', desk: 'finish-1' }

/** One keypad slip of a bib, as officials make them: a neighbouring key, a swap, a digit missed, doubled or unread. */
function typo(bib: string, rnd: () => number): string {
  const at = Math.floor(rnd() * bib.length)
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return bib.slice(0, at) + String((Number(bib[at]) + 1) % 10) + bib.slice(at + 1)
    case 1:
      return at + 1 < bib.length ? bib.slice(0, at) + bib[at + 1] + bib[at] + bib.slice(at + 2) : bib + bib.at(-1)
    case 2:
      return bib.length > 1 ? bib.slice(0, at) + bib.slice(at + 1) : `${bib}0`
    case 3:
      return bib.slice(0, at) + bib[at] + bib.slice(at)
    default:
      return bib.slice(0, at) + '*' + bib.slice(at + 1)
  }
}

export async function nearMissTimes(office: Office, count: number): Promise<{ times: number[]; floors: number[] }> {
  const bibs = (office.file.sqlite.prepare('select bib from entrant where bib is not null').all() as { bib: number }[]).map((r) => r.bib)
  const rnd = random(17)
  const times: number[] = []
  const floors: number[] = []
  for (let i = 0; i < count; i++) {
    const bib = bibs[Math.floor(rnd() * bibs.length)] as number
    const typed = typo(String(bib), rnd)
    let start = performance.now()
    const answer = await office.router.call('timing.nearMiss', { typed }, finish)
    times.push(performance.now() - start)
    if (!answer.ok) throw new Error(answer.error.message)
    // The floor: the smallest read through the same path (the timing points, one short select).
    start = performance.now()
    await office.router.call('timing.points', {}, finish)
    floors.push(performance.now() - start)
  }
  return { times, floors }
}
