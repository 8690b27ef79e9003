import { useTranslation } from 'react-i18next'
import type { Desk } from '../app/desks'

/** A desk of a later version: says what it will do, so a volunteer is never left guessing. */
export function PlannedDesk({ desk }: { desk: Exclude<Desk, 'setup' | 'entrants' | 'bibs' | 'checkin' | 'finish'> }) {
  const { t } = useTranslation()
  const name = t(`desks.${desk}`)
  return (
    <section className="planned" aria-labelledby="planned-title">
      <h1 id="planned-title">{name}</h1>
      <div className="card planned-card">
        <h2>{t('planned.title', { desk: name })}</h2>
        <p className="planned-what">{t(`planned.${desk}`)}</p>
        <p className="muted">{t('planned.body')}</p>
      </div>
    </section>
  )
}
