/**
 * Sync: fetch feed documents (conditionally), validate and convert them with
 * the shared feed module, and write them through the store. It runs in the
 * service worker, and in the page only when no worker controls it.
 */
export type { SyncOptions } from './options';
export { syncDirectory } from './directory';
export { syncFeedPage } from './page';
export { syncArticleDocument } from './article';
export { toSyncFailure } from './failure';
export type { DownloadOptions, DownloadProgress, DownloadResult, DownloadResume } from './download';
export { downloadChannels } from './download';
export { ImagesInUse, articleImageUrls, keepImage } from './images';
export { conditionalHeaders } from './conditional';
export { storedVersion } from './stored-version';
