import { locationStub } from 'preact-iso/prerender';
import { renderToStringAsync } from 'preact-render-to-string';
import { App } from '../app';
import type { PrerenderedData } from '../data';
import { forgetPrerendered, seedPrerendered } from '../data';
import { prerenderedTitle } from '../lib/page';

export { ABOUT_SLUGS } from '../routes/about/pages';

/**
 * The build's entry into the app (tools/prerender.ts loads it through Vite's
 * SSR loader): one route rendered to HTML by the app's own components, from
 * the data the page will find in its island. Node only; nothing in the
 * browser imports it.
 */

/** One prerendered route: the markup of `#app` and the document title the route sets. */
export interface RenderedRoute {
  readonly html: string;
  readonly title: string | undefined;
}

/**
 * Renders the app at `url` (a URL under the placeholder origin the build uses)
 * with `data` in memory, as the page will hold it before its first render.
 */
export async function renderRoute(url: string, data: PrerenderedData): Promise<RenderedRoute> {
  locationStub(url);
  forgetPrerendered();
  prerenderedTitle.current = undefined;
  seedPrerendered(data, 0);
  const html = await renderToStringAsync(<App />);
  return { html, title: prerenderedTitle.current };
}
