import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleItem as ArticleItemComponent } from '../../src/app/components/article-item';
import type { shareUrl as shareUrlOf } from '../../src/app/routes/article';
import type { HomePageLink as HomePageLinkComponent } from '../../src/app/routes/home';
import type { Article } from '../../src/shared/feed/types';
import { HomeSectionItems } from '../../src/shared/view/home';
import { restorePageGlobals, stubPageGlobals } from './app-page-fixtures';
import { expectOnlyWebUrls, HOSTILE, SAFE, urlAttributes } from './hostile-urls';
import { article } from './store-fixtures';

/**
 * The page's own components that write a feed-provided URL into an attribute
 * or hand it on (list items' thumbnails, the home page's picture cards, the
 * article's share address), rendered with hostile URLs: none gets through.
 * (The article view itself is shared with the boot view: view-web-urls.test.ts.)
 */

interface Components {
  ArticleItem: typeof ArticleItemComponent;
  HomePageLink: typeof HomePageLinkComponent;
  shareUrl: typeof shareUrlOf;
}
let app: Components;

beforeAll(async () => {
  stubPageGlobals({
    url: 'https://news.example.com/',
    fetch: () => Promise.reject(new TypeError('offline')),
    indexedDB: new IDBFactory(),
    onLine: () => true,
  });
  // What the list items' marks (已读, 已收藏) listen to; nothing else of a document is needed.
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
  const [item, home, route] = await Promise.all([
    import('../../src/app/components/article-item'),
    import('../../src/app/routes/home'),
    import('../../src/app/routes/article'),
  ]);
  app = {
    ArticleItem: item.ArticleItem,
    HomePageLink: home.HomePageLink,
    shareUrl: route.shareUrl,
  };
});
afterAll(restorePageGlobals);

function withUrls(id: string, url: string): Article {
  return article(id, { url, image: { src: url, alt: '' } });
}

const renderers: [string, (a: Article) => string][] = [
  [
    'a channel list item',
    (a) =>
      renderToString(
        h('ul', null, h(app.ArticleItem, { article: a, channelId: 'hot', saveToggle: true })),
      ),
  ],
  [
    'the home page’s picture cards',
    (a) =>
      renderToString(
        h(HomeSectionItems, {
          channelId: 'photos',
          items: [a],
          Link: app.HomePageLink,
          noImages: false,
        }),
      ),
  ],
];

describe.each(renderers)('%s', (_, render) => {
  it('shows a web image (the check is not vacuous)', () => {
    expect(urlAttributes(render(withUrls('safe', SAFE)))).toContain(SAFE);
  });

  it.each(HOSTILE.map((url) => [url]))('writes no such src or href for %j', (url) => {
    const html = render(withUrls('hostile', url));
    expectOnlyWebUrls(html);
    // Only the app's own link to the article is left.
    expect(urlAttributes(html)).toEqual(['/article/hostile']);
    expect(html).toContain('标题 hostile');
  });
});

describe('the share address', () => {
  it('is the story’s web page when the feed gives one', () => {
    expect(app.shareUrl(withUrls('a', SAFE))).toBe(SAFE);
  });

  it.each(HOSTILE.map((url) => [url]))('is the app’s own link instead of %j', (url) => {
    expect(app.shareUrl(withUrls('a', url))).toBe('https://news.example.com/article/a');
  });
});
