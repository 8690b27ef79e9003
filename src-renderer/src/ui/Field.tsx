import { useId, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { messageText, type Message } from './messages'

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string
  hint?: ReactNode
  error?: Message | undefined
  optional?: boolean
}

/** A labelled input with its hint and its error, wired for screen readers. */
export function Field({ label, hint, error, optional = false, className, ...input }: FieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint !== undefined ? hintId : null, error !== undefined ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className={`field ${className ?? ''} ${error !== undefined ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> ({t('common.optional')})</span>}
      </label>
      <input id={id} aria-invalid={error !== undefined} aria-describedby={describedBy || undefined} {...input} />
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field-error" role="alert">
          {messageText(t, error)}
        </p>
      )}
    </div>
  )
}
