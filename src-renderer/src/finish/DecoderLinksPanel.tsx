import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { decoderFormats, type DecoderFormatName, type DecoderLinkStatus, type DecoderProtocol } from '../../../src-shared/contract/timing'
import { useCall } from '../client/use-call'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { Field } from '../ui/Field'
import { PointOptions } from './PointOptions'
import { timeOfDay } from './times'

const defaultPorts: Record<DecoderProtocol, number> = { raceresult: 3601, lines: 23 }

/**
 * Decoders on the local network the office reads as their reads come: it connects, tries again by
 * itself after a drop (and asks a RACE RESULT decoder for what it missed), and shows each one's
 * reads per minute and last read so an official sees at a glance that the mat is alive.
 */
export function DecoderLinksPanel() {
  const { t } = useTranslation()
  const links = useCommand('decoder.status', {}, ['timing'])
  const event = useCommand('event.get', {}, ['event'])
  const [host, setHost] = useState('')
  const [protocol, setProtocol] = useState<DecoderProtocol>('raceresult')
  const [port, setPort] = useState(String(defaultPorts.raceresult))
  const [format, setFormat] = useState<DecoderFormatName>('ultra')
  const [point, setPoint] = useState('finish')
  const [anchor, setAnchor] = useState('')
  const { call, busy, failure } = useCall()
  const { reload } = links
  const any = (links.data?.length ?? 0) > 0

  // A link's state changes without a write (a drop, a retry): read again every two seconds while there is one.
  useEffect(() => {
    if (!any) return
    const timer = setInterval(reload, 2000)
    return () => clearInterval(timer)
  }, [any, reload])

  function chooseProtocol(next: DecoderProtocol): void {
    if (port === String(defaultPorts[protocol])) setPort(String(defaultPorts[next]))
    setProtocol(next)
  }

  async function connect(e: FormEvent): Promise<void> {
    e.preventDefault()
    const result = await call('decoder.connect', {
      host: host.trim(),
      port: Number(port),
      protocol,
      point,
      ...(protocol === 'lines' && { format }),
      ...(anchor !== '' && { anchor }),
    })
    if (!result.ok) return
    // The form is ready for the next mat's decoder.
    setHost('')
    setAnchor('')
    reload()
  }

  async function disconnect(id: string): Promise<void> {
    await call('decoder.disconnect', { id })
    reload()
  }

  const zone = event.data?.timeZone ?? 'UTC'
  return (
    <section className="card" aria-labelledby="decoders-title">
      <h2 id="decoders-title">{t('finish.decoders.title')}</h2>
      <p className="muted">{t('finish.decoders.intro')}</p>
      <ErrorBanner error={failure} />
      {links.data?.map((link) => (
        <DecoderLinkCard key={link.id} link={link} zone={zone} onDisconnect={() => void disconnect(link.id)} />
      ))}
      <form className="form-grid" onSubmit={(e) => void connect(e)} noValidate aria-label={t('finish.decoders.connectForm')}>
        <Field label={t('finish.decoders.host')} value={host} onChange={(e) => setHost(e.target.value)} placeholder="192.168.1.50" inputMode="url" />
        <Field label={t('finish.decoders.port')} value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" />
        <div className="field">
          <label htmlFor="decoder-protocol">{t('finish.decoders.protocol')}</label>
          <select id="decoder-protocol" value={protocol} onChange={(e) => chooseProtocol(e.target.value as DecoderProtocol)}>
            <option value="raceresult">{t('finish.decoders.protocols.raceresult')}</option>
            <option value="lines">{t('finish.decoders.protocols.lines')}</option>
          </select>
        </div>
        {protocol === 'lines' && (
          <div className="field">
            <label htmlFor="decoder-format">{t('finish.decoders.format')}</label>
            <select id="decoder-format" value={format} onChange={(e) => setFormat(e.target.value as DecoderFormatName)}>
              {decoderFormats.map((f) => (
                <option key={f} value={f}>
                  {t(`finish.reads.formats.${f}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="decoder-point">{t('finish.reads.point')}</label>
          <select id="decoder-point" value={point} onChange={(e) => setPoint(e.target.value)}>
            <PointOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="decoder-anchor">{t('finish.decoders.anchor')}</label>
          <input id="decoder-anchor" type="time" step="1" value={anchor} onChange={(e) => setAnchor(e.target.value)} />
        </div>
        <div className="form-actions span-2">
          <button type="submit" className="button button-primary" disabled={busy || host.trim() === ''}>
            {t('finish.decoders.connect')}
          </button>
        </div>
      </form>
    </section>
  )
}

function DecoderLinkCard({ link, zone, onDisconnect }: { link: DecoderLinkStatus; zone: string; onDisconnect: () => void }) {
  const { t } = useTranslation()
  const state = link.state === 'retrying' && link.error !== null ? t(`finish.decoders.errors.${link.error}`, { defaultValue: link.error }) : null
  return (
    <div className={`decoder-link decoder-link-${link.state}`} role="status" data-testid="decoder-link">
      <div className="decoder-link-head">
        <strong>
          {link.host}:{link.port}
        </strong>
        <span>{t(`finish.reads.formats.${link.format}`)}</span>
        <span>{t('finish.decoders.at', { point: link.point })}</span>
        <span className="decoder-state">{t(`finish.decoders.states.${link.state}`)}</span>
        <button type="button" className="button" onClick={onDisconnect}>
          {t('finish.decoders.disconnect')}
        </button>
      </div>
      {state !== null && <p className="warning-banner">{state}</p>}
      <dl className="decoder-figures">
        <div>
          <dt>{t('finish.decoders.perMinute')}</dt>
          <dd className="decoder-rate">{link.readsPerMinute}</dd>
        </div>
        <div>
          <dt>{t('finish.decoders.lastRead')}</dt>
          <dd>
            {link.lastRead === null
              ? t('finish.decoders.noneYet')
              : t('finish.decoders.read', { chip: link.lastRead.chip, time: timeOfDay(link.lastRead.atMs, zone) })}
          </dd>
        </div>
        <div>
          <dt>{t('finish.decoders.stored')}</dt>
          <dd>{t('finish.decoders.counts', { stored: link.stored, duplicates: link.duplicates, fetched: link.fetched })}</dd>
        </div>
        {link.reconnects > 0 && (
          <div>
            <dt>{t('finish.decoders.drops')}</dt>
            <dd>{link.reconnects}</dd>
          </div>
        )}
      </dl>
      {link.problems > 0 && <p className="field-error">{t('finish.decoders.problems', { count: link.problems, last: link.lastProblem ?? '' })}</p>}
    </div>
  )
}
