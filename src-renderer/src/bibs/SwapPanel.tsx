import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import type { Message } from '../ui/messages'
import { useNotify } from '../ui/Notices'
import { useCall } from '../client/use-call'

/** Two runners holding each other's bibs: swap the numbers, with a reason for the history. */
export function SwapPanel() {
  const { t } = useTranslation()
  const notify = useNotify()
  const [a, setA] = useState('')
  const [b, setB] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<Message | undefined>(undefined)
  const { call, attempt, failure } = useCall()

  async function holderOf(bib: string): Promise<string | null> {
    const found = await attempt('entrants.search', { query: bib, limit: 1 })
    const hit = found.ok ? found.value.items[0] : undefined
    return hit !== undefined && String(hit.bib) === bib ? hit.id : null
  }

  async function swap(event: FormEvent): Promise<void> {
    event.preventDefault()
    setProblem(undefined)
    const [first, second] = [await holderOf(a.trim()), await holderOf(b.trim())]
    if (first === null || second === null) return setProblem({ key: 'bibs.noRunnerWithBib', params: { bib: first === null ? a : b } })
    const result = await call('bibs.swap', { entrantIds: [first, second], reason: reason.trim() === '' ? 'swapped at the desk' : reason })
    if (!result.ok) return
    notify(t('bibs.swapped', { a, b }))
    setA('')
    setB('')
    setReason('')
  }

  return (
    <form className="card swap" onSubmit={(e) => void swap(e)} noValidate aria-labelledby="swap-title">
      <h2 id="swap-title">{t('bibs.swapTitle')}</h2>
      <ErrorBanner error={failure} />
      <div className="swap-fields">
        <Field label={t('bibs.swapA')} value={a} onChange={(e) => setA(e.target.value)} inputMode="numeric" error={problem} />
        <Field label={t('bibs.swapB')} value={b} onChange={(e) => setB(e.target.value)} inputMode="numeric" />
        <Field label={t('bibs.reason')} value={reason} onChange={(e) => setReason(e.target.value)} optional />
        <button type="submit" className="button" disabled={a.trim() === '' || b.trim() === ''}>
          {t('bibs.swap')}
        </button>
      </div>
    </form>
  )
}
