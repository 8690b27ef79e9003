import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { maxLogoBytes } from '../../../src-shared/contract/event'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { FileButton } from '../ui/FileButton'
import { useNotify } from '../ui/Notices'
import { useCall } from '../client/use-call'

/** The organiser's logo, printed in the colour band of every bib. */
export function LogoPicker() {
  const { t } = useTranslation()
  const notify = useNotify()
  const logo = useCommand('event.logo', {}, ['event'])
  const { call, failure, setFailure } = useCall()
  const [tooLarge, setTooLarge] = useState(false)

  async function choose(file: File): Promise<void> {
    setFailure(null)
    setTooLarge(file.size > maxLogoBytes)
    if (file.size > maxLogoBytes) return
    const bytes = new Uint8Array(await file.arrayBuffer())
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    const result = await call('event.setLogo', { imageBase64: btoa(binary) })
    if (!result.ok) return
    notify(t('setup.event.logoSaved'))
  }

  async function remove(): Promise<void> {
    const result = await call('event.setLogo', { imageBase64: null })
    if (!result.ok) return
    notify(t('setup.event.logoRemoved'))
  }

  const current = logo.data?.imageBase64 ?? null
  return (
    <div className="logo-picker">
      <h3>{t('setup.event.logo')}</h3>
      <p className="muted">{t('setup.event.logoHint')}</p>
      <ErrorBanner error={failure} />
      {tooLarge && <p className="field-error">{t('setup.event.logoTooLarge')}</p>}
      <div className="logo-row">
        {current !== null && logo.data?.type != null && (
          <img className="logo-image" src={`data:${logo.data.type};base64,${current}`} alt={t('setup.event.logo')} />
        )}
        <FileButton
          label={current === null ? t('setup.event.logoChoose') : t('setup.event.logoReplace')}
          accept="image/png,image/jpeg"
          onFile={(file) => void choose(file)}
        />
        {current !== null && (
          <button type="button" className="button button-quiet" onClick={() => void remove()}>
            {t('setup.event.logoRemove')}
          </button>
        )}
      </div>
    </div>
  )
}
