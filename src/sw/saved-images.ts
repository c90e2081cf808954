import { IMAGE_CACHE, SAVED_IMAGE_CACHE } from '../shared/cache-names';
import { getArticleRecord, listSaved } from '../shared/store';
import type { StoreDb } from '../shared/store';
import { articleImageUrls, keepImage } from '../shared/sync/images';
import { database } from './db';

/** What {@link syncSavedImages} achieved for the article it was asked about. */
export interface SavedImages {
  /** Its images now kept (fetched now, or copied from the image cache). */
  readonly cached: number;
  /** Images that could not be fetched (offline, gone): they load when next seen online. */
  readonly failed: number;
}

/** Every image URL of every saved article still stored (saved ones are never evicted). */
async function savedImageUrls(db: StoreDb): Promise<Set<string>> {
  const saved = await listSaved(db);
  return new Set(
    saved.flatMap((entry) => (entry.stored ? articleImageUrls(entry.stored.article) : [])),
  );
}

/**
 * Brings the saved-images cache in line with 收藏 after `articleId` was saved
 * or unsaved: a saved article's pictures are kept (so it reads offline with
 * them even if it was saved from a list and never opened, and the image
 * cache's limits never take them), and pictures no saved article uses any
 * more are dropped.
 */
export async function syncSavedImages(articleId: string): Promise<SavedImages> {
  const db = await database();
  const [saved, images, keepUrls, stored] = await Promise.all([
    caches.open(SAVED_IMAGE_CACHE),
    caches.open(IMAGE_CACHE),
    savedImageUrls(db),
    getArticleRecord(db, articleId),
  ]);
  const urls = stored ? articleImageUrls(stored.article).filter((url) => keepUrls.has(url)) : [];
  const results = await Promise.all(
    urls.map((url) => keepImage(saved, images, url, fetch, undefined)),
  );
  for (const request of await saved.keys()) {
    if (!keepUrls.has(request.url)) await saved.delete(request);
  }
  const cached = results.filter(Boolean).length;
  return { cached, failed: results.length - cached };
}

/** A saved article's picture, if it is kept; image requests look here first. */
export async function savedImage(request: Request): Promise<Response | undefined> {
  try {
    return await (await caches.open(SAVED_IMAGE_CACHE)).match(request.url);
  } catch {
    return undefined;
  }
}
