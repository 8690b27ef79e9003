import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandErrorValue, CommandResult } from '../../../src-shared/contract'
import { rememberDeskToken } from '../client/token'
import { ErrorBanner } from '../ui/ErrorBanner'
import { LanguageSwitch } from '../ui/LanguageSwitch'
import { Field } from '../ui/Field'

type Paired = { token: string; role: 'desk' | 'finish' | 'viewer'; desk: string }
type Answer = Paired | { waiting: string }
const landing: Record<Paired['role'], string> = { desk: '/checkin', finish: '/finish', viewer: '/results' }

/** A screen with no token: a tablet or laptop pairs itself with the code the organiser's screen shows. */
export function SignIn() {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [desk, setDesk] = useState('')
  const [person, setPerson] = useState('')
  const [failure, setFailure] = useState<CommandErrorValue | null>(null)
  const [busy, setBusy] = useState(false)
  const [waiting, setWaiting] = useState(false)

  async function pair(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    let result = await post('/pair', { code, desk, person })
    // An office that approves each new device answers with a ticket: asked again until the organiser decides.
    while (result.ok && 'waiting' in result.value) {
      setWaiting(true)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      result = await post('/pair/wait', { ticket: result.value.waiting })
    }
    setWaiting(false)
    setBusy(false)
    if (!result.ok) return setFailure(result.error)
    const paired = result.value as Paired
    rememberDeskToken(window.localStorage, paired.token)
    window.location.hash = landing[paired.role]
    window.location.reload()
  }

  return (
    <main className="sign-in">
      <LanguageSwitch className="sign-in-language" />
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.body')}</p>
      <form className="card pair-form" onSubmit={(e) => void pair(e)} noValidate>
        <ErrorBanner error={failure} />
        {waiting && (
          <p className="info-banner" role="status" data-testid="pair-waiting">
            {t('signIn.waiting')}
          </p>
        )}
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

async function post(path: string, body: unknown): Promise<CommandResult<Answer>> {
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return (await response.json()) as CommandResult<Answer>
  } catch {
    return { ok: false, error: { code: 'OFFICE_UNREACHABLE', message: 'Cannot reach the race office.' } }
  }
}
