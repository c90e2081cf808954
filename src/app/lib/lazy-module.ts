/**
 * A module downloaded on first need, once, and again after a failed attempt (a phone that
 * reconnects should not need a reload to get search or sync back). The caller passes its own
 * `() => import('…')`, so the bundler still sees a literal import and makes its chunk.
 */
export interface LazyModule<T> {
  /** The module, downloading it if it is not here yet. */
  load(): Promise<T>;
  /** The module if it has arrived, else undefined (for synchronous fast paths). */
  current(): T | undefined;
}

/** Wraps `importer`; `toError` turns a failed download into the error callers expect. */
export function lazyModule<T>(
  importer: () => Promise<T>,
  toError: (error: unknown) => unknown = (error) => error,
): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load() {
      loading ??= importer().then(
        (mod) => (loaded = mod),
        (error: unknown) => {
          // Let the next attempt retry the download (e.g. after reconnecting).
          loading = undefined;
          throw toError(error);
        },
      );
      return loading;
    },
    current: () => loaded,
  };
}
