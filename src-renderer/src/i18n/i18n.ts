import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { ko } from './ko'

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
] as const
export type Language = (typeof languages)[number]['code']

const storageKey = 'race-office.language'

export function initialLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'en' || stored === 'ko') return stored
  return browser.some((tag) => tag.toLowerCase().startsWith('ko')) ? 'ko' : 'en'
}

export async function setUpI18n(): Promise<typeof i18next> {
  const lng = initialLanguage(localStorage.getItem(storageKey), navigator.languages)
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = lng
  return i18next
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language)
  document.documentElement.lang = language
  await i18next.changeLanguage(language)
}
