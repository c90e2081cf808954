/**
 * Names of the browser storage the page and the service worker share. They live
 * in one module so a rename (a new cache version) happens in one place for both.
 */

/**
 * The runtime cache of article images. The service worker's image strategy reads
 * and fills it; 下载离线 fills it ahead of time. Bump the suffix to drop old images.
 */
export const IMAGE_CACHE = 'qilu-images-v1';

/** The IndexedDB database holding articles, channel pages, feed metadata and user data. */
export const DB_NAME = 'qilu-reader';

/**
 * Pictures of saved (收藏) articles: kept apart from {@link IMAGE_CACHE} so its
 * count, age and quota limits never take them; pruned when articles are unsaved.
 */
export const SAVED_IMAGE_CACHE = 'qilu-saved-images-v1';
