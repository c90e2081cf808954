import { countRead } from '../../shared/store/reads';
import { localDatabase } from './database';

/**
 * How many articles the reader has opened (最近阅读), for the install offer,
 * which waits for a few. A public entry of its own (see ./index.ts): the
 * install feature loads it after the first paint, only where the offer could
 * be made, and it needs none of ./saved.ts (which brings the store's writes).
 */

/** Articles opened so far, counted up to `atLeast` (0 without storage). */
export async function countArticlesRead(atLeast: number): Promise<number> {
  const db = await localDatabase();
  return db ? Math.min(atLeast, await countRead(db)) : 0;
}
