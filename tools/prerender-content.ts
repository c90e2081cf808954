import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelPage, PrerenderedData } from '../src/app/data/index';
import {
  parseArticleDocument,
  parseChannelDirectory,
  parseFeedPage,
} from '../src/shared/feed/index';
import { articleDocumentUrl } from '../src/shared/feed/article-url';
import type { Article, ChannelDirectory } from '../src/shared/feed/types';

/**
 * The built API as the prerender needs it: read from the output folder and
 * parsed by the app's own feed code (validation, limits, sanitizing), so the
 * prerendered pages hold exactly what the app would have read from the same
 * files.
 */

/** Pages of one channel the prerender follows at most (the demo has 3; a loop stops here). */
const MAX_PAGES_PER_CHANNEL = 200;

/** An article and the channels whose pages list it, in directory order. */
export interface ListedArticle {
  readonly article: Article;
  readonly channelIds: readonly string[];
}

/** Everything in the API, parsed. */
export interface SiteContent {
  readonly directory: ChannelDirectory;
  /** Each channel's pages, first page first. */
  readonly pages: ReadonlyMap<string, readonly ChannelPage[]>;
  /** Every article, from its own document where there is one, else from the pages. */
  readonly articles: ReadonlyMap<string, ListedArticle>;
}

/** Reads the API file behind `url`, which must lie under `feedBase`. */
async function readApiJson(apiDir: string, feedBase: string, url: string): Promise<unknown> {
  const { origin, pathname } = new URL(url);
  const base = new URL(feedBase);
  if (origin !== base.origin || !pathname.startsWith(base.pathname)) {
    throw new Error(`prerender: ${url} is not under FEED_BASE ${feedBase}`);
  }
  const file = path.join(apiDir, decodeURIComponent(pathname.slice(base.pathname.length)));
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

async function readChannelPages(
  apiDir: string,
  feedBase: string,
  channelId: string,
  feedUrl: string,
  builtAt: number,
): Promise<ChannelPage[]> {
  const pages: ChannelPage[] = [];
  const seen = new Set<string>();
  let url: string | undefined = feedUrl;
  while (url !== undefined && !seen.has(url) && pages.length < MAX_PAGES_PER_CHANNEL) {
    seen.add(url);
    const page = parseFeedPage(await readApiJson(apiDir, feedBase, url), url);
    pages.push({
      channelId,
      pageIndex: pages.length,
      url: page.url,
      items: page.items,
      ...(page.nextUrl !== undefined ? { nextUrl: page.nextUrl } : {}),
      fetchedAt: builtAt,
    });
    url = page.nextUrl;
  }
  return pages;
}

/** Ids of the articles that have their own document in `apiDir/articles/`. */
async function articleDocumentIds(apiDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(path.join(apiDir, 'articles'));
  } catch {
    // A producer need not publish article documents: the pages' items are used then.
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => decodeURIComponent(name.slice(0, -'.json'.length)));
}

/**
 * Reads the whole API under `apiDir`, which is served at `feedBase`
 * (absolute, under the prerender's placeholder origin when same-origin). Its
 * pages count as fetched at `builtAt`, as 「更新于」 then says.
 */
export async function readSiteContent(
  apiDir: string,
  feedBase: string,
  builtAt: number = Date.now(),
): Promise<SiteContent> {
  const directoryUrl = new URL('channels.json', feedBase).href;
  const directory = parseChannelDirectory(
    await readApiJson(apiDir, feedBase, directoryUrl),
    directoryUrl,
  );
  const pages = new Map<string, ChannelPage[]>();
  const listed = new Map<string, { article: Article; channelIds: string[] }>();
  for (const channel of directory.channels) {
    const chain = await readChannelPages(apiDir, feedBase, channel.id, channel.feedUrl, builtAt);
    pages.set(channel.id, chain);
    for (const page of chain) {
      for (const article of page.items) {
        const known = listed.get(article.id);
        if (!known) listed.set(article.id, { article, channelIds: [channel.id] });
        else if (!known.channelIds.includes(channel.id)) known.channelIds.push(channel.id);
      }
    }
  }
  for (const id of await articleDocumentIds(apiDir)) {
    const url = articleDocumentUrl(feedBase, id);
    const article = parseArticleDocument(await readApiJson(apiDir, feedBase, url), url, id);
    listed.set(id, { article, channelIds: listed.get(id)?.channelIds ?? [] });
  }
  return { directory, pages, articles: listed };
}

/** `article` as a list shows it: everything but the body. */
function outline(article: Article): Article {
  return { ...article, blocks: [], text: '' };
}

/** The first page of `channelId` with outline items, if the channel has one. */
function firstPageOutline(content: SiteContent, channelId: string): ChannelPage | undefined {
  const first = content.pages.get(channelId)?.[0];
  return first && { ...first, items: first.items.map(outline) };
}

function dataWith(
  content: SiteContent,
  channelIds: readonly string[],
  articles: readonly ListedArticle[] = [],
): PrerenderedData {
  const pages = [...new Set(channelIds)]
    .map((id) => firstPageOutline(content, id))
    .filter((page): page is ChannelPage => page !== undefined);
  return { version: 1, directory: content.directory, pages, articles };
}

/** Home: the sections' first pages (热点新闻, 滚动, 图片新闻). */
export function homeData(content: SiteContent): PrerenderedData {
  const sections = content.directory.channels.filter((channel) => channel.kind === 'section');
  return dataWith(
    content,
    sections.map((channel) => channel.id),
  );
}

/** A channel: its first page (「+更多」 reads the next ones as usual). */
export function channelData(content: SiteContent, channelId: string): PrerenderedData {
  return dataWith(content, [channelId]);
}

/** An article: the whole article, and the first pages 相关新闻 may be taken from. */
export function articleData(content: SiteContent, listed: ListedArticle): PrerenderedData {
  const city = listed.article.city;
  const channels = city !== undefined ? [...listed.channelIds, city] : listed.channelIds;
  return dataWith(content, channels, [listed]);
}

/** A page without feed content (the about pages): the directory, for the header. */
export function frameData(content: SiteContent): PrerenderedData {
  return dataWith(content, []);
}
