import type { SearchEngine, SearchRequest, SearchResponse } from '../../../shared/search/index';
import type { StoreDb } from '../../../shared/store/index';
import { localDatabase } from '../database';
import { loadSearch } from './search-module';

/**
 * Searching the articles stored on this device, through the offline index.
 *
 * Queries run on the page's thread: they take a few milliseconds (see
 * docs/BENCHMARKS.md, measured at 4× CPU slowdown) and are debounced, so
 * typing stays smooth. A dedicated worker would need a Trusted Types policy
 * for its script URL that the CSP does not allow today (docs/search.md).
 */

const engines = new WeakMap<StoreDb, SearchEngine>();

/**
 * Searches the articles stored on this device, or resolves undefined when
 * there is no local storage (then only what is loaded can be searched).
 */
export async function searchStored(request: SearchRequest): Promise<SearchResponse | undefined> {
  const db = await localDatabase();
  if (!db) return undefined;
  const search = await loadSearch();
  let engine = engines.get(db);
  if (!engine) {
    engine = new search.SearchEngine(db);
    engines.set(db, engine);
  }
  return engine.search(request);
}
