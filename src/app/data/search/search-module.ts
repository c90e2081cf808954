import type * as SearchModuleExports from '../../../shared/search/index';
import { lazyModule } from '../../lib/lazy-module';

/**
 * The offline index's code (src/shared/search): the engine, the tokenizer and
 * the folding tables are one lazily loaded chunk, so nothing of them is in the
 * first load and the search form renders before they arrive.
 */

/** What src/shared/search exports. */
export type SearchModule = typeof SearchModuleExports;

const searchModule = lazyModule<SearchModule>(() => import('../../../shared/search/index'));

/** The search module, downloaded once (again after a failed attempt). */
export function loadSearch(): Promise<SearchModule> {
  return searchModule.load();
}
