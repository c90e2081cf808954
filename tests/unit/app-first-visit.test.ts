import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { shownOnPage } from '../../src/app/first-visit/shown';
import { catchUpRequests } from '../../src/app/first-visit/worker';
import { PRERENDERED_ISLAND_ID, PRERENDER_ORIGIN } from '../../src/shared/prerender';

/** A page with `island` as its data island's text. */
function pageWith(island: string): Document {
  const { document } = parseHTML(
    `<!doctype html><html><body><div id="app"><main></main></div>` +
      `<script type="application/json" id="${PRERENDERED_ISLAND_ID}">${island}</script></body></html>`,
  );
  return document as unknown as Document;
}

const ISLAND = JSON.stringify({
  version: 1,
  directory: { channels: [] },
  pages: [
    {
      channelId: 'hot',
      pageIndex: 0,
      url: `${PRERENDER_ORIGIN}/api/feeds/hot.json`,
      items: [{ id: 'seed-1' }, { id: 'b' }, { title: 'no id' }],
    },
    { channelId: 'jinan', pageIndex: 0, url: `${PRERENDER_ORIGIN}/api/feeds/jinan.json` },
    // Not a page reference: left out, the rest still caught up.
    { channelId: 'odd', pageIndex: -1, url: 'x' },
    { channelId: 7, pageIndex: 0, url: 'x' },
  ],
  articles: [{ article: { id: 'seed-1', title: '标题' }, channelIds: ['hot'] }, { article: {} }],
});

describe('what a resting page shows, for the worker to store', () => {
  it('names the pages and articles of the island, on this page’s origin', () => {
    expect(shownOnPage(pageWith(ISLAND), 'https://reader.example')).toEqual({
      pages: [
        {
          channelId: 'hot',
          pageIndex: 0,
          url: 'https://reader.example/api/feeds/hot.json',
          itemIds: ['seed-1', 'b'],
        },
        {
          channelId: 'jinan',
          pageIndex: 0,
          url: 'https://reader.example/api/feeds/jinan.json',
          itemIds: [],
        },
      ],
      articleIds: ['seed-1'],
    });
  });

  it('is nothing for a page without an island or with a broken one', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    expect(shownOnPage(document as unknown as Document, 'https://r.example')).toBeUndefined();
    expect(shownOnPage(pageWith('{"pages": ['), 'https://r.example')).toBeUndefined();
    expect(shownOnPage(pageWith('"text"'), 'https://r.example')).toEqual({
      pages: [],
      articleIds: [],
    });
  });

  it('becomes one request per document, the article’s with the time it was opened', () => {
    const shown = shownOnPage(pageWith(ISLAND), 'https://reader.example');
    expect(shown).toBeDefined();
    const requests = catchUpRequests(shown ?? { pages: [], articleIds: [] }, 1_700_000_000_000);
    expect(requests.map(({ requestId: _, ...request }) => request)).toEqual([
      { type: 'sync-directory' },
      {
        type: 'sync-page',
        channelId: 'hot',
        pageIndex: 0,
        pageUrl: 'https://reader.example/api/feeds/hot.json',
        shownIds: ['seed-1', 'b'],
      },
      {
        type: 'sync-page',
        channelId: 'jinan',
        pageIndex: 0,
        pageUrl: 'https://reader.example/api/feeds/jinan.json',
        shownIds: [],
      },
      { type: 'sync-article', articleId: 'seed-1', readAt: 1_700_000_000_000 },
    ]);
    expect(new Set(requests.map((request) => request.requestId)).size).toBe(requests.length);
  });
});
