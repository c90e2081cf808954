import { matchPrecache } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { RouteHandlerCallbackOptions } from 'workbox-core';
import { getArticleRecord } from '../../shared/store';
import { bootPage } from '../boot/boot-page';
import { readBootPrefs } from '../boot/boot-prefs';
import { database } from '../db';
import { navigationDenylist } from './scope';

const SHELL_URL = '/index.html';
const ARTICLE_PATH = /^\/article\/([^/]+)\/?$/;
/**
 * How long a navigation waits for IndexedDB before taking the plain shell: a
 * cold database opens in tens of milliseconds; a stuck one must not hold the
 * page hostage (the app then reads, or explains, on its own).
 */
const STORE_WAIT_MS = 400;

function articleId(url: URL): string | undefined {
  const match = ARTICLE_PATH.exec(url.pathname);
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

/**
 * The shell, and for an article already stored, the shell with the article
 * written in (src/sw/boot): its text paints as soon as the HTML and the
 * stylesheet are in, instead of after the app's code, the database and a
 * render. Anything missing or failing gives the plain shell, which reads
 * IndexedDB itself.
 */
async function answerNavigation({ url }: RouteHandlerCallbackOptions): Promise<Response> {
  const shell = await matchPrecache(SHELL_URL);
  if (!shell) return fetch(SHELL_URL);
  const id = articleId(url);
  if (id === undefined) return shell;
  const [article, prefs] = await Promise.all([
    within(storedArticle(id), STORE_WAIT_MS).catch(() => undefined),
    readBootPrefs(),
  ]);
  if (!article) return shell;
  const html = bootPage(await shell.clone().text(), article, prefs);
  if (html === undefined) return shell;
  return new Response(html, { status: 200, headers: headersFor(shell) });
}

/**
 * Every in-app navigation gets the precached shell, online or not: the shell then
 * reads IndexedDB and renders the route at once. The shell is revalidated by the
 * precache itself (a new index.html means a new worker), so it is never stale
 * against the chunks it names.
 */
export function routeNavigationsToShell(feedBase: string, origin: string): void {
  registerRoute(
    new NavigationRoute(answerNavigation, { denylist: navigationDenylist(feedBase, origin) }),
  );
}
