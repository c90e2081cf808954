import type * as FeedModuleExports from '../../shared/feed/index';
import type { FetchOptions } from '../../shared/feed/index';
import { FeedError } from '../../shared/feed/errors';
import { raceAbort } from './requests';

/**
 * The feed module (validation with valibot, HTML → blocks with htmlparser2) is
 * the heaviest code the page runs, and the first paint does not need it. It is
 * loaded with a dynamic import so it arrives in its own chunk, in parallel with
 * the shell rendering.
 */
type FeedModule = typeof FeedModuleExports;

let loaded: FeedModule | undefined;
let loading: Promise<FeedModule> | undefined;

function loadFeedModule(): Promise<FeedModule> {
  loading ??= import('../../shared/feed/index').then(
    (mod) => (loaded = mod),
    (error: unknown) => {
      // Let the next attempt retry the download (e.g. after reconnecting).
      loading = undefined;
      throw new FeedError('network', `Could not load the feed module: ${String(error)}`);
    },
  );
  return loading;
}

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
  if (loaded) return run(loaded, { signal });
  const early = fetch(url, { signal });
  early.catch(() => undefined); // Observed below; silence the copy we may never use.
  const mod = await loadFeedModule();
  let used = false;
  const fetchOnce: typeof fetch = (input, init) => {
    const requested = input instanceof Request ? input.url : String(input);
    if (!used && requested === url) {
      used = true;
      return raceAbort(early, init?.signal);
    }
    return fetch(input, init);
  };
  return run(mod, { signal, fetch: fetchOnce });
}
