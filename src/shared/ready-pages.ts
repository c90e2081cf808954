/**
 * Ready pages: the boot view of a stored article (src/sw/boot), kept rendered
 * in Cache Storage so that the worker answers a navigation to it with one
 * cache match, without opening IndexedDB or rendering on the start-up path.
 *
 * A ready page is only as good as what it was rendered from, so:
 * - each one carries a {@link ReadyStamp} (the shell's precache key and the
 *   reader's mirrored settings) and is served only while both still match;
 * - every change of a stored article's content, and every deletion (eviction,
 *   clearing, a page dropping it), forgets its ready page: the store calls its
 *   connection's `onArticlesChanged` hook after the transaction commits, in the
 *   page and in the worker alike (whoever writes);
 * - a page rendered while the article changed is checked again after it is put
 *   (src/sw/routes/navigation.ts), so a write racing the render cannot leave it stale.
 *
 * Shared by page and worker: both write IndexedDB, so both forget ready pages.
 */
import type { BootPrefs } from './boot';

/** The Cache Storage cache holding ready pages. Bump the suffix to drop them all. */
export const READY_PAGE_CACHE = 'qilu-ready-pages-v1';

/** Response headers recording what a ready page was rendered against. */
const SHELL_HEADER = 'x-qilu-ready-shell';
const PREFS_HEADER = 'x-qilu-ready-prefs';

/** What a ready page depends on besides the article itself. */
export interface ReadyStamp {
  /** The precache key (URL with revision) of the shell the page was built from. */
  readonly shell: string;
  /** {@link prefsStamp} of the reader's settings it was rendered with. */
  readonly prefs: string;
}

/** The cache key of `articleId`'s ready page (not a URL anything navigates to). */
export function readyPageKey(articleId: string): string {
  return `/__qilu/ready/${encodeURIComponent(articleId)}`;
}

/**
 * A canonical string for `prefs` (attributes sorted), so the same settings
 * always give the same stamp. Plain ASCII: parseBootPrefs allows only tokens.
 */
export function prefsStamp(prefs: BootPrefs): string {
  const attributes = Object.entries(prefs.rootAttributes).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([attributes, prefs.noImages]);
}

/** Headers for a ready page: `headers` plus `stamp`. */
export function stampedHeaders(headers: Headers, stamp: ReadyStamp): Headers {
  const stamped = new Headers(headers);
  stamped.set(SHELL_HEADER, stamp.shell);
  stamped.set(PREFS_HEADER, stamp.prefs);
  return stamped;
}

/** True when `page` was rendered from the shell and settings `current` describes. */
export function isCurrent(page: Response, current: ReadyStamp): boolean {
  return (
    page.headers.get(SHELL_HEADER) === current.shell &&
    page.headers.get(PREFS_HEADER) === current.prefs
  );
}

function storage(): CacheStorage | undefined {
  return typeof caches === 'undefined' ? undefined : caches;
}

/** The ready page of `articleId` as stored (stamp not checked); undefined when none or unreadable. */
export async function matchReadyPage(articleId: string): Promise<Response | undefined> {
  try {
    const cache = await storage()?.open(READY_PAGE_CACHE);
    return await cache?.match(readyPageKey(articleId));
  } catch {
    return undefined;
  }
}

/** Stores `page` (already stamped) as `articleId`'s ready page. Failures are ignored: it is a cache. */
export async function putReadyPage(articleId: string, page: Response): Promise<void> {
  try {
    const cache = await storage()?.open(READY_PAGE_CACHE);
    await cache?.put(readyPageKey(articleId), page);
  } catch {
    // Full or unavailable: the worker renders from IndexedDB instead.
  }
}

/**
 * Forgets the ready pages of `ids` (their articles changed or went), or all of
 * them. Never throws: a page that could not be deleted is the worse outcome,
 * but the caller's write already happened and must not be reported as failed.
 */
export async function forgetReadyPages(ids: readonly string[] | 'all'): Promise<void> {
  const cacheStorage = storage();
  if (!cacheStorage) return;
  try {
    if (ids === 'all') {
      await cacheStorage.delete(READY_PAGE_CACHE);
      return;
    }
    if (ids.length === 0 || !(await cacheStorage.has(READY_PAGE_CACHE))) return;
    const cache = await cacheStorage.open(READY_PAGE_CACHE);
    await Promise.all(ids.map((id) => cache.delete(readyPageKey(id))));
  } catch (error) {
    console.warn('Could not forget ready pages', error);
  }
}
