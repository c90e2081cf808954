import type { ComponentType } from 'preact';
import { useRef } from 'preact/hooks';
import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { ChunkError, CrashBoundary } from './components/crash-boundary';
import { LiveRegion } from './components/live-region';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import { InstallBannerSlot, InstallSection } from './install';
import type { Navigation } from './lib/page';
import { NavigationContext } from './lib/page';
import { UpdatePrompt } from './pwa/update-prompt';
import { Home } from './routes/home';

/**
 * Every route but home is its own chunk. If a chunk cannot be downloaded
 * (offline, or a new deployment removed it) preact-iso would wait forever, so
 * the failure becomes a small page that offers a reload instead.
 */
function route<P>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() =>
    load().catch((error: unknown) => {
      console.error('Route chunk failed to load', error);
      // Statically imported: when one chunk failed, another download may too.
      return { default: ChunkError as ComponentType<P> };
    }),
  );
}

const loadChannel = () => import('./routes/channel');
const loadArticle = () => import('./routes/article');

// The route a visit starts on is known before anything renders: fetch its chunk
// alongside the entry instead of after the first render (one round trip, or one
// service-worker hop, less before an article's text shows). The module cache
// makes the lazy route below reuse this same download.
// (Not in the build's prerender, which loads every route as it renders it.)
if (!import.meta.env.SSR) {
  if (location.pathname.startsWith('/article/')) void loadArticle().catch(() => undefined);
  else if (location.pathname.startsWith('/channel/')) void loadChannel().catch(() => undefined);
}

const Channel = route(loadChannel);
const ArticlePage = route(loadArticle);
const Search = route(() => import('./routes/search'));
const Saved = route(() => import('./routes/saved'));
// The settings page renders the install section, its own chunk: both download together.
const Settings = route(() => {
  void InstallSection.preload();
  return import('./routes/settings');
});
const About = route(() => import('./routes/about'));
const NotFound = route(() => import('./routes/not-found'));

/** The routes tools/prerender.ts writes pages for, by the first segment of their path. */
const PRERENDERED_ROUTES: Readonly<Record<string, { preload: () => Promise<unknown> }>> = {
  channel: Channel,
  article: ArticlePage,
  about: About,
};

/**
 * Loads the code of the route at `pathname` (home's is in the entry), so that
 * the first render over a prerendered page has every component at hand: a
 * route still loading would render nothing where the page shows its content.
 */
export async function preloadRoute(pathname: string): Promise<void> {
  const first = pathname.split('/')[1] ?? '';
  await (Object.hasOwn(PRERENDERED_ROUTES, first)
    ? PRERENDERED_ROUTES[first]?.preload()
    : undefined);
}

/** Counts in-app navigations (path changes) for focus management, see lib/page.ts. */
function useNavigation(): Navigation {
  const { path } = useLocation();
  const navigation = useRef<Navigation>({ id: 0, path });
  if (navigation.current.path !== path) {
    navigation.current = { id: navigation.current.id + 1, path };
  }
  return navigation.current;
}

function Shell() {
  const navigation = useNavigation();
  return (
    <NavigationContext.Provider value={navigation}>
      <a class="skip-link" href="#main">
        跳到正文
      </a>
      <SiteHeader />
      <main id="main" tabindex={-1}>
        <CrashBoundary resetKey={navigation.path}>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/channel/:id" component={Channel} />
            <Route path="/article/:id" component={ArticlePage} />
            <Route path="/search" component={Search} />
            <Route path="/saved" component={Saved} />
            <Route path="/settings" component={Settings} />
            <Route path="/about/:page" component={About} />
            <Route default component={NotFound} />
          </Router>
        </CrashBoundary>
      </main>
      <UpdatePrompt />
      <SiteFooter />
      <LiveRegion />
      <InstallBannerSlot />
    </NavigationContext.Provider>
  );
}

/** The application: router context around the shell. */
export function App() {
  return (
    <LocationProvider>
      <Shell />
    </LocationProvider>
  );
}
