import type { APIRequestContext } from '@playwright/test';
import { articlePath, channelDirectory, feedPages } from './fixtures';

/** An article whose body has a figure: the first one in any channel's first page. */
async function articleWithFigure(request: APIRequestContext): Promise<string> {
  for (const channel of await channelDirectory(request)) {
    const [firstPage = []] = await feedPages(request, channel);
    const item = firstPage.find((entry) => /<(figure|img)\b/i.test(entry.content_html ?? ''));
    if (item) return articlePath(item.id);
  }
  throw new Error('no article with a figure in the demo content');
}

/** A route to visit: a fixed path, or one found in the feed at test time. */
export interface RouteCase {
  name: string;
  path: string | ((request: APIRequestContext) => Promise<string>);
}

/** Every kind of page the app has, for the axe and CSP sweeps. */
export const ROUTES: RouteCase[] = [
  { name: 'home', path: '/' },
  { name: 'a section channel', path: '/channel/hot' },
  { name: 'a city channel', path: '/channel/jinan' },
  { name: 'the seed article', path: '/article/seed-271a4622fc35748e' },
  { name: 'an article with a figure', path: articleWithFigure },
  { name: 'search with results', path: `/search?q=${encodeURIComponent('济南')}` },
  { name: 'search with no results', path: `/search?q=${encodeURIComponent('没有这样的新闻zzz')}` },
  { name: 'saved', path: '/saved' },
  { name: 'settings', path: '/settings' },
  { name: 'about: contact', path: '/about/contact' },
  { name: 'about: jobs', path: '/about/jobs' },
  { name: 'about: copyright', path: '/about/copyright' },
  { name: 'about: ads', path: '/about/ads' },
  { name: 'about: about', path: '/about/about' },
  { name: 'about: report', path: '/about/report' },
  { name: 'about: accessibility', path: '/about/accessibility' },
  { name: '404', path: '/no/such/page' },
];

/** The URL path of a route case. */
export async function resolveRoute(route: RouteCase, request: APIRequestContext): Promise<string> {
  return typeof route.path === 'string' ? route.path : route.path(request);
}
