import { useTranslation } from 'react-i18next'
import { Choice } from './Choice'

/**
 * A shirt size chosen from the sizes the event hands out, with what is left of each. A size the
 * runner has that the event does not stock (an import's odd one) stays choosable, so opening a
 * form never changes it.
 */
export function ShirtSizeChoice({
  id,
  label,
  value,
  stocked,
  noneLabel,
  onChange,
}: {
  id: string
  label: string
  value: string
  stocked: readonly { size: string; left: number }[]
  noneLabel: string
  onChange: (size: string) => void
}) {
  const { t } = useTranslation()
  const known = stocked.some((s) => s.size === value)
  const options = [
    ['', noneLabel] as const,
    ...(value !== '' && !known ? [[value, value] as const] : []),
    ...stocked.map((s) => [s.size, `${s.size} — ${s.left <= 0 ? t('checkin.sizeGone') : t('checkin.shirtsLeft', { count: s.left })}`] as const),
  ]
  return <Choice id={id} label={label} value={value} options={options} onChange={onChange} />
}
