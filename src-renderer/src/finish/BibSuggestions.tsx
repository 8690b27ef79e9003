import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'

type Candidate = CommandOutput<'timing.nearMiss'>['candidates'][number]

/**
 * While a bib is typed at the finish: if nobody wears it, or its runner is already through this
 * point or in a race not started, the bibs it most likely meant, best first. A click (or ↓ then
 * Enter) puts one in the box; nothing is recorded until the official presses Enter there.
 */
export function BibSuggestions({ text, point, onPick }: { text: string; point: string; onPick: (bib: number) => void }) {
  const { t } = useTranslation()
  const client = useClient()
  // The answer for what was typed: shown only while the box still says that.
  const [answered, setAnswered] = useState<{ typed: string; candidates: Candidate[] }>({ typed: '', candidates: [] })
  const typed = text.trim()

  useEffect(() => {
    if (!/^[0-9*]{1,8}$/.test(typed)) return
    let current = true
    // A moment after the last key: the official types a bib in well under a second.
    const timer = setTimeout(() => {
      void client.call('timing.nearMiss', { typed, point }).then((answer) => {
        if (!current || !answer.ok) return
        const list = answer.value.candidates
        setAnswered({ typed, candidates: list[0]?.reason === 'asTyped' ? [] : list.slice(0, 3) })
      })
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [client, point, typed])

  const candidates = answered.typed === typed ? answered.candidates : []
  if (candidates.length === 0) return null
  return (
    <div className="bib-suggestions" role="group" aria-label={t('finish.nearMiss.title')} data-testid="bib-suggestions">
      <span className="muted">{t(typed.includes('*') ? 'finish.nearMiss.unread' : 'finish.nearMiss.title')}</span>
      {candidates.map((c) => (
        <button key={c.bib} type="button" className="button" onClick={() => onPick(c.bib)}>
          <strong>{c.bib}</strong> {c.name} · {c.race}
          <span className="muted"> — {t(`finish.nearMiss.reasons.${c.reason}`)}</span>
        </button>
      ))}
    </div>
  )
}
