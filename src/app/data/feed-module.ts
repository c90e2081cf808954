import type * as FeedModuleExports from '../../shared/feed/index';
import type { FetchOptions } from '../../shared/feed/index';
import { FeedError } from '../../shared/feed/errors';
import { lazyModule } from '../lib/lazy-module';
import { earlyFetch } from './early-fetch';

/**
 * The feed module (validation with valibot, HTML → blocks with htmlparser2) is
 * the heaviest code the page runs, and the first paint does not need it. It is
 * loaded with a dynamic import so it arrives in its own chunk, in parallel with
 * the shell rendering.
 */
type FeedModule = typeof FeedModuleExports;

const feedModule = lazyModule<FeedModule>(
  () => import('../../shared/feed/index'),
  (error) => new FeedError('network', `Could not load the feed module: ${String(error)}`),
);

/**
 * Calls `run` with the feed module. While the module is still downloading, the
 * document at `url` is requested right away and handed to the module through
 * its injectable `fetch`, so the module download and the first feed request
 * overlap instead of queueing one after the other.
 */
export async function withFeedModule<T>(
  url: string,
  signal: AbortSignal | undefined,
  run: (mod: FeedModule, opts: FetchOptions) => Promise<T>,
): Promise<T> {
  const loaded = feedModule.current();
  if (loaded) return run(loaded, { signal });
  const fetchOnce = earlyFetch(url, signal);
  const mod = await feedModule.load();
  return run(mod, { signal, fetch: fetchOnce });
}
