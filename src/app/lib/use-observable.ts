import { useEffect, useState } from 'preact/hooks';
import type { Observable } from './observable';

/** Subscribes a component to an {@link Observable} and returns its current value. */
export function useObservable<T>(observable: Observable<T>): T {
  const [value, setValue] = useState(observable.get);
  useEffect(() => {
    // The value may have changed between render and subscription.
    setValue(() => observable.get());
    return observable.subscribe((next) => setValue(() => next));
  }, [observable]);
  return value;
}
