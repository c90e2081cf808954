import path from 'node:path';
import { buildContentApi } from '../../content/lib/api';
import { parseFeedPage } from '../../src/shared/feed/parse';
import type { Article, FeedPage } from '../../src/shared/feed/types';
import { ensureIndexVersion, searchIndexer } from '../../src/shared/search/index';
import type { StoreDb } from '../../src/shared/store/index';
import { putFeedPage } from '../../src/shared/store/index';
import { freshStore } from './store-fixtures';

/**
 * Shared by the search-* tests: the demo content as the app would store it
 * (every channel's pages, parsed by the app's own feed parser), and stores
 * that index as the service worker's does.
 */

const API_ROOT = 'https://news.example.com/api/';

/** Every channel's pages of the demo content, in order, parsed as the app parses them. */
let demo: Promise<Map<string, FeedPage[]>> | undefined;

/** The demo content's pages by channel id (built once per test file). */
export function demoPages(): Promise<Map<string, FeedPage[]>> {
  demo ??= (async () => {
    const api = await buildContentApi({ contentDir: path.resolve('content') });
    const pages = new Map<string, FeedPage[]>();
    for (const [name, file] of api) {
      const match = /^feeds\/([a-z]+)(?:-(\d+))?\.json$/.exec(name);
      if (!match?.[1]) continue;
      const list = pages.get(match[1]) ?? [];
      list[Number(match[2] ?? '1') - 1] = parseFeedPage(
        JSON.parse(file.body),
        `${API_ROOT}${name}`,
      );
      pages.set(match[1], list);
    }
    return pages;
  })();
  return demo;
}

/** Every distinct demo article. */
export async function demoArticles(): Promise<Article[]> {
  const byId = new Map<string, Article>();
  for (const pages of (await demoPages()).values()) {
    for (const page of pages) for (const item of page.items) byId.set(item.id, item);
  }
  return [...byId.values()];
}

/** A fresh store whose writes are indexed inline, as the service worker's are. */
export async function indexingStore(): Promise<StoreDb> {
  const db = await freshStore({ indexer: searchIndexer });
  await ensureIndexVersion(db);
  return db;
}

/** Writes every page of `channels` (default: all) of the demo content, as a download would. */
export async function storeDemo(db: StoreDb, channels?: readonly string[]): Promise<void> {
  for (const [channelId, pages] of await demoPages()) {
    if (channels && !channels.includes(channelId)) continue;
    for (const [index, page] of pages.entries()) {
      await putFeedPage(db, channelId, index, page, { fetchedAt: 1000 + index });
    }
  }
}

/** A one-item feed page for channel test pages. */
export function singlePage(url: string, items: readonly Article[]): FeedPage {
  return { url, title: '测试', items, skipped: 0, problems: [], repaired: 0, repairs: [] };
}
