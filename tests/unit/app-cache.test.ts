import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/shared/feed/types';
import type { ChannelPage } from '../../src/app/data/cache';
import {
  cachedArticle,
  cachedChain,
  forgetChannel,
  cacheArticle,
  cachePage,
} from '../../src/app/data/cache';

function article(id: string): Article {
  return {
    id,
    title: `标题 ${id}`,
    subtitles: [],
    datePublished: '2023-05-06T10:30:13+08:00',
    authors: [],
    summary: '',
    tags: [],
    blocks: [],
    text: '',
  };
}

function page(
  channelId: string,
  pageIndex: number,
  ids: string[],
  nextIndex?: number,
): ChannelPage {
  const url = (index: number) => `https://example.test/feeds/${channelId}-${index + 1}.json`;
  return {
    channelId,
    pageIndex,
    url: url(pageIndex),
    items: ids.map(article),
    nextUrl: nextIndex === undefined ? undefined : url(nextIndex),
    fetchedAt: 1,
  };
}

describe('the in-memory page chain', () => {
  it('is the gapless run of pages from the first, each the nextUrl of the one before', () => {
    cachePage(page('c1', 0, ['a', 'b'], 1));
    cachePage(page('c1', 2, ['e'], undefined));
    expect(cachedChain('c1').map((p) => p.pageIndex)).toEqual([0]);
    cachePage(page('c1', 1, ['c', 'd'], 2));
    expect(cachedChain('c1').map((p) => p.pageIndex)).toEqual([0, 1, 2]);
  });

  it('stops where a refreshed page no longer links to the next one', () => {
    cachePage(page('c2', 0, ['a'], 1));
    cachePage(page('c2', 1, ['b'], undefined));
    expect(cachedChain('c2')).toHaveLength(2);
    cachePage({ ...page('c2', 0, ['a']), nextUrl: 'https://example.test/feeds/elsewhere.json' });
    expect(cachedChain('c2').map((p) => p.pageIndex)).toEqual([0]);
  });

  it('is empty for a channel never read', () => {
    expect(cachedChain('never')).toEqual([]);
  });
});

describe('the in-memory articles', () => {
  it('remember every channel an article was seen in, and forget a cleared channel', () => {
    cachePage(page('c3', 0, ['shared']));
    cachePage(page('c4', 0, ['shared']));
    cacheArticle(article('shared'), ['c5']);
    expect(cachedArticle('shared')?.channelIds).toEqual(['c3', 'c4', 'c5']);
    forgetChannel('c3');
    expect(cachedChain('c3')).toEqual([]);
    expect(cachedArticle('shared')).toBeUndefined();
  });
});
