import { useTranslation } from 'react-i18next'

export function SignIn() {
  const { t } = useTranslation()
  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.body')}</p>
    </main>
  )
}
