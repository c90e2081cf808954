import type { BootPrefs } from '../../shared/boot';
import { BOOT_ENTRY_ATTRIBUTE, BOOT_LOADER_URL, BOOTING_CLASS } from '../../shared/boot';
import type { Article } from '../../shared/feed/types';
import { renderBootArticle, renderTitle } from './render-article';
import type { HomeSectionContent } from './render-list';
import { renderBootHome, renderBootList } from './render-list';
// The shell's title suffix: the boot view titles the tab as the app will.
import { HOME_DOCUMENT_TITLE, SITE_NAME } from '../../shared/site';

/** The shell's mount point, exactly as index.html writes it. */
const APP_ROOT = '<div id="app"></div>';
const HTML_OPEN = /<html\b([^>]*)>/;
const TITLE = /<title>[^<]*<\/title>/;
/** The app's entry script as Vite writes it into index.html. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="(\/assets\/[\w.-]+\.js)"><\/script>/;
/** Its static imports, fetched early; the loader's import() fetches them instead. */
const MODULE_PRELOADS = /\s*<link rel="modulepreload" crossorigin href="[^"]*">/g;

/**
 * The shell with `article` written in after the app's mount point, the
 * reader's settings on `<html>` (so the first paint already has their text
 * size and theme), the article's title, and the app's entry swapped for the
 * loader that starts it after the first paint. `undefined` when the shell is not
 * the one this worker knows how to extend (then the plain shell is served).
 */
export function bootPage(shell: string, article: Article, prefs: BootPrefs): string | undefined {
  return withView(
    shell,
    `${article.title} - ${SITE_NAME}`,
    () => renderBootArticle(article, prefs.noImages),
    prefs,
  );
}

/**
 * The shell with a stored channel's first screen written in (its heading and
 * `articles`, newest first), as {@link bootPage} does for an article.
 */
export function bootListPage(
  shell: string,
  title: string,
  articles: readonly Article[],
  prefs: BootPrefs,
): string | undefined {
  return withView(
    shell,
    `${title} - ${SITE_NAME}`,
    () => renderBootList(title, articles, prefs.noImages),
    prefs,
  );
}

/**
 * The shell with the stored front page written in (its sections' first pages
 * and the city grid), as {@link bootPage} does for an article.
 */
export function bootHomePage(
  shell: string,
  content: HomeSectionContent,
  prefs: BootPrefs,
): string | undefined {
  return withView(shell, HOME_DOCUMENT_TITLE, () => renderBootHome(content, prefs.noImages), prefs);
}

function withView(
  shell: string,
  documentTitle: string,
  view: () => string,
  prefs: BootPrefs,
): string | undefined {
  const entry = ENTRY_SCRIPT.exec(shell)?.[1];
  if (!shell.includes(APP_ROOT) || !HTML_OPEN.test(shell) || entry === undefined) return undefined;
  // Names and values were checked by parseBootPrefs: plain tokens, nothing to escape.
  const attributes = Object.entries(prefs.rootAttributes)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  const html = view();
  return (
    shell
      .replace(
        HTML_OPEN,
        (_, rest: string) => `<html${rest} class="${BOOTING_CLASS}"${attributes}>`,
      )
      .replace(TITLE, () => renderTitle(documentTitle))
      .replace(APP_ROOT, () => `${APP_ROOT}${html}`)
      // The app starts after the view is painted (public/boot-loader.js): evaluating
      // its code first would hold that paint for as long as the code takes.
      .replace(MODULE_PRELOADS, '')
      .replace(
        ENTRY_SCRIPT,
        () =>
          `<script type="module" src="${BOOT_LOADER_URL}" ${BOOT_ENTRY_ATTRIBUTE}="${entry}"></script>`,
      )
  );
}
