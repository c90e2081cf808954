/**
 * Names of the browser storage the page and the service worker share. They live
 * in one module so a rename (a new cache version) happens in one place for both.
 */

/**
 * The runtime cache of article images seen while reading. The service worker's
 * image strategy reads and fills it, within a count, age and quota limit. Bump
 * the suffix to drop old images.
 */
export const IMAGE_CACHE = 'qilu-images-v1';

/** The IndexedDB database holding articles, channel pages, feed metadata and user data. */
export const DB_NAME = 'qilu-reader';

/**
 * Pictures of saved (收藏) articles: kept apart from {@link IMAGE_CACHE} so its
 * count, age and quota limits never take them; pruned when articles are unsaved.
 */
export const SAVED_IMAGE_CACHE = 'qilu-saved-images-v1';

/**
 * Pictures of articles 下载离线 stored: kept apart from {@link IMAGE_CACHE} so
 * its count, age and quota limits never take them from an article downloaded to
 * be read offline; pruned by the worker once no stored article uses them
 * (after eviction or clearing, src/sw/download-images.ts).
 */
export const DOWNLOAD_IMAGE_CACHE = 'qilu-download-images-v1';
