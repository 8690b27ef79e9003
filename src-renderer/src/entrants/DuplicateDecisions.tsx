import { useTranslation } from 'react-i18next'
import { defaultDuplicateAction, duplicateActions, type DuplicateAction, type DuplicateFlag, type ImportPreview } from '../../../src-shared/contract/imports'
import { formatDate } from '../ui/format'

export interface Decisions {
  duplicates?: DuplicateAction | undefined
  duplicateRows?: { row: number; action: DuplicateAction }[] | undefined
}

/**
 * Rows that look like runners already in the event, each beside that runner, with what to do:
 * for all of them at once, or row by row. Nothing is decided behind the organiser's back.
 */
export function DuplicateDecisions({
  preview,
  decisions,
  onDecide,
  busy,
}: {
  preview: ImportPreview
  decisions: Decisions
  onDecide: (next: Decisions) => void
  busy: boolean
}) {
  const { t } = useTranslation()
  const decided = preview.duplicates.filter((d) => d.action !== null)
  if (decided.length === 0) return null
  const forAll = decisions.duplicates ?? defaultDuplicateAction
  const rows = decisions.duplicateRows ?? []
  const choose = (row: number, action: DuplicateAction): void =>
    onDecide({ duplicates: forAll, duplicateRows: [...rows.filter((r) => r.row !== row), { row, action }] })
  return (
    <section className="duplicate-decisions" aria-labelledby="duplicate-decisions-title">
      <h3 id="duplicate-decisions-title">{t('importWizard.existingTitle', { count: decided.length })}</h3>
      <p className="muted">{t('importWizard.existingIntro')}</p>
      <fieldset className="duplicate-for-all" disabled={busy}>
        <legend>{t('importWizard.forAll')}</legend>
        {duplicateActions.map((action) => (
          <label key={action} className="radio">
            <input type="radio" name="duplicates-for-all" checked={rows.length === 0 && forAll === action} onChange={() => onDecide({ duplicates: action })} />
            {t(`importWizard.actions.${action}`)}
          </label>
        ))}
      </fieldset>
      <div className="problems-scroll">
        <table className="table duplicates-table">
          <thead>
            <tr>
              <th scope="col">{t('importWizard.rowColumn')}</th>
              <th scope="col">{t('importWizard.inFile')}</th>
              <th scope="col">{t('importWizard.inEvent')}</th>
              <th scope="col">{t('importWizard.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {decided.map((d) => (
              <tr key={d.row} data-testid="duplicate-row">
                <td className="numeric">{d.row}</td>
                <td>
                  <Person person={d.incoming} />
                </td>
                <td>
                  {d.existing !== null && <Person person={d.existing} />}
                  {d.matchedBy === 'email' && <span className="badge">{t('importWizard.sameEmail')}</span>}
                </td>
                <td>
                  <select
                    value={d.action ?? forAll}
                    onChange={(e) => choose(d.row, e.target.value as DuplicateAction)}
                    disabled={busy}
                    aria-label={t('importWizard.decisionFor', { row: d.row })}
                  >
                    {duplicateActions.map((action) => (
                      <option key={action} value={action}>
                        {t(`importWizard.actions.${action}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.duplicatesCount > preview.duplicates.length && (
        <p className="muted">{t('importWizard.existingMore', { count: preview.duplicatesCount - preview.duplicates.length })}</p>
      )}
    </section>
  )
}

function Person({ person }: { person: DuplicateFlag['incoming'] & { bib?: number | null } }) {
  const { t, i18n } = useTranslation()
  const details = [
    person.birthDate === null ? null : t('importWizard.bornOn', { date: formatDate(person.birthDate, i18n.language) }),
    person.race,
    person.club,
    person.email,
    person.ref === null ? null : t('namesake.ref', { ref: person.ref }),
    person.bib == null ? null : t('importWizard.bibNumber', { bib: person.bib }),
  ].filter((part): part is string => part !== null && part !== '')
  return (
    <div className="duplicate-person">
      <strong>{person.name}</strong>
      <span className="tell-apart">{details.join(' · ')}</span>
    </div>
  )
}
