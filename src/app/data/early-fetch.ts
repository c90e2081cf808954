import { raceAbort } from './requests';

/**
 * A `fetch` that answers the first request for `url` with a request started right now. On a
 * cold start nothing is stored, so the sync or feed code would send a plain request anyway;
 * starting it while that code is still downloading overlaps the two instead of queueing them.
 */
export function earlyFetch(url: string, signal?: AbortSignal): typeof fetch {
  const early = fetch(url, signal ? { signal } : undefined);
  early.catch(() => undefined); // Observed below; silence the copy we may never use.
  let used = false;
  return (input, init) => {
    const requested = input instanceof Request ? input.url : String(input);
    if (!used && requested === url) {
      used = true;
      return raceAbort(early, init?.signal);
    }
    return fetch(input, init);
  };
}
