import { memoryStore, type QueuedCall, type QueueStore } from './capture-queue'
import type { TabPresence } from './tab-presence'

const dbName = 'race-office-finish'
const storeName = 'pending'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

/** Resolves once the write is durable in the browser (the transaction completed). */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
}

type Stored = QueuedCall & { owner?: string }

/**
 * Presses waiting for the office, in the browser's IndexedDB: they survive a reload, a crashed
 * tab and a host that is gone for a while. Kept per office (origin) by the browser itself. Every
 * press has a key of its own and the tab that made it: one tab never overwrites or sends another
 * live tab's presses, and takes over those a closed tab left (in one transaction, so only one does).
 */
export async function indexedDbStore(tab: TabPresence): Promise<QueueStore> {
  if (typeof indexedDB === 'undefined') return memoryStore()
  const open = indexedDB.open(dbName, 1)
  open.onupgradeneeded = () => open.result.createObjectStore(storeName, { keyPath: 'key' })
  const db = await request(open)
  return {
    async all() {
      const tx = db.transaction(storeName, 'readwrite', { durability: 'strict' })
      const store = tx.objectStore(storeName)
      const items = await request(store.getAll() as IDBRequest<Stored[]>)
      const mine: Stored[] = []
      for (const item of items) {
        if (item.owner === tab.id) mine.push(item)
        else if (item.owner === undefined || !tab.isAlive(item.owner)) {
          mine.push(item)
          store.put({ ...item, owner: tab.id })
        }
      }
      await done(tx)
      return mine.sort((a, b) => a.order - b.order).map(({ owner: _owner, ...item }) => item as QueuedCall)
    },
    async put(item) {
      const tx = db.transaction(storeName, 'readwrite', { durability: 'strict' })
      tx.objectStore(storeName).put({ ...item, owner: tab.id })
      await done(tx)
    },
    async remove(key) {
      const tx = db.transaction(storeName, 'readwrite')
      tx.objectStore(storeName).delete(key)
      await done(tx)
    },
  }
}
