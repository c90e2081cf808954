import type { SearchRequest, SearchResponse } from '../../../shared/search/index';
import { lazyModule } from '../../lib/lazy-module';
import { getChannelPage } from '../channel-pages';
import { getDirectory } from '../directory';
import { loadSearch } from './search-module';
import { searchStored } from './stored-search';

/** A search as the page shows it, and where its results come from. */
export type PageSearch =
  /** The articles stored on this device, through the index (offline too). */
  | { readonly source: 'device'; readonly response: SearchResponse }
  /**
   * No local storage (private mode, a blocked upgrade): only the first pages
   * of the channels loaded for this visit, matched by substring.
   */
  | {
      readonly source: 'loaded';
      readonly response: SearchResponse;
      readonly failedChannels: number;
    };

/** The substring search, needed only on a device without IndexedDB. */
const loadedSearch = lazyModule(() => import('./loaded-search'));

/** Searches the device's index, or what could be loaded when there is no local storage. */
export async function runSearch(request: SearchRequest): Promise<PageSearch> {
  const stored = await searchStored(request);
  if (stored) return { source: 'device', response: stored };
  const [{ hits, failedChannels }, search] = await Promise.all([
    loadedSearch.load().then((loaded) => loaded.searchLoaded(request.query)),
    loadSearch(),
  ]);
  const phrases = search.parseQuery(request.query).phrases.map((phrase) => phrase.text);
  const matching = request.channelId
    ? hits.filter((hit) => hit.channel.id === request.channelId)
    : hits;
  return {
    source: 'loaded',
    failedChannels: failedChannels.length,
    response: {
      query: request.query,
      total: matching.length,
      relaxed: false,
      indexed: 0,
      pending: 0,
      hits: matching.slice(0, request.limit ?? matching.length).map(({ article, channel }) => ({
        articleId: article.id,
        title: search.highlight(article.title, phrases),
        datePublished: article.datePublished,
        channelIds: [channel.id],
        snippet: search.excerpt(article.text || article.summary, phrases),
      })),
    },
  };
}

/**
 * Makes sure the first page of every channel is stored (read from IndexedDB,
 * fetched when missing and the network allows; each lands in the index as it
 * is stored), so a search on a new device already covers the latest news.
 * Failures are left to the channel pages to report.
 */
export async function ensureFirstPages(): Promise<void> {
  try {
    const directory = await getDirectory();
    await Promise.allSettled(directory.channels.map((channel) => getChannelPage(channel.id)));
  } catch {
    // No directory (offline on a new device): search what is there.
  }
}
