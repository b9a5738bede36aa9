/**
 * Asks the browser engine to keep our IndexedDB even under storage pressure
 * (navigator.storage.persist()). Without it, Chromium may evict the ledger when the disk fills.
 */
export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

export async function requestPersistentStorage(storage: StorageManager | undefined = navigator.storage): Promise<PersistenceResult> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
