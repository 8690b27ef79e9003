import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandInput } from '../../../src-shared/contract'
import { importFields, type ColumnMapping, type ImportField, type ImportPreview, type ImportResult } from '../../../src-shared/contract/imports'
import { DuplicateDecisions } from './DuplicateDecisions'
import { useClient, useCommand } from '../client/use-command'
import { Dialog } from '../ui/Dialog'
import { ErrorBanner } from '../ui/ErrorBanner'
import { FileButton } from '../ui/FileButton'
import { useNotify } from '../ui/Notices'
import { uploadFile } from './upload-file'
import { useCall } from '../client/use-call'

type Step = { name: 'file' } | { name: 'columns'; preview: ImportPreview } | { name: 'check'; preview: ImportPreview } | { name: 'done'; result: ImportResult }
type Options = Omit<CommandInput<'imports.preview'>, 'id'>

/** File → columns → check → done. Nothing is written before the last step's button. */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const notify = useNotify()
  const races = useCommand('races.list', {}, ['races'])
  const [step, setStep] = useState<Step>({ name: 'file' })
  const [options, setOptions] = useState<Options>({})
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const { call, failure, setFailure } = useCall()
  const [id, setId] = useState<string | null>(null)

  async function choose(file: File): Promise<void> {
    setFailure(null)
    setBusy(t('importWizard.uploading', { name: file.name, percent: 0 }))
    const uploaded = await uploadFile(client, file, (fraction) =>
      setBusy(t('importWizard.uploading', { name: file.name, percent: Math.round(fraction * 100) })),
    )
    if (!uploaded.ok) {
      setBusy(null)
      return setFailure(uploaded.error)
    }
    setId(uploaded.value)
    setBusy(t('importWizard.reading'))
    const preview = await call('imports.preview', { id: uploaded.value })
    setBusy(null)
    if (!preview.ok) return
    setOptions({ mapping: preview.value.mapping })
    setStep({ name: 'columns', preview: preview.value })
  }

  /** Another sheet of the workbook: its own columns, so its own guess of them. */
  async function chooseSheet(sheet: string): Promise<void> {
    if (id === null) return
    setBusy(t('importWizard.reading'))
    const preview = await call('imports.preview', { id, sheet })
    setBusy(null)
    if (!preview.ok) return
    setOptions({ mapping: preview.value.mapping, sheet })
    setStep({ name: 'columns', preview: preview.value })
  }

  async function check(next: Options): Promise<void> {
    if (id === null) return
    setBusy(t('importWizard.reading'))
    const preview = await call('imports.preview', { id, ...next })
    setBusy(null)
    if (!preview.ok) return
    setStep({ name: 'check', preview: preview.value })
  }

  /** A decision on duplicates changes the tallies: the file is checked again with it. */
  function decide(next: Options): void {
    setOptions(next)
    void check(next)
  }

  async function commit(): Promise<void> {
    if (id === null) return
    setBusy(t('importWizard.importing'))
    const result = await call('imports.commit', { id, ...options, skipInvalid })
    setBusy(null)
    if (!result.ok) return
    setStep({ name: 'done', result: result.value })
    notify(t('importWizard.done', result.value))
  }

  function close(): void {
    if (id !== null && step.name !== 'done') void client.call('imports.discard', { id })
    onClose()
  }

  const stepNames = ['file', 'columns', 'check', 'done'] as const
  return (
    <Dialog title={t('importWizard.title')} labelledBy="import-title" onClose={close}>
      <ol className="steps" aria-label={t('importWizard.title')}>
        {stepNames.map((name) => (
          <li key={name} aria-current={step.name === name ? 'step' : undefined}>
            {t(`importWizard.steps.${name}`)}
          </li>
        ))}
      </ol>
      <ErrorBanner error={failure} />
      {busy !== null && (
        <p className="busy" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> {busy}
        </p>
      )}
      {step.name === 'file' && busy === null && <FileStep onChoose={(file) => void choose(file)} />}
      {step.name === 'columns' && (
        <ColumnsStep
          preview={step.preview}
          options={options}
          races={(races.data ?? []).map((r) => r.name)}
          onChange={setOptions}
          onSheet={(sheet) => void chooseSheet(sheet)}
          onNext={() => void check(options)}
          busy={busy !== null}
        />
      )}
      {step.name === 'check' && (
        <CheckStep
          preview={step.preview}
          options={options}
          onDecide={decide}
          skipInvalid={skipInvalid}
          onSkipInvalid={setSkipInvalid}
          onBack={() => setStep({ name: 'columns', preview: step.preview })}
          onImport={() => void commit()}
          busy={busy !== null}
        />
      )}
      {step.name === 'done' && (
        <div className="done">
          <p className="done-line">{t('importWizard.done', step.result)}</p>
          {step.result.skipped > 0 && <p>{t('importWizard.doneDuplicates', { count: step.result.skipped })}</p>}
          {step.result.rejected.length > 0 && <p>{t('importWizard.doneSkipped', { count: new Set(step.result.rejected.map((r) => r.row)).size })}</p>}
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              {t('importWizard.close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}

function FileStep({ onChoose }: { onChoose: (file: File) => void }) {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const drop = (event: DragEvent): void => {
    event.preventDefault()
    setOver(false)
    const file = event.dataTransfer.files[0]
    if (file !== undefined) onChoose(file)
  }
  return (
    <div
      className={`drop-zone ${over ? 'drop-zone-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <FileButton
        label={t('importWizard.chooseFile')}
        accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onFile={onChoose}
        primary
        autoFocus
      />
      <p className="muted">{t('importWizard.dropHint')}</p>
    </div>
  )
}

function ColumnsStep({
  preview,
  options,
  races,
  onChange,
  onNext,
  onSheet,
  busy,
}: {
  preview: ImportPreview
  options: Options
  races: string[]
  onChange: (options: Options) => void
  onSheet: (sheet: string) => void
  onNext: () => void
  busy: boolean
}) {
  const { t } = useTranslation()
  const mapping: ColumnMapping = options.mapping ?? preview.mapping
  const fieldAt = (index: number): ImportField | '' => (Object.entries(mapping).find(([, column]) => column === index)?.[0] as ImportField | undefined) ?? ''
  const assign = (index: number, field: ImportField | ''): void => {
    const next: ColumnMapping = Object.fromEntries(Object.entries(mapping).filter(([key, column]) => column !== index && key !== field))
    if (field !== '') next[field] = index
    onChange({ ...options, mapping: next })
  }
  const hasName = mapping.fullName !== undefined || (mapping.givenName !== undefined && mapping.familyName !== undefined)
  const missing = [
    ...(hasName ? [] : (['givenName', 'familyName'] as const).filter((f) => mapping[f] === undefined)),
    ...(mapping.sex === undefined ? (['sex'] as const) : []),
    ...(mapping.race === undefined && options.race === undefined ? (['race'] as const) : []),
  ]
  // What the office offers for a column left out: only while it is still left out and its field has no column.
  const suggested = (index: number): ImportField | null => {
    const field = preview.unmappedColumns.find((c) => c.column === index)?.looksLike ?? null
    return field === null || fieldAt(index) !== '' || mapping[field] !== undefined ? null : field
  }
  const leftOut = preview.headers
    .map((header, index) => ({ header, index }))
    .filter(({ index }) => fieldAt(index) === '' && preview.unmappedColumns.some((c) => c.column === index))
  const askOrder =
    mapping.birthDate !== undefined && (preview.dateOrder === 'ambiguous' || preview.dateOrder === 'contradictory' || options.dateOrder !== undefined)

  return (
    <div className="columns-step">
      <p>
        <strong>{preview.fileName.split(/[\\/]/).pop()}</strong> · {t('importWizard.fileSummary', { rows: preview.rows, format: preview.format.toUpperCase() })}
      </p>
      <p className="muted">{preview.mappingSource === 'remembered' ? t('importWizard.remembered') : t('importWizard.columnsIntro')}</p>
      <div className="mapping-scroll">
        <table className="table mapping">
          <thead>
            <tr>
              <th scope="col">{t('importWizard.column')}</th>
              <th scope="col">{t('importWizard.sample')}</th>
              <th scope="col">{t('importWizard.field')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, index) => (
              <tr key={`${index}-${header}`}>
                <th scope="row">{header}</th>
                <td className="sample">
                  {preview.sample
                    .map((row) => row[index] ?? '')
                    .filter((value) => value !== '')
                    .slice(0, 2)
                    .join(' · ')}
                </td>
                <td>
                  <select
                    value={fieldAt(index)}
                    onChange={(e) => assign(index, e.target.value as ImportField | '')}
                    aria-label={`${t('importWizard.field')}: ${header}`}
                  >
                    <option value="">{t('importWizard.skip')}</option>
                    {importFields.map((field) => (
                      <option key={field} value={field}>
                        {t(`importWizard.fields.${field}`)}
                      </option>
                    ))}
                  </select>
                  {suggested(index) !== null && (
                    <button
                      type="button"
                      className="button button-quiet suggestion"
                      onClick={() => assign(index, suggested(index) as ImportField)}
                      data-testid="column-suggestion"
                    >
                      {t('importWizard.useAs', { field: t(`importWizard.fields.${suggested(index) as ImportField}`) })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-grid">
        {preview.sheets.length > 1 && (
          <div className="field">
            <label htmlFor="import-sheet">{t('importWizard.sheet')}</label>
            <select id="import-sheet" value={preview.sheet ?? ''} disabled={busy} onChange={(e) => onSheet(e.target.value)}>
              {preview.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="import-default-race">{t('importWizard.defaultRace')}</label>
          <select
            id="import-default-race"
            value={options.race ?? ''}
            onChange={(e) => onChange(e.target.value === '' ? withoutKey(options, 'race') : { ...options, race: e.target.value })}
          >
            <option value="">{t('importWizard.noDefaultRace')}</option>
            {races.map((race) => (
              <option key={race} value={race}>
                {race}
              </option>
            ))}
          </select>
        </div>
        {askOrder && (
          <fieldset className="field date-order">
            <legend>{preview.dateOrder === 'ambiguous' ? t('importWizard.dateOrderAsk') : t('importWizard.dateOrder')}</legend>
            {(['dmy', 'mdy'] as const).map((order) => (
              <label key={order} className="radio">
                <input type="radio" name="date-order" checked={options.dateOrder === order} onChange={() => onChange({ ...options, dateOrder: order })} />
                {t(`importWizard.${order}`)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {mapping.ref === undefined && (
        <p className="warning-banner" data-testid="no-ref-column">
          {t('importWizard.noRef')}
        </p>
      )}
      {preview.foldedRows.length > 0 && (
        <p className="muted" data-testid="folded-rows">
          {t('importWizard.foldedRows', { rows: preview.foldedRows.map((f) => `${f.row} → ${f.into}`).join(', ') })}
        </p>
      )}
      {preview.leftOutRows.length > 0 && (
        <p className="muted" data-testid="left-out-rows">
          {t('importWizard.leftOutRows', { rows: preview.leftOutRows.map((r) => r.row).join(', ') })}
        </p>
      )}
      {leftOut.length > 0 && (
        <p className="muted" data-testid="not-imported">
          {t('importWizard.notImported', { columns: leftOut.map(({ header, index }) => (header === '' ? `#${index + 1}` : header)).join(', ') })}
        </p>
      )}
      {missing.length > 0 && (
        <p className="field-error" role="alert">
          {t('importWizard.missing', { fields: missing.map((f) => t(`importWizard.fields.${f}`)).join(', ') })}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onNext} disabled={busy || missing.length > 0}>
          {t('importWizard.next')}
        </button>
      </div>
    </div>
  )
}

function CheckStep({
  preview,
  options,
  onDecide,
  skipInvalid,
  onSkipInvalid,
  onBack,
  onImport,
  busy,
}: {
  preview: ImportPreview
  options: Options
  onDecide: (options: Options) => void
  skipInvalid: boolean
  onSkipInvalid: (skip: boolean) => void
  onBack: () => void
  onImport: () => void
  busy: boolean
}) {
  const { t, i18n } = useTranslation()
  const number = (n: number): string => new Intl.NumberFormat(i18n.language).format(n)
  const badRows = new Set(preview.rejected.map((r) => r.row)).size
  const importable = preview.toAdd + preview.toUpdate
  const blocked = preview.rejectedCount > 0 && !skipInvalid
  const alike = preview.duplicates.filter((d) => d.action === null)
  return (
    <div className="check-step">
      <dl className="tallies">
        <div>
          <dt>{t('importWizard.toAdd')}</dt>
          <dd data-testid="tally-add">{number(preview.toAdd)}</dd>
        </div>
        <div>
          <dt>{t('importWizard.toUpdate')}</dt>
          <dd>{number(preview.toUpdate)}</dd>
        </div>
        <div>
          <dt>{t('importWizard.unchanged')}</dt>
          <dd>{number(preview.unchanged)}</dd>
        </div>
        {preview.removed > 0 && (
          <div>
            <dt>{t('importWizard.removedTally')}</dt>
            <dd data-testid="tally-removed">
              {number(preview.removed)}
              {preview.toWithdraw > 0 && ` · ${t('importWizard.toWithdraw', { count: preview.toWithdraw })}`}
            </dd>
          </div>
        )}
        {preview.skipped > 0 && (
          <div>
            <dt>{t('importWizard.skippedTally')}</dt>
            <dd data-testid="tally-skipped">{number(preview.skipped)}</dd>
          </div>
        )}
        <div className={badRows > 0 ? 'tally-bad' : ''}>
          <dt>{t('importWizard.rejected')}</dt>
          <dd data-testid="tally-rejected">{number(badRows)}</dd>
        </div>
      </dl>
      {preview.rejectedCount === 0 ? (
        <p className="all-good">{t('importWizard.allGood')}</p>
      ) : (
        <>
          <h3>{t('importWizard.problemsTitle')}</h3>
          <div className="problems-scroll">
            <table className="table problems">
              <thead>
                <tr>
                  <th scope="col">{t('importWizard.rowColumn')}</th>
                  <th scope="col">{t('importWizard.fieldColumn')}</th>
                  <th scope="col">{t('importWizard.problemColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((problem, index) => (
                  <tr key={`${problem.row}-${problem.field}-${index}`}>
                    <td className="numeric">{problem.row}</td>
                    <td>{t(`importWizard.fields.${problem.field}`, { defaultValue: problem.field })}</td>
                    <td>
                      {problem.params === undefined && problem.code === 'INVALID'
                        ? t('validation.custom')
                        : t(`importWizard.problems.${problem.code}`, { ...problem.params, defaultValue: problem.message })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rejectedCount > preview.rejected.length && (
            <p className="muted">{t('importWizard.problemsMore', { count: preview.rejectedCount - preview.rejected.length })}</p>
          )}
          <p className="muted">{t('importWizard.refusedHint')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => onSkipInvalid(e.target.checked)} />
            {t('importWizard.skipInvalid')}
          </label>
        </>
      )}
      <DuplicateDecisions
        preview={preview}
        decisions={{ duplicates: options.duplicates, duplicateRows: options.duplicateRows }}
        onDecide={(next) => onDecide({ ...withoutKey(withoutKey(options, 'duplicates'), 'duplicateRows'), ...next })}
        busy={busy}
      />
      {alike.length > 0 && (
        <>
          <h3>{t('importWizard.duplicatesTitle')}</h3>
          <ul className="duplicates">
            {alike.map((d) => (
              <li key={d.row}>
                {t('importWizard.duplicateLine', {
                  row: d.row,
                  name: d.name,
                  birthDate: d.birthDate ?? '',
                  like:
                    d.withRow !== null
                      ? t('importWizard.likeRow', { row: d.withRow })
                      : d.withRef !== null
                        ? t('importWizard.likeRef', { ref: d.withRef })
                        : t('importWizard.likeEntrant'),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onBack}>
          {t('importWizard.back')}
        </button>
        {/* Every row left out as already in the event still ends with the import's report. */}
        <button
          type="button"
          className="button button-primary"
          onClick={onImport}
          disabled={busy || blocked || importable + preview.skipped + preview.toWithdraw === 0}
        >
          {importable === 0 && preview.skipped > 0 ? t('importWizard.importNothing') : t('importWizard.importButton', { count: importable })}
        </button>
      </div>
    </div>
  )
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value }
  delete copy[key]
  return copy
}
