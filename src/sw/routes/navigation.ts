import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { navigationDenylist } from './scope';

/**
 * Every in-app navigation gets the precached shell, online or not: the shell then
 * reads IndexedDB and renders the route at once. The shell is revalidated by the
 * precache itself (a new index.html means a new worker), so it is never stale
 * against the chunks it names.
 */
export function routeNavigationsToShell(feedBase: string, origin: string): void {
  const shell = createHandlerBoundToURL('/index.html');
  registerRoute(new NavigationRoute(shell, { denylist: navigationDenylist(feedBase, origin) }));
}
