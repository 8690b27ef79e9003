import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './app/App'
import { SignIn } from './app/SignIn'
import { connectClient } from './client/client'
import { ClientContext } from './client/use-command'
import { setUpI18n } from './i18n/i18n'
import './styles.css'

const i18n = await setUpI18n()
const client = connectClient()
const root = createRoot(document.getElementById('root') as HTMLElement)

root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {client === null ? (
        <SignIn />
      ) : (
        <ClientContext.Provider value={client}>
          <App />
        </ClientContext.Provider>
      )}
    </I18nextProvider>
  </StrictMode>,
)
