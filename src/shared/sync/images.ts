import type { Article, Block } from '../feed/types';
import { checkImageResponse } from './image-response';

/**
 * Images of articles, kept ahead of time by 下载离线 and 收藏 in caches of
 * their own, so pictures show offline too.
 */

/** The lead image and every figure of an article (quotes included), each URL once. */
export function articleImageUrls(article: Article): string[] {
  const urls = new Set<string>();
  if (article.image) urls.add(article.image.src);
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      if (block.t === 'figure') urls.add(block.src);
      else if (block.t === 'quote') visit(block.c);
    }
  };
  visit(article.blocks);
  return [...urls];
}

/** Default time limit for one image, in ms. */
export const IMAGE_TIMEOUT_MS = 15_000;

/**
 * Puts one image into `cache` unless it is there already. Fetched in CORS mode:
 * an opaque (no-cors) response would be stored padded to megabytes of quota in
 * Chromium, and its status cannot be checked. Only a whole image within
 * IMAGE_MAX_BYTES is stored (checkImageResponse: an error page served with
 * status 200, a huge or broken-off body are not; each is logged for
 * developers). A failing image is reported as `false`, never thrown (the
 * caller's abort excepted: it rethrows the reason); the article is stored
 * without it either way.
 */
export async function cacheImage(
  cache: Cache,
  url: string,
  doFetch: typeof fetch,
  signal: AbortSignal | undefined,
  timeoutMs: number = IMAGE_TIMEOUT_MS,
): Promise<boolean> {
  if (await cache.match(url)) return true;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const forward = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  try {
    signal?.throwIfAborted();
    const checked = await checkImageResponse(await doFetch(url, { signal: controller.signal }));
    // A timeout or the caller's abort while reading the body is not the image's fault.
    if (controller.signal.aborted) throw controller.signal.reason;
    if (!checked.ok) {
      console.warn(`Image not stored: ${url}: ${checked.reason}`);
      return false;
    }
    await cache.put(url, checked.response);
    return true;
  } catch {
    if (signal?.aborted) throw signal.reason;
    return false;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

/**
 * Keeps one image in `kept` (a cache outside the image cache's limits): there
 * already, copied from `recent` (the runtime image cache) when a whole copy is
 * there (checked again: an entry may date from a version that stored
 * anything), else fetched as {@link cacheImage} does. Never throws but for the
 * caller's abort.
 * @returns whether the image is now in `kept`.
 */
export async function keepImage(
  kept: Cache,
  recent: Cache | undefined,
  url: string,
  doFetch: typeof fetch,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (await kept.match(url)) return true;
  signal?.throwIfAborted();
  try {
    const seen = await recent?.match(url);
    const checked = seen && (await checkImageResponse(seen));
    if (checked?.ok) {
      await kept.put(url, checked.response);
      return true;
    }
  } catch (error) {
    // A failed copy (a full disk) is the same as no copy: the fetch below says why.
    console.warn(`Image not copied: ${url}`, error);
  }
  return cacheImage(kept, url, doFetch, signal);
}

/**
 * The images some stored articles use, gathered one article at a time (the
 * store walks its articles without holding them all), and what a cache of
 * kept images may drop because none of them uses it any more.
 */
export class ImagesInUse {
  private readonly used = new Set<string>();

  /** Counts the lead image and figures of `article` as used. */
  add(article: Article): void {
    for (const url of articleImageUrls(article)) this.used.add(url);
  }

  /** The URLs among `cachedUrls` that no article added uses, in their order. */
  unused(cachedUrls: Iterable<string>): string[] {
    return [...cachedUrls].filter((url) => !this.used.has(url));
  }
}
