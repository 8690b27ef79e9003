import { useTranslation } from 'react-i18next'
import { changeLanguage, languages, type Language } from '../i18n/i18n'

/** The language menu: every screen in English or Korean, remembered on this device. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation()
  return (
    <label className={className}>
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as Language)} aria-label={t('app.language')}>
        {languages.map((language) => (
          <option key={language.code} value={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </label>
  )
}
