import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandOutput } from '../../../src-shared/contract'
import { pairedRoles } from '../../../src-shared/contract/desks'
import { useCommand } from '../client/use-command'
import { ErrorBanner } from '../ui/ErrorBanner'
import { formatStart } from '../ui/format'
import { useCall } from '../client/use-call'

type Network = CommandOutput<'desks.network'>

/**
 * "Desks on this network": the office opens on this machine's network address; a tablet opens
 * the address (or scans the QR code), types the code for its role, and becomes a desk that the
 * organiser sees here and can revoke.
 */
export function NetworkPanel() {
  const { t } = useTranslation()
  const network = useCommand('desks.network', {}, ['desks'])
  const desks = useCommand('desks.list', {}, ['desks'])
  const event = useCommand('event.get', {}, ['event'])
  const { call, busy, failure } = useCall()
  const on = network.data?.on ?? false
  const { reload } = network
  const reloadDesks = desks.reload
  // A device pairs or asks to be let in outside any command, and unused codes change: the panel looks again every few seconds.
  useEffect(() => {
    if (!on) return
    const timer = setInterval(() => {
      reload()
      reloadDesks()
    }, 3000)
    return () => clearInterval(timer)
  }, [on, reload, reloadDesks])

  async function turn(next: boolean): Promise<void> {
    await call('desks.setNetwork', { on: next })
    network.reload()
  }

  async function approveNew(next: boolean): Promise<void> {
    await call('desks.setNetwork', { on, approveNew: next })
    network.reload()
  }

  async function decide(id: string, approve: boolean): Promise<void> {
    await call(approve ? 'desks.approve' : 'desks.refuse', { id })
    network.reload()
  }

  async function revoke(id: string): Promise<void> {
    await call('desks.revoke', { id })
  }

  const timeZone = event.data?.timeZone ?? 'UTC'
  return (
    <section className="card" aria-labelledby="network-title">
      <div className="card-header">
        <h2 id="network-title">{t('setup.network.title')}</h2>
        <label className="switch">
          <input type="checkbox" role="switch" checked={on} disabled={busy} onChange={(e) => void turn(e.target.checked)} data-testid="network-switch" />
          <span>{on ? t('setup.network.on') : t('setup.network.off')}</span>
        </label>
      </div>
      <p className="muted">{t('setup.network.intro')}</p>
      <ErrorBanner error={failure} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={network.data?.approveNew ?? false}
          disabled={busy || network.data === undefined}
          onChange={(e) => void approveNew(e.target.checked)}
          data-testid="approve-new"
        />
        <span>{t('setup.network.approveNew')}</span>
      </label>
      <p className="muted">{t('setup.network.approveNewHint')}</p>
      {network.data?.guardedUntilMs != null && (
        <p className="warning-banner" role="alert" data-testid="pairing-guarded">
          {t('setup.network.guarded', { time: formatStart(network.data.guardedUntilMs, event.data?.timeZone ?? 'UTC') })}
        </p>
      )}
      {network.data?.on === true && <Pairing network={network.data} timeZone={event.data?.timeZone ?? 'UTC'} />}
      {(network.data?.waiting ?? []).length > 0 && (
        <>
          <h3>{t('setup.network.waitingTitle')}</h3>
          <table className="table desks-table">
            <thead>
              <tr>
                <th>{t('setup.network.desk')}</th>
                <th>{t('setup.network.person')}</th>
                <th>{t('setup.network.role')}</th>
                <th>{t('setup.network.address')}</th>
                <th>{t('setup.network.asked')}</th>
                <th className="col-actions" />
              </tr>
            </thead>
            <tbody>
              {(network.data?.waiting ?? []).map((device) => (
                <tr key={device.id} data-testid="waiting-desk">
                  <td>{device.desk}</td>
                  <td>{device.person}</td>
                  <td>{t(`setup.network.roles.${device.role}`)}</td>
                  <td>{device.address}</td>
                  <td>{formatStart(device.atMs, event.data?.timeZone ?? 'UTC')}</td>
                  <td className="col-actions">
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={busy}
                      onClick={() => void decide(device.id, true)}
                      data-testid="approve-desk"
                    >
                      {t('setup.network.approve')}
                    </button>{' '}
                    <button type="button" className="button" disabled={busy} onClick={() => void decide(device.id, false)}>
                      {t('setup.network.refuse')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {(desks.data ?? []).length > 0 && (
        <table className="table desks-table">
          <thead>
            <tr>
              <th>{t('setup.network.desk')}</th>
              <th>{t('setup.network.person')}</th>
              <th>{t('setup.network.role')}</th>
              <th>{t('setup.network.paired')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {(desks.data ?? []).map((desk) => (
              <tr key={desk.id} data-testid="paired-desk">
                <td>{desk.name}</td>
                <td>{desk.person}</td>
                <td>{t(`setup.network.roles.${desk.role}`)}</td>
                <td>{formatStart(desk.pairedAtMs, timeZone)}</td>
                <td className="col-actions">
                  {desk.revokedAtMs === null ? (
                    <button type="button" className="button button-danger" onClick={() => void revoke(desk.id)} data-testid="revoke-desk">
                      {t('setup.network.revoke')}
                    </button>
                  ) : (
                    <span className="muted">{t('setup.network.revoked', { time: formatStart(desk.revokedAtMs, timeZone) })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function Pairing({ network, timeZone }: { network: Network; timeZone: string }) {
  const { t } = useTranslation()
  const nextChange = Math.min(...Object.values(network.codesExpireAtMs ?? {}))
  return (
    <div className="pairing">
      {network.qr !== null && <QrCode size={network.qr.size} modules={network.qr.modules} label={network.url ?? ''} />}
      <div>
        <p>{t('setup.network.openAddress')}</p>
        <p className="pairing-url" data-testid="pairing-url">
          {network.url}
        </p>
        <dl className="pairing-codes">
          {pairedRoles.map((role) => (
            <div key={role}>
              <dt>{t(`setup.network.codeFor.${role}`)}</dt>
              <dd className="pairing-code" data-testid={`pairing-code-${role}`}>
                {network.codes?.[role]}
              </dd>
            </div>
          ))}
        </dl>
        {Number.isFinite(nextChange) && <p className="muted">{t('setup.network.codesChange', { time: formatStart(nextChange, timeZone) })}</p>}
      </div>
    </div>
  )
}

/** The address as a QR code, drawn here from the office's modules (no image from elsewhere). */
function QrCode({ size, modules, label }: { size: number; modules: string; label: string }) {
  let path = ''
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (modules[row * size + col] === '1') path += `M${col + 4} ${row + 4}h1v1h-1z`
  }
  return (
    <svg className="qr" viewBox={`0 0 ${size + 8} ${size + 8}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size + 8} height={size + 8} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
