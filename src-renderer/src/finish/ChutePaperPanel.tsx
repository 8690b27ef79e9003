import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCommand } from '../client/use-command'
import { DocumentButton } from '../print/DocumentButton'
import { printLanguage } from '../results/documents'

/**
 * Paper for when the chute is timed by hand: tally sheets (numbered lines for the bibs in finish
 * order, typed later through "Bibs in finish order") and chute cards, a card per place.
 */
export function ChutePaperPanel() {
  const { t, i18n } = useTranslation()
  const races = useCommand('races.list', {}, ['races'])
  const [raceId, setRaceId] = useState<number | null>(null)
  const [sheets, setSheets] = useState(4)
  const [cards, setCards] = useState(200)
  const list = races.data ?? []
  const race = list.find((r) => r.id === raceId) ?? list[0]
  if (race === undefined) return null
  const language = printLanguage(i18n.language)
  return (
    <section className="card" aria-labelledby="chute-paper-title" data-testid="chute-paper">
      <h2 id="chute-paper-title">{t('finish.paper.title')}</h2>
      <p className="muted">{t('finish.paper.intro')}</p>
      <div className="typed-settings">
        <label>
          {t('finish.typed.race')}{' '}
          <select value={race.id} onChange={(e) => setRaceId(Number(e.target.value))}>
            {list.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('finish.paper.sheets')}{' '}
          <input type="number" min={1} max={200} value={sheets} onChange={(e) => setSheets(Math.max(1, Math.min(200, Number(e.target.value) || 1)))} />
        </label>
        <label>
          {t('finish.paper.cards')}{' '}
          <input type="number" min={1} max={5000} value={cards} onChange={(e) => setCards(Math.max(1, Math.min(5000, Number(e.target.value) || 1)))} />
        </label>
      </div>
      <div className="button-row">
        <DocumentButton
          label={t('finish.paper.tally', { count: sheets })}
          request={{ kind: 'tally', raceId: race.id, sheets, language }}
          testId="print-tally"
        />
        <DocumentButton
          label={t('finish.paper.chute', { count: cards })}
          request={{ kind: 'chute', raceId: race.id, firstPlace: 1, lastPlace: cards, language }}
          testId="print-chute"
        />
      </div>
    </section>
  )
}
