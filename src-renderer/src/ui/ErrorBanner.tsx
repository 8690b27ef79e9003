import { useTranslation } from 'react-i18next'
import type { CommandErrorValue } from '../../../src-shared/contract'
import { errorText } from './messages'

export function ErrorBanner({ error, onRetry }: { error: CommandErrorValue | null; onRetry?: () => void }) {
  const { t } = useTranslation()
  if (error === null) return null
  return (
    <div className="error-banner" role="alert" data-error-code={error.code}>
      <span>{errorText(t, error)}</span>
      {onRetry !== undefined && (
        <button type="button" className="button button-quiet" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}
