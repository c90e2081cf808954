import { useEffect, useRef, useState } from 'preact/hooks';
import { useObservable } from '../lib/use-observable';
import { reportUpdated } from '../lib/update-announcer';
import { directoryVersion, onChannelChange, watchChannel, watchDirectory } from './live';

/**
 * If the element that had focus was replaced by an update (rare: keyed lists
 * keep their elements), focus would silently drop to <body>. Put it on the
 * page's h1 instead, where a keyboard or screen-reader user can carry on.
 */
function useFocusKeeper(version: number): void {
  const focused = useRef<Element | null>(null);
  // (The build's prerender has no document, and nothing to keep focus on.)
  focused.current = import.meta.env.SSR ? null : document.activeElement;
  useEffect(() => {
    const before = focused.current;
    if (version === 0 || !before || before === document.body || before.isConnected) return;
    document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [version]);
}

/**
 * Re-renders the component in place whenever stored data of one of
 * `channelIds` changes, and keeps those channels fresh while it is on screen.
 * Returns a number that changes with each update: put it in `useAsync` deps
 * next to a `peek`, so the new data renders synchronously from memory (no
 * loading state, the same keyed elements, scroll and focus left alone). With
 * `announceUpdates`, new or changed articles are announced 「已更新 N 条」.
 */
export function useChannelVersion(channelIds: readonly string[], announceUpdates = false): number {
  const [version, setVersion] = useState(0);
  const key = channelIds.join('\n');
  useEffect(() => {
    const ids = new Set(channelIds);
    const unwatch = channelIds.map((id) => watchChannel(id));
    const unsubscribe = onChannelChange((change) => {
      if (!ids.has(change.channelId)) return;
      setVersion((n) => n + 1);
      if (announceUpdates) reportUpdated(change.count);
    });
    return () => {
      unsubscribe();
      for (const stop of unwatch) stop();
    };
    // `key` stands for the ids' contents; a new array with the same ids is no change.
  }, [key, announceUpdates]);
  useFocusKeeper(version);
  return version;
}

/** Like {@link useChannelVersion}, for the channel directory (the header, home). */
export function useDirectoryVersion(): number {
  useEffect(() => watchDirectory(), []);
  return useObservable(directoryVersion);
}
