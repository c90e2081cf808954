import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { announce } from './announce';
import { createObservable } from './observable';
import { SITE_NAME } from '../../shared/site';
import { endBootView } from './boot-view';
import { cleanLine } from '../../shared/feed/line-text';

/** The site name, appended to every page title (one definition, shared with the boot view). */
export { SITE_NAME };

/**
 * Which client-side navigation we are on. `id` is 0 on the first load and grows
 * by one each time the path changes in-app; query-only changes (the search box
 * updating `?q=`) are not navigations and must not move focus.
 */
export interface Navigation {
  readonly id: number;
  readonly path: string;
}

/** Provided by the shell; read by {@link usePage}. */
export const NavigationContext = createContext<Navigation>({ id: 0, path: '/' });

/** A page as it is put on screen: its route's path and the document title it set. */
export interface ShownPage {
  readonly path: string;
  readonly title: string;
}

/**
 * The page on screen, set each time a route's content is there ({@link usePage}).
 * What follows the pages without being one (the install banner counts articles
 * read once an article has rendered) subscribes here rather than watching
 * document.title.
 */
export const shownPage = createObservable<ShownPage | undefined>(undefined);

/** The document title of a page headed `title`. */
function pageTitle(title: string, documentTitle: string | undefined): string {
  return cleanLine(documentTitle ?? `${title} - ${SITE_NAME}`);
}

/** The title the last page rendered at build time set (tools/prerender.ts writes it into <title>). */
export const prerenderedTitle: { current: string | undefined } = { current: undefined };

/** The last navigation whose page has taken focus, shared by all pages. */
let handledNavigation = 0;

function moveFocus(): void {
  // A fragment (/about/contact#email) names where the reader wants to be.
  const fragment = location.hash
    ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
    : null;
  const target = fragment ?? document.querySelector<HTMLElement>('#main h1');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * Every route calls this with its heading once its content is there
 * (`undefined` while loading). It sets document.title and, after an in-app
 * navigation, moves focus to the page's h1 and announces the title in the
 * shell's live region — what a full page load would have given a screen
 * reader user for free. On the first load focus stays where the browser put it.
 */
export function usePage(title: string | undefined, documentTitle?: string): void {
  const navigation = useContext(NavigationContext);
  // A page kept on screen while the next route's code loads sees the new
  // navigation too; only the page the navigation is for may act on it.
  const { path } = useRoute();
  // The prerender runs no effects: it reads the title here.
  if (import.meta.env.SSR && title !== undefined && navigation.path === path) {
    prerenderedTitle.current = pageTitle(title, documentTitle);
  }
  useEffect(() => {
    if (title === undefined || navigation.path !== path) return;
    // The app's page is ready: it replaces the worker's boot view, if any.
    endBootView();
    // Cleaned again here (the parser already did) for articles stored by older versions:
    // no control or bidi override character may make the tab title read differently.
    document.title = pageTitle(title, documentTitle);
    shownPage.set({ path, title: document.title });
    if (navigation.id > handledNavigation) {
      handledNavigation = navigation.id;
      moveFocus();
      announce(title);
    } else if (location.hash) {
      document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
    }
  }, [title, documentTitle, navigation, path]);
}
