/**
 * localStorage access for the reader's preferences, shared by every tab of
 * the app. Two rules keep a change made in one tab from being erased by
 * another:
 *
 * - a change is written as a patch merged onto the value stored now (read
 *   again right before the write), never as the whole object this tab holds in
 *   memory, which may be older than what another tab stored since;
 * - every tab follows the `storage` event (fired only in the other tabs), so
 *   what it shows and what it would write next are the stored value.
 *
 * localStorage itself is synchronous and shared by the origin's tabs, so a
 * read-merge-write in one task is never interleaved with another tab's.
 */

/**
 * The stored text under `key`: null when nothing is stored, undefined when
 * storage cannot be read at all (privacy modes throw), so a caller merges
 * onto what it holds in memory rather than onto the defaults.
 */
export function readLocal(key: string): string | null | undefined {
  try {
    return localStorage.getItem(key);
  } catch {
    return undefined;
  }
}

/**
 * Stores `value` under `key` (null removes it).
 * @returns false when storage refused (the change then lasts for this visit only).
 */
export function writeLocal(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `onChange` whenever another tab changes one of `keys` (or clears the
 * whole storage: the event's key is then null). Outside a window (a worker,
 * unit tests without one) there is nothing to follow. Returns a function that
 * stops following.
 */
export function followLocal(keys: readonly string[], onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const listener = (event: StorageEvent) => {
    if (event.key === null || keys.includes(event.key)) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
