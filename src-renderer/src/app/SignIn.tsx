import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, CommandResult } from '../../../src-shared/contract'
import { rememberDeskToken } from '../client/token'
import { ErrorBanner } from '../ui/ErrorBanner'
import { LanguageSwitch } from '../ui/LanguageSwitch'
import { Field } from '../ui/Field'

type Paired = { token: string; role: 'desk' | 'finish' | 'viewer'; desk: string }
const landing: Record<Paired['role'], string> = { desk: '/checkin', finish: '/finish', viewer: '/results' }

/** A screen with no token: a tablet or laptop pairs itself with the code the organiser's screen shows. */
export function SignIn() {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [desk, setDesk] = useState('')
  const [person, setPerson] = useState('')
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const [busy, setBusy] = useState(false)

  async function pair(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    let result: CommandResult<Paired>
    try {
      const response = await fetch('/pair', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, desk, person }) })
      result = (await response.json()) as CommandResult<Paired>
    } catch {
      result = { ok: false, error: { code: 'OFFICE_UNREACHABLE', message: 'Cannot reach the race office.' } }
    }
    setBusy(false)
    if (!result.ok) return setFailure(result.error)
    rememberDeskToken(window.localStorage, result.value.token)
    window.location.hash = landing[result.value.role]
    window.location.reload()
  }

  return (
    <main className="sign-in">
      <LanguageSwitch className="sign-in-language" />
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.body')}</p>
      <form className="card pair-form" onSubmit={(e) => void pair(e)} noValidate>
        <ErrorBanner error={failure} />
        <Field
          label={t('signIn.code')}
          className="pair-code"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          placeholder="000000"
          autoFocus
          data-testid="pair-code"
        />
        <Field
          label={t('signIn.desk')}
          value={desk}
          onChange={(e) => setDesk(e.target.value)}
          placeholder={t('signIn.deskPlaceholder')}
          maxLength={40}
          data-testid="pair-desk"
        />
        <Field label={t('signIn.person')} value={person} onChange={(e) => setPerson(e.target.value)} maxLength={60} data-testid="pair-person" />
        <button type="submit" className="button button-primary button-large" disabled={busy || code.length !== 6 || desk.trim() === '' || person.trim() === ''}>
          {t('signIn.pair')}
        </button>
      </form>
    </main>
  )
}
