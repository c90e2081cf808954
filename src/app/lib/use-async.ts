import type { Inputs } from 'preact/hooks';
import { useCallback, useEffect, useState } from 'preact/hooks';

/** The state of one asynchronous load, as a view renders it. */
export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: unknown };

/** {@link AsyncState} plus a way to try again after an error. */
export type AsyncResult<T> = AsyncState<T> & { readonly retry: () => void };

interface Keyed<T> {
  readonly key: string;
  readonly attempt: number;
  readonly state: AsyncState<T>;
}

/**
 * Runs `load` whenever `deps` change (or `retry` is called) and tracks its
 * loading / ready / error state. The previous load is aborted, so a slow answer
 * for an old route can never overwrite the current one.
 *
 * `peek` lets a view render cached data synchronously: when it returns a value
 * there is no loading flash at all (in-app navigation to an article is instant).
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: Inputs,
  peek?: () => T | undefined,
): AsyncResult<T> {
  const key = JSON.stringify(deps);
  const [attempt, setAttempt] = useState(0);
  const initial = (): AsyncState<T> => {
    const cached = peek?.();
    return cached === undefined ? { status: 'loading' } : { status: 'ready', value: cached };
  };
  const [keyed, setKeyed] = useState<Keyed<T>>(() => ({ key, attempt, state: initial() }));

  // When the deps change, the state we hold belongs to the old deps: show what
  // the new deps give synchronously instead of one frame of stale content.
  const current = keyed.key === key && keyed.attempt === attempt ? keyed.state : initial();

  useEffect(() => {
    if (current.status === 'ready') {
      setKeyed({ key, attempt, state: current });
      return;
    }
    const controller = new AbortController();
    setKeyed({ key, attempt, state: { status: 'loading' } });
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted)
          setKeyed({ key, attempt, state: { status: 'ready', value } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setKeyed({ key, attempt, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` and `peek` are recreated on every render; `key` stands for them.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...current, retry };
}
