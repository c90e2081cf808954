import { isQuotaError, StoreQuotaError, storeFailure } from './errors';
import { evictForQuota } from './eviction';
import type { StoreDb } from './schema';

/**
 * Runs a write (a whole `inTransaction`), making room once if the browser
 * says the origin is out of space: the least recently used unsaved articles
 * are evicted, then the write is tried again. A second quota failure becomes a
 * StoreQuotaError; any other failure a StoreError. `neededBytes` is roughly
 * what the write adds, so eviction frees at least that much.
 */
export async function writeWithRoom<T>(
  db: StoreDb,
  action: string,
  attempt: () => Promise<T>,
  neededBytes = 0,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isQuotaError(error)) throw storeFailure(action, error);
  }
  const evicted = await evictForQuota(db, neededBytes);
  try {
    return await attempt();
  } catch (error) {
    if (!isQuotaError(error)) throw storeFailure(action, error);
    throw new StoreQuotaError(
      `IndexedDB ${action}: storage quota exceeded again after evicting ${evicted} articles`,
      { cause: error },
    );
  }
}
