import { useTranslation } from 'react-i18next'
import { Field } from './Field'

const digits = (text: string): string => text.replace(/\D/g, '').slice(0, pinLength)

/** Six digits: with a growing wait after each five wrong ones, too many to guess at a desk. */
export const pinLength = 6

/**
 * A PIN of six digits, and when one is being chosen (`again` given) the same typed twice; the
 * second field says so when they differ. Used by desk mode and by the kiosk.
 */
export function PinFields({
  pin,
  onPin,
  again,
  onAgain,
  mismatch = false,
  testId,
}: {
  pin: string
  onPin: (pin: string) => void
  again?: string
  onAgain?: (again: string) => void
  mismatch?: boolean
  testId?: string
}) {
  const { t } = useTranslation()
  const choosing = again !== undefined
  return (
    <>
      <Field
        label={t('lock.pin')}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        onChange={(e) => onPin(digits(e.target.value))}
        autoFocus
        hint={choosing ? t('lock.pinHint') : undefined}
        data-testid={testId}
      />
      {choosing && (
        <Field
          label={t('lock.pinAgain')}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={again}
          onChange={(e) => onAgain?.(digits(e.target.value))}
          error={mismatch ? { key: 'lock.mismatch' } : undefined}
          data-testid={testId === undefined ? undefined : `${testId}-again`}
        />
      )}
    </>
  )
}
