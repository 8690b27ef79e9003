const deviceKey = 'race-office.finish-device'

export interface FinishDevice {
  id: string
  /** The next number of this device's sequence: never repeats for the device. */
  nextSeq(): number
}

/**
 * This screen as a capturing device: an id and a counter kept for the tab (a reload continues the
 * sequence; a second tab is a second device, so two tabs never clash).
 */
export function finishDevice(storage: Storage, random: () => string = randomHex): FinishDevice {
  let stored = storage.getItem(deviceKey)
  if (stored === null || !/^[\w-]+\|\d+$/.test(stored)) {
    stored = `finish-${random()}|0`
    storage.setItem(deviceKey, stored)
  }
  const [id] = stored.split('|') as [string]
  return {
    id,
    nextSeq() {
      const seq = Number((storage.getItem(deviceKey) ?? `${id}|0`).split('|')[1]) + 1
      storage.setItem(deviceKey, `${id}|${seq}`)
      return seq
    },
  }
}

// crypto.randomUUID exists only in secure contexts; a tablet on http://192.168.… is not one.
function randomHex(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(3)), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The instant of an input event on the wall clock, from the high-resolution clock of the page. */
export function instantOf(event: { timeStamp: number }): number {
  return Math.round(performance.timeOrigin + event.timeStamp)
}
