import { PRERENDERED_ISLAND_ID, PRERENDER_ORIGIN } from '../../shared/prerender';

/**
 * What a prerendered page shows, as far as the worker needs to know to store
 * it: the channel pages it lists and the articles it carries whole. Read from
 * the page's data island (tools/prerender.ts) without the app's data layer,
 * which a resting first visit does not load.
 */
export interface ShownOnPage {
  readonly pages: readonly ShownPage[];
  readonly articleIds: readonly string[];
}

/** One channel page the page lists: where it is read from, and the ids it shows, in order. */
export interface ShownPage {
  readonly channelId: string;
  readonly pageIndex: number;
  readonly url: string;
  readonly itemIds: readonly string[];
}

function isPageRef(
  value: unknown,
): value is Omit<ShownPage, 'itemIds'> & { readonly items?: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return (
    typeof page.channelId === 'string' &&
    typeof page.url === 'string' &&
    typeof page.pageIndex === 'number' &&
    Number.isInteger(page.pageIndex) &&
    page.pageIndex >= 0
  );
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function articleIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return idOf((value as { article?: unknown }).article);
}

/**
 * The pages and articles `doc`'s data island names, with the build's
 * placeholder origin made this page's; undefined when there is no island or it
 * cannot be read (then nothing is caught up, and nothing else breaks: the
 * island is only ever the build's own output).
 */
export function shownOnPage(doc: Document, origin: string): ShownOnPage | undefined {
  const text = doc.getElementById(PRERENDERED_ISLAND_ID)?.textContent;
  if (!text) return undefined;
  try {
    const data = JSON.parse(text.split(PRERENDER_ORIGIN).join(origin)) as Record<string, unknown>;
    const pages = Array.isArray(data.pages) ? data.pages.filter(isPageRef) : [];
    const articles = Array.isArray(data.articles) ? data.articles : [];
    const articleIds = articles.map(articleIdOf).filter((id) => id !== undefined);
    return {
      pages: pages.map(({ channelId, pageIndex, url, items }) => ({
        channelId,
        pageIndex,
        url,
        itemIds: Array.isArray(items) ? items.map(idOf).filter((id) => id !== undefined) : [],
      })),
      articleIds,
    };
  } catch (error) {
    console.warn('Prerendered data unreadable; the worker stores the page later', error);
    return undefined;
  }
}
