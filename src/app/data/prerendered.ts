import type { ChannelDirectory } from '../../shared/feed/types';
import { PRERENDERED_ISLAND_ID, PRERENDER_ORIGIN } from '../../shared/prerender';
import { articleDocumentUrlOf } from './api';
import type { CachedArticle, ChannelPage } from './cache';
import {
  cacheArticle,
  cacheDirectory,
  cacheOutlinePage,
  cachedDirectory,
  forgetAllPages,
} from './cache';
import { localDatabase } from './database';
import { noteNotYetStored } from './marks';
import { refreshDirectoryInBackground, refreshPageInBackground } from './live';
import { refreshArticle } from './refresh';

/**
 * Pages prerendered at build time (tools/prerender.ts) carry the data they were
 * rendered from in a JSON island. The page puts it in memory before its first
 * render, so the app renders the very markup the HTML already shows (no
 * loading state, no layout shift), with no feed fetched or parsed on the
 * first visit. IndexedDB learns of it later, from the worker
 * ({@link catchUpPrerendered}).
 */

/** What one prerendered page was rendered from. */
export interface PrerenderedData {
  readonly version: 1;
  readonly directory: ChannelDirectory;
  /**
   * Channel pages the page lists, with outline items (no body): the prerender
   * sends a list's headlines, not every article's text.
   */
  readonly pages: readonly ChannelPage[];
  /** Whole articles the page shows (an article page's own). */
  readonly articles: readonly CachedArticle[];
}

function isPrerenderedData(value: unknown): value is PrerenderedData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  const directory = data.directory as Record<string, unknown> | null | undefined;
  return (
    data.version === 1 &&
    typeof directory === 'object' &&
    directory !== null &&
    Array.isArray(directory.channels) &&
    Array.isArray(data.pages) &&
    Array.isArray(data.articles)
  );
}

/**
 * The data island of a prerendered document, if it has one of this version.
 * Same-origin URLs in it are written with the build's placeholder origin.
 * The island is the build's own output (feed content in it went through the
 * same parser and sanitizer at build time), so a shape check is enough: one of
 * another version or a broken one is ignored, and the app reads as usual.
 */
export function readPrerendered(doc: Document): PrerenderedData | undefined {
  const island = doc.getElementById(PRERENDERED_ISLAND_ID);
  if (!island?.textContent) return undefined;
  try {
    // Origins contain nothing JSON escapes, so the swap cannot break a string.
    const text = island.textContent.split(PRERENDER_ORIGIN).join(location.origin);
    const value: unknown = JSON.parse(text);
    return isPrerenderedData(value) ? value : undefined;
  } catch (error) {
    console.warn('Prerendered data unreadable; reading the stored copy instead', error);
    return undefined;
  }
}

/**
 * Puts `data` in memory as if it had just been read. Its pages keep the time
 * they were built (what 「更新于」 says, as the HTML did) but are not refreshed
 * by the page when that is old (cache.ts, `isOutlinePage`): that would have the
 * page fetch and parse the feeds itself on a first visit, the work the
 * prerender saves. {@link catchUpPrerendered} has the worker fetch the newest
 * copies instead. The directory counts as read `now` for the same reason.
 */
export function seedPrerendered(data: PrerenderedData, now: number = Date.now()): void {
  if (!cachedDirectory()) cacheDirectory({ directory: data.directory, fetchedAt: now });
  for (const page of data.pages) cacheOutlinePage(page);
  for (const { article, channelIds } of data.articles) {
    cacheArticle(article, channelIds);
    noteNotYetStored(article);
  }
}

/** Forgets every page and article in memory: the build renders one route after another. */
export function forgetPrerendered(): void {
  forgetAllPages();
}

async function storeShown(data: PrerenderedData): Promise<void> {
  const db = await localDatabase();
  // Without IndexedDB the copies in memory are all this visit has: nothing to store.
  if (!db) return;
  refreshDirectoryInBackground(db);
  for (const page of data.pages) {
    refreshPageInBackground(db, page.channelId, page.pageIndex, page.url);
  }
  for (const { article } of data.articles) {
    refreshArticle(db, article.id, articleDocumentUrlOf(article.id)).catch((error: unknown) =>
      console.info(`Article "${article.id}" not stored yet`, error),
    );
  }
}

/**
 * Has what a prerendered page showed fetched and stored, so it reads offline,
 * is found by search and is current: by the service worker, once it controls
 * the page (its first install claims it), so the page itself never loads the
 * feed code on a first visit. Where there is no worker, `fallback` decides
 * when the page does it itself (after the first paint).
 */
export function catchUpPrerendered(
  data: PrerenderedData,
  fallback: (task: () => void) => void,
): void {
  const run = () => void storeShown(data);
  const workers = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (!workers || (import.meta.env.DEV && import.meta.env.VITE_SW_IN_DEV !== 'true')) {
    fallback(run);
    return;
  }
  if (workers.controller) fallback(run);
  else workers.addEventListener('controllerchange', run, { once: true });
}
