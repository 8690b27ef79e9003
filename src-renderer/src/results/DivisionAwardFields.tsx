import { useTranslation } from 'react-i18next'
import type { DivisionAward } from '../../../src-shared/contract/result-rules'
import { CountField } from '../ui/CountField'

/** The divisions awarded apart: which, the top how many, and whether each sex apart. */
export function DivisionAwardFields({
  awards,
  divisions,
  onChange,
}: {
  awards: DivisionAward[]
  /** The divisions the race's runners are in. */
  divisions: string[]
  onChange: (awards: DivisionAward[]) => void
}) {
  const { t } = useTranslation()
  const awarded = new Set(awards.map((a) => a.name.toLocaleLowerCase('en')))
  const unawarded = divisions.filter((d) => !awarded.has(d.toLocaleLowerCase('en')))
  const set = (i: number, change: Partial<DivisionAward>): void => onChange(awards.map((a, j) => (j === i ? { ...a, ...change } : a)))
  return (
    <fieldset className="span-2 division-awards" data-testid="division-awards">
      <legend>{t('results.rules.divisions')}</legend>
      {divisions.length === 0 && awards.length === 0 && <p className="muted">{t('results.rules.divisionsNone')}</p>}
      {awards.map((award, i) => (
        <div className="form-grid division-award" key={award.name}>
          <div className="field">
            <label htmlFor={`division-${i}`}>{t('results.rules.divisionName')}</label>
            <select id={`division-${i}`} value={award.name} onChange={(e) => set(i, { name: e.target.value })}>
              {[award.name, ...unawarded].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <CountField id={`division-top-${i}`} label={t('results.rules.divisionTop')} value={award.top} min={1} onChange={(top) => set(i, { top })} />
          <label className="checkbox">
            <input type="checkbox" checked={award.bySex} onChange={(e) => set(i, { bySex: e.target.checked })} />
            {t('results.rules.divisionBySex')}
          </label>
          <button type="button" className="button button-quiet" onClick={() => onChange(awards.filter((_, j) => j !== i))}>
            {t('results.rules.divisionRemove', { division: award.name })}
          </button>
        </div>
      ))}
      {unawarded.length > 0 && (
        <button
          type="button"
          className="button"
          onClick={() => onChange([...awards, { name: unawarded[0] as string, top: 3, bySex: true }])}
          data-testid="division-add"
        >
          {t('results.rules.divisionAdd')}
        </button>
      )}
    </fieldset>
  )
}
