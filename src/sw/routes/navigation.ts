import { getCacheKeyForURL, matchPrecache } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import type { BootPrefs } from '../../shared/boot';
import { SHELL_URL } from '../../shared/boot';
import type { Article, Channel } from '../../shared/feed/types';
import type { ReadyStamp } from '../../shared/ready-pages';
import {
  forgetReadyPages,
  isCurrent,
  matchReadyPage,
  prefsStamp,
  putReadyPage,
  stampedHeaders,
} from '../../shared/ready-pages';
import {
  getArticleRecord,
  getChannelArticles,
  getChannelPageRecord,
  getDirectoryRecord,
} from '../../shared/store';
import type { StoreDb } from '../../shared/store';
import { bootHomePage, bootListPage, bootPage } from '../boot/boot-page';
import type { HomeSectionContent } from '../boot/render-list';
import { readBootPrefs } from '../boot/boot-prefs';
import { database } from '../db';
import { navigationDenylist } from './scope';
import { withShellStyle } from './shell-style';

declare const self: ServiceWorkerGlobalScope;

const ARTICLE_PATH = /^\/article\/([^/]+)\/?$/;
const CHANNEL_PATH = /^\/channel\/([^/]+)\/?$/;
/**
 * How long a navigation waits for IndexedDB before taking the plain shell: a
 * cold database opens in tens of milliseconds; a stuck one must not hold the
 * page hostage (the app then reads, or explains, on its own).
 */
const STORE_WAIT_MS = 400;

function pathId(url: URL, path: RegExp): string | undefined {
  const match = path.exec(url.pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The stored articles of `id`'s first page, newest first; undefined when none is stored. */
async function storedFirstPage(db: StoreDb, id: string): Promise<Article[] | undefined> {
  const first = await getChannelPageRecord(db, id, 0);
  if (!first) return undefined;
  const articles = await getChannelArticles(db, id, { limit: first.articleIds.length });
  // Nothing to show (every item evicted): the app explains it better than an empty list.
  return articles.length > 0 ? articles : undefined;
}

/** A stored channel's heading and first page, as the app's channel page shows them first. */
async function storedChannel(
  id: string,
): Promise<{ title: string; articles: Article[] } | undefined> {
  const db = await database();
  const [directory, articles] = await Promise.all([
    getDirectoryRecord(db),
    storedFirstPage(db, id),
  ]);
  const channel = directory?.directory.channels.find((candidate) => candidate.id === id);
  return channel && articles ? { title: channel.title, articles } : undefined;
}

/** The stored front page: every section's first page (all of them, or nothing) and the cities. */
async function storedHome(): Promise<HomeSectionContent | undefined> {
  const db = await database();
  const channels = (await getDirectoryRecord(db))?.directory.channels;
  if (!channels) return undefined;
  const sectionChannels = channels.filter((channel) => channel.kind === 'section');
  const pages = await Promise.all(
    sectionChannels.map((channel) => storedFirstPage(db, channel.id)),
  );
  const sections = sectionChannels.map((channel, index) => ({ channel, articles: pages[index] }));
  // A section the app would have to fetch: its page, not a front page with a hole.
  if (
    !sections.every(
      (section): section is { channel: Channel; articles: Article[] } =>
        section.articles !== undefined,
    )
  )
    return undefined;
  return { sections, cities: channels.filter((channel) => channel.kind === 'city') };
}

async function storedArticle(id: string) {
  const db = await database();
  return (await getArticleRecord(db, id))?.article;
}

/** The shell's headers for a body of our own (its length and encoding no longer apply). */
function headersFor(shell: Response): Headers {
  const headers = new Headers(shell.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.set('content-type', 'text/html; charset=utf-8');
  return headers;
}

/** The stamp a ready page built now would carry; undefined when the shell is not precached. */
function currentStamp(prefs: BootPrefs): ReadyStamp | undefined {
  const shell = getCacheKeyForURL(SHELL_URL);
  return shell === undefined ? undefined : { shell, prefs: prefsStamp(prefs) };
}

/**
 * Keeps `html` as `article`'s ready page, then reads the article again: a
 * writer that changed it while this one rendered has already forgotten the
 * ready page (or will, after its commit), but may have done so before the put
 * landed; seeing a different article now, the page is forgotten here.
 */
async function keepReady(article: Article, html: string, headers: Headers): Promise<void> {
  await putReadyPage(article.id, new Response(html, { status: 200, headers }));
  const now = await storedArticle(article.id).catch(() => undefined);
  if (JSON.stringify(now) !== JSON.stringify(article)) await forgetReadyPages([article.id]);
}

/**
 * The shell, and for an article or a channel already stored, the shell with it
 * and the app's stylesheet written in (src/sw/boot): its text paints as soon
 * as the HTML is in, instead of after the app's code, the database and a
 * render. A rendered article is kept ready (src/shared/ready-pages.ts), so the
 * next navigation to it is answered from Cache Storage alone, before
 * IndexedDB is even opened. Anything missing or failing gives the plain
 * shell, which reads IndexedDB itself.
 */
async function answerNavigation(options: RouteHandlerCallbackOptions): Promise<Response> {
  const { url } = options;
  if (url.pathname === '/') return answerList(storedHome, bootHomePage);
  const channel = pathId(url, CHANNEL_PATH);
  if (channel !== undefined) {
    return answerList(
      () => storedChannel(channel),
      (shell, { title, articles }, prefs) => bootListPage(shell, title, articles, prefs),
    );
  }
  const id = pathId(url, ARTICLE_PATH);
  if (id === undefined) return (await matchPrecache(SHELL_URL)) ?? fetch(SHELL_URL);
  return answerArticle(id, options);
}

async function answerArticle(
  id: string,
  { event }: RouteHandlerCallbackOptions,
): Promise<Response> {
  const [ready, prefs] = await Promise.all([matchReadyPage(id), readBootPrefs()]);
  const stamp = currentStamp(prefs);
  if (ready && stamp && isCurrent(ready, stamp)) return ready;
  const shell = await matchPrecache(SHELL_URL);
  if (!shell) return fetch(SHELL_URL);
  const article = await within(storedArticle(id), STORE_WAIT_MS).catch(() => undefined);
  if (!article) return shell;
  const view = bootPage(await shell.clone().text(), article, prefs);
  if (view === undefined) return shell;
  const headers = headersFor(shell);
  const html = await withShellStyle(view, headers);
  if (stamp) {
    const kept = keepReady(article, html, stampedHeaders(headers, stamp));
    event.waitUntil(kept);
  }
  return new Response(html, { status: 200, headers });
}

/**
 * A stored list (the front page, a channel): the shell with what the page
 * shows first written in, read from IndexedDB at each navigation (lists change
 * with every refresh, so no ready page is kept). Not stored, or the database
 * slow: the plain shell.
 */
async function answerList<T>(
  read: () => Promise<T | undefined>,
  render: (shell: string, stored: T, prefs: BootPrefs) => string | undefined,
): Promise<Response> {
  const [shell, prefs] = await Promise.all([matchPrecache(SHELL_URL), readBootPrefs()]);
  if (!shell) return fetch(SHELL_URL);
  const stored = await within(read(), STORE_WAIT_MS).catch(() => undefined);
  if (stored === undefined) return shell;
  const view = render(await shell.clone().text(), stored, prefs);
  if (view === undefined) return shell;
  const headers = headersFor(shell);
  return new Response(await withShellStyle(view, headers), { status: 200, headers });
}

/**
 * Every in-app navigation gets the precached shell, online or not: the shell then
 * reads IndexedDB and renders the route at once. The shell is revalidated by the
 * precache itself (a new index.html means a new worker), so it is never stale
 * against the chunks it names.
 */
export function routeNavigationsToShell(feedBase: string, origin: string): void {
  // Ready pages name the old shell's files: a new version starts without them.
  self.addEventListener('activate', (event) => {
    event.waitUntil(forgetReadyPages('all'));
  });
  registerRoute(
    new NavigationRoute(answerNavigation, { denylist: navigationDenylist(feedBase, origin) }),
  );
}
