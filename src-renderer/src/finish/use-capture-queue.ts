import { useCallback, useEffect, useRef, useState } from 'react'
import type { CommandErrorValue } from '../../../src-shared/contract'
import { useClient } from '../client/use-command'
import { CaptureQueue, type Acknowledged, type QueuedCall, type QueueStore } from './capture-queue'
import { renumberer, type FinishDevice } from './device'
import { indexedDbStore } from './idb-store'
import { tabPresence } from './tab-presence'

interface Handlers {
  onAcknowledged(ack: Acknowledged): void
  onRefused(item: QueuedCall, error: CommandErrorValue): void
}

/** The store opens in the background; a press made meanwhile waits for it, never lost. */
function lazyStore(opened: Promise<QueueStore>): QueueStore {
  return {
    all: async () => (await opened).all(),
    put: async (item) => (await opened).put(item),
    remove: async (key) => (await opened).remove(key),
  }
}

// How often presses a closed tab left are looked for (besides at the start).
const adoptEveryMs = 5000

/** The finish desk's presses: stored on the device, sent in order, acknowledged once committed. */
export function useCaptureQueue(device: FinishDevice, handlers: Handlers) {
  const client = useClient()
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  const [pending, setPending] = useState<readonly QueuedCall[]>([])
  // Made once the desk is on screen, for the life of the desk; a press made before (a page still
  // loading on a slow tablet) waits here and goes in first.
  const queue = useRef<CaptureQueue | null>(null)
  const early = useRef<QueuedCall[]>([])

  useEffect(() => {
    const tab = tabPresence(localStorage)
    const made = new CaptureQueue(
      lazyStore(indexedDbStore(tab)),
      (item) => client.call(item.command, item.input as never),
      {
        acknowledged: (ack) => latest.current.onAcknowledged(ack),
        refused: (item, error) => latest.current.onRefused(item, error),
        changed: (items) => setPending([...items]),
      },
      1000,
      renumberer(device),
    )
    queue.current = made
    for (const item of early.current.splice(0)) void made.add(item)
    void made.flush()
    // Back online: what waited goes at once.
    const stop = client.onStatus((status) => {
      if (status === 'live') void made.flush()
    })
    const adopting = setInterval(() => void made.adopt(), adoptEveryMs)
    const leave = (): void => tab.stop()
    window.addEventListener('pagehide', leave)
    return () => {
      stop()
      clearInterval(adopting)
      window.removeEventListener('pagehide', leave)
      made.stop()
      tab.stop()
      queue.current = null
    }
  }, [client, device])

  /** Stores a press on the device and sends it: never dropped, whenever it is made. */
  const add = useCallback((item: QueuedCall): void => {
    if (queue.current !== null) return void queue.current.add(item)
    early.current.push(item)
    setPending((items) => [...items, item])
  }, [])

  return { add, pending }
}
