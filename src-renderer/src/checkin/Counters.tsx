import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'

/** Picked up per race, shirts left per size (red when gone), and this desk's pace. */
export function Counters() {
  const { t, i18n } = useTranslation()
  const stats = useCommand('checkin.stats', {}, ['checkin', 'entrants', 'races'])
  if (stats.data === undefined) return null
  const number = new Intl.NumberFormat(i18n.language)
  return (
    <div className="counters" data-testid="counters">
      <dl className="counter-group">
        {stats.data.races.map((race) => (
          <div key={race.raceId} className="counter" data-testid={`counter-race-${race.raceId}`}>
            <dt>{race.race}</dt>
            <dd>
              {t('checkin.counters.pickedUp', { done: number.format(race.pickedUp), total: number.format(race.total) })}
              <progress max={Math.max(1, race.total)} value={race.pickedUp} aria-hidden="true" />
            </dd>
          </div>
        ))}
      </dl>
      {stats.data.shirts.length > 0 && (
        <dl className="counter-group counter-shirts" aria-label={t('checkin.counters.shirts')}>
          {stats.data.shirts.map((s) => (
            <div
              key={s.size}
              className={`counter counter-shirt ${s.left <= 0 ? 'stock-out' : s.left < 10 ? 'stock-low' : ''}`}
              data-testid={`counter-shirt-${s.size}`}
            >
              <dt>{s.size}</dt>
              <dd>{s.left <= 0 ? t('checkin.sizeGone') : t('checkin.shirtsLeft', { count: s.left })}</dd>
            </div>
          ))}
        </dl>
      )}
      <dl className="counter-group counter-desk">
        <div className="counter" data-testid="counter-desk">
          <dt>{t('checkin.counters.thisDesk', { desk: stats.data.desk.name })}</dt>
          <dd>{t('checkin.counters.perHour', { count: stats.data.desk.lastHour })}</dd>
        </div>
      </dl>
    </div>
  )
}
