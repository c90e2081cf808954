/**
 * localStorage access for the reader's preferences, shared by every tab of
 * the app. Three rules keep a change made in one tab from being erased by
 * another:
 *
 * - a preferences record is stored one field per key (`qilu:reading-prefs/theme`),
 *   and a change writes only the fields the reader changed. Browsers do not
 *   make a read-modify-write of localStorage atomic across tabs (Chromium
 *   gives each tab's process its own cached copy, updated a little after
 *   another tab writes), so two tabs rewriting one whole JSON value at once
 *   lose one change; two tabs writing different keys never do;
 * - what a change does not name is merged from the value stored now (read
 *   again right before), not from the copy this tab read when it opened;
 * - every tab follows the `storage` event (fired only in the other tabs), so
 *   what it shows is what is stored.
 *
 * A whole-object JSON value under the record's own key (what earlier versions
 * wrote) is still read, as the base the fields override.
 */

/** Parses JSON leniently: undefined for anything malformed. */
function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key one field of the record under `key` is stored under. */
export function fieldKey(key: string, field: string): string {
  return `${key}/${field}`;
}

/**
 * Reads a record stored field by field (see above): the whole-object value
 * under `key`, if any, with every stored field over it. Malformed values are
 * skipped; the caller validates each field. Null when nothing at all is
 * stored; undefined when storage cannot be read (privacy modes throw), so a
 * caller merges onto what it holds in memory rather than onto the defaults.
 */
export function readFields(
  key: string,
  fields: readonly string[],
): Record<string, unknown> | null | undefined {
  try {
    const whole = parseJson(localStorage.getItem(key));
    const record: Record<string, unknown> = isRecord(whole) ? { ...whole } : {};
    let found = isRecord(whole);
    for (const field of fields) {
      const raw = localStorage.getItem(fieldKey(key, field));
      if (raw === null) continue;
      found = true;
      const value = parseJson(raw);
      if (value !== undefined) record[field] = value;
    }
    return found ? record : null;
  } catch {
    return undefined;
  }
}

/**
 * Stores each field of `patch` under its own key (undefined fields are left alone).
 * @returns false when storage refused (the change then lasts for this visit only).
 */
export function writeFields(key: string, patch: Readonly<Record<string, unknown>>): boolean {
  try {
    for (const [field, value] of Object.entries(patch)) {
      if (value !== undefined) localStorage.setItem(fieldKey(key, field), JSON.stringify(value));
    }
    return true;
  } catch {
    return false;
  }
}

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
 * Calls `onChange` whenever another tab changes one of `keys` or one of their
 * fields (or clears the whole storage: the event's key is then null). Outside a window (a worker,
 * unit tests without one) there is nothing to follow. Returns a function that
 * stops following.
 */
export function followLocal(keys: readonly string[], onChange: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const listener = (event: StorageEvent) => {
    const changed = event.key;
    if (changed === null || keys.some((key) => changed === key || changed.startsWith(`${key}/`))) {
      onChange();
    }
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
