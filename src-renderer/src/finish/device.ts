import type { QueuedCall } from './capture-queue'

const deviceKey = 'race-office.finish-device'

export interface FinishDevice {
  readonly id: string
  /** The next number of this device's sequence: never repeats for the device. */
  nextSeq(): number
  /** A new id (another tab or a copied session has this one): a sequence of its own from 1. */
  renew(): void
  /** Called with the new id after a renewal. */
  onRenew(listener: (id: string) => void): () => void
}

/**
 * This screen as a capturing device: an id and a counter kept for the tab (a reload continues the
 * sequence; a second tab is a second device). A duplicated tab starts with a copy of the first
 * tab's storage, so the id is checked against the other open tabs (claimDevice) and renewed when
 * the office says another press holds a number (see CaptureQueue).
 */
export function finishDevice(storage: Storage, random: () => string = randomHex): FinishDevice {
  let stored = storage.getItem(deviceKey)
  if (stored === null || !/^[\w-]+\|\d+$/.test(stored)) {
    stored = `finish-${random()}|0`
    storage.setItem(deviceKey, stored)
  }
  let id = stored.split('|')[0] as string
  const listeners = new Set<(id: string) => void>()
  return {
    get id() {
      return id
    },
    nextSeq() {
      const seq = Number((storage.getItem(deviceKey) ?? `${id}|0`).split('|')[1]) + 1
      storage.setItem(deviceKey, `${id}|${seq}`)
      return seq
    },
    renew() {
      id = `finish-${random()}`
      storage.setItem(deviceKey, `${id}|0`)
      for (const listener of listeners) listener(id)
    },
    onRenew(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

// crypto.randomUUID exists only in secure contexts; a tablet on http://192.168.… is not one.
function randomHex(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) => b.toString(16).padStart(2, '0')).join('')
}

type ClaimMessage = { ask: string; tab: string } | { taken: string; tab: string }

/**
 * Asks the other open tabs of this office whether one of them is this device already (a duplicated
 * tab), and takes a new id if so; answers the same question for this tab. BroadcastChannel works
 * on plain-http pages too, where Web Locks do not.
 */
export function claimDevice(
  device: FinishDevice,
  channel: Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((event: MessageEvent<ClaimMessage>) => void) | null },
  tab: string = randomHex(),
): () => void {
  let asked = device.id
  channel.onmessage = ({ data }) => {
    if ('ask' in data && data.ask === device.id && data.tab !== tab) channel.postMessage({ taken: data.ask, tab })
    if ('taken' in data && data.taken === asked && data.taken === device.id && data.tab !== tab) {
      device.renew()
      asked = device.id
      channel.postMessage({ ask: asked, tab })
    }
  }
  channel.postMessage({ ask: asked, tab })
  return () => {
    channel.onmessage = null
    channel.close()
  }
}

/**
 * A press refused because another holds its device and number goes again under this device's
 * numbers; when it was this device's own id, another tab or a copied session has it: a new one.
 */
export function renumberer(device: FinishDevice): (item: QueuedCall) => QueuedCall {
  return (item) => {
    if (item.input.device === device.id) device.renew()
    return { ...item, input: { ...item.input, device: device.id, seq: device.nextSeq() } } as QueuedCall
  }
}
