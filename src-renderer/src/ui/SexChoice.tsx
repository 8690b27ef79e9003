import { useTranslation } from 'react-i18next'
import { sexes } from '../../../src-shared/contract/entrants'
import { messageText, type Message } from './messages'

type Sex = (typeof sexes)[number]

/** The three sexes as radio buttons: one look in every form, arrow keys to move, nothing hidden. */
export function SexChoice({
  name,
  label,
  value,
  onChange,
  error,
}: {
  name: string
  label: string
  value: string
  onChange: (sex: Sex) => void
  error?: Message | undefined
}) {
  const { t } = useTranslation()
  return (
    <fieldset className={`field sex-choice ${error !== undefined ? 'field-invalid' : ''}`}>
      <legend>{label}</legend>
      <div className="radio-row">
        {sexes.map((s) => (
          <label key={s} className="radio">
            <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} data-testid={`${name}-${s}`} />
            {t(`entrants.sex.${s}`)}
          </label>
        ))}
      </div>
      {error !== undefined && <p className="field-error">{messageText(t, error)}</p>}
    </fieldset>
  )
}
