import type { WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { IMAGE_CACHE } from '../../shared/cache-names';
import { checkImageResponse } from '../../shared/sync/image-response';
import { downloadedImage } from '../download-images';
import { savedImage } from '../saved-images';

/** A month: article images do not change, and a reader may come back to a saved story. */
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** A size cap by count: ~300 feed images is a few MB of SVG/WebP, far below any quota. */
const MAX_ENTRIES = 300;

/**
 * An `<img>` from another origin is a no-cors request, whose opaque answer
 * Cache Storage would pad to megabytes and CacheFirst would not cache anyway.
 * The feed origin sends `Access-Control-Allow-Origin: *`, so ask it with CORS
 * instead: a readable, cacheable response, which may answer a no-cors request.
 */
const askWithCors: WorkboxPlugin = {
  requestWillFetch: async ({ request }) =>
    request.mode === 'no-cors' && new URL(request.url).origin !== location.origin
      ? new Request(request.url, { mode: 'cors', credentials: 'omit' })
      : request,
};

/**
 * Only a whole image within IMAGE_MAX_BYTES is kept (checkImageResponse): an
 * error page served with status 200, a huge or broken-off body still reach
 * the page as they came (it shows what it can) but are not cached; logged for
 * developers.
 */
const onlyWholeImages: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) => {
    const checked = await checkImageResponse(response);
    if (checked.ok) return checked.response;
    console.warn(`Image not cached: ${request.url}: ${checked.reason}`);
    return null;
  },
};

/**
 * Images: the pictures kept for saved (收藏) and downloaded (下载离线)
 * articles first, then cache first (they are immutable once published) from a
 * cache of recently seen ones with an age and count limit, dropped first when
 * the origin runs out of quota.
 *
 * @param origins Origins whose images are cached (the worker's own and the feed's).
 */
export function cacheImages(origins: ReadonlySet<string>): void {
  const recent = new CacheFirst({
    cacheName: IMAGE_CACHE,
    plugins: [
      askWithCors,
      onlyWholeImages,
      new ExpirationPlugin({
        maxEntries: MAX_ENTRIES,
        maxAgeSeconds: MAX_AGE_SECONDS,
        purgeOnQuotaError: true,
      }),
    ],
  });
  registerRoute(
    ({ request, url }) => request.destination === 'image' && origins.has(url.origin),
    // Kept pictures first: they live outside this cache's limits.
    async (options) =>
      (await savedImage(options.request)) ??
      (await downloadedImage(options.request)) ??
      recent.handle(options),
  );
}
