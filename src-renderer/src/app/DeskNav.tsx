import { useTranslation } from 'react-i18next'
import type { Desk } from './desks'

export function DeskNav({ desks, current, onOpen }: { desks: readonly Desk[]; current: Desk; onOpen: (desk: Desk) => void }) {
  const { t } = useTranslation()
  return (
    <nav className="desk-nav" aria-label={t('desks.navigation')}>
      <ul>
        {desks.map((desk, index) => (
          <li key={desk}>
            <a
              href={`#/${desk}`}
              className="desk-link"
              aria-current={desk === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              onClick={(event) => {
                event.preventDefault()
                onOpen(desk)
              }}
            >
              <span className="desk-link-name">{t(`desks.${desk}`)}</span>
              <kbd className="desk-link-key">{t('desks.shortcut', { key: index + 1 })}</kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
