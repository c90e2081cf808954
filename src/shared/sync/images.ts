import type { Article, Block } from '../feed/types';
import { checkImageResponse } from './image-response';

/**
 * Images of articles, put into the runtime image cache ahead of time by
 * 下载离线, so pictures show offline too.
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
