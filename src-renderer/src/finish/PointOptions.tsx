import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'

/** The options of a timing-point select: finish, start, then the organiser's splits. */
export function PointOptions() {
  const { t } = useTranslation()
  const points = useCommand('timing.points', {}, ['timing'])
  return (
    <>
      <option value="finish">{t('finish.points.finish')}</option>
      <option value="start">{t('finish.points.start')}</option>
      {points.data?.splits.map((s) => (
        <option key={s.name} value={s.name}>
          {s.name}
        </option>
      ))}
    </>
  )
}
