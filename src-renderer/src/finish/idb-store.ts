import { memoryStore, type QueuedCall, type QueueStore } from './capture-queue'

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

/**
 * Presses waiting for the office, in the browser's IndexedDB: they survive a reload, a crashed
 * tab and a host that is gone for a while. Kept per office (origin) by the browser itself.
 */
export async function indexedDbStore(): Promise<QueueStore> {
  if (typeof indexedDB === 'undefined') return memoryStore()
  const open = indexedDB.open(dbName, 1)
  open.onupgradeneeded = () => open.result.createObjectStore(storeName, { keyPath: 'key' })
  const db = await request(open)
  return {
    async all() {
      const items = await request(db.transaction(storeName).objectStore(storeName).getAll() as IDBRequest<(QueuedCall & { order: number })[]>)
      return items.sort((a, b) => a.order - b.order).map(({ order: _order, ...item }) => item as QueuedCall)
    },
    async put(item) {
      const tx = db.transaction(storeName, 'readwrite', { durability: 'strict' })
      // A device's sequence is the order its presses were made in.
      tx.objectStore(storeName).put({ ...item, order: item.input.seq })
      await done(tx)
    },
    async remove(key) {
      const tx = db.transaction(storeName, 'readwrite')
      tx.objectStore(storeName).delete(key)
      await done(tx)
    },
  }
}
