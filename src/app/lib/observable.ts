/**
 * A tiny observable value. The shell has a few pieces of state that pages set
 * and the header or live region show (announcements, the article's channel);
 * this keeps them out of prop chains without adding a state library. (Not to
 * be confused with the IndexedDB store, src/shared/store.) Components follow
 * one with useObservable (./use-observable.ts); this module needs no Preact, so
 * the first-load entry can use it.
 */
export interface Observable<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
}

/** Creates an {@link Observable} holding `initial`. */
export function createObservable<T>(initial: T): Observable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return;
      value = next;
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
