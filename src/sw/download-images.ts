import { DOWNLOAD_IMAGE_CACHE } from '../shared/cache-names';
import { visitArticles } from '../shared/store';
import type { StoreDb } from '../shared/store';
import { ImagesInUse } from '../shared/sync/images';

/**
 * The pictures 下载离线 keeps (DOWNLOAD_IMAGE_CACHE), outside the runtime
 * image cache's limits: read first by the image route, and pruned here once
 * no stored article uses them (eviction, 清除 in 设置). Only the worker
 * prunes; the page asks it to with a `prune-images` message.
 */

let pruning: Promise<number> | undefined;
let again = false;

/** One pass: drops every kept picture no stored article uses; resolves how many. */
async function pruneOnce(db: StoreDb): Promise<number> {
  const cache = await caches.open(DOWNLOAD_IMAGE_CACHE);
  // Keys first, articles second: a picture is put only after its article is
  // stored, so one listed here whose article is still stored is seen in use
  // (one a running download puts later is not listed, so not dropped).
  const cached = (await cache.keys()).map((request) => request.url);
  if (cached.length === 0) return 0;
  const inUse = new ImagesInUse();
  await visitArticles(db, (article) => inUse.add(article));
  const unused = inUse.unused(cached);
  await Promise.all(unused.map((url) => cache.delete(url)));
  return unused.length;
}

/**
 * Drops the kept pictures no stored article uses any more. Calls while a pass
 * runs share it and one more pass after it (articles may have gone meanwhile),
 * so a burst of evictions costs two passes, not one each. Never rejects: a
 * picture left over is only space, taken back by the next pass.
 * @returns how many pictures were dropped.
 */
export function pruneDownloadImages(db: StoreDb): Promise<number> {
  if (pruning) {
    again = true;
    return pruning;
  }
  const run = async (): Promise<number> => {
    let dropped = 0;
    do {
      again = false;
      dropped += await pruneOnce(db);
    } while (again);
    return dropped;
  };
  pruning = run()
    .catch((error: unknown) => {
      console.warn('Downloaded images not pruned', error);
      return 0;
    })
    .finally(() => {
      pruning = undefined;
    });
  return pruning;
}

/** A downloaded article's picture, if it is kept; image requests look here before the image cache. */
export async function downloadedImage(request: Request): Promise<Response | undefined> {
  try {
    return await (await caches.open(DOWNLOAD_IMAGE_CACHE)).match(request.url);
  } catch {
    return undefined;
  }
}
