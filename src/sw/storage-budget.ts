import { evict } from '../shared/store';
import type { StoreDb } from '../shared/store';

/** At most this many bytes of articles, whatever the quota: plenty for weeks of all cities. */
const MAX_BUDGET_BYTES = 50 * 1024 * 1024;
/** …and never more than this share of the origin's quota, leaving room for images and the shell. */
const QUOTA_SHARE = 0.5;

/** The article budget: 50 MB or half the origin's quota, whichever is lower. */
export async function articleBudget(): Promise<number> {
  try {
    const { quota } = await navigator.storage.estimate();
    return quota ? Math.min(MAX_BUDGET_BYTES, Math.floor(quota * QUOTA_SHARE)) : MAX_BUDGET_BYTES;
  } catch {
    // No estimate (storage disabled, old browser): the fixed ceiling still bounds growth.
    return MAX_BUDGET_BYTES;
  }
}

/**
 * Brings stored articles under the budget: least recently read unsaved ones go
 * first, saved ones never. The pages hear of it through the connection's
 * onEvicted hook (db.ts). Returns how many articles were evicted.
 */
export async function applyStorageBudget(db: StoreDb): Promise<number> {
  return evict(db, await articleBudget());
}
