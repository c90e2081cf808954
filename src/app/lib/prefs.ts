import { followLocal, readFields, writeFields } from './local-prefs';
import { createObservable } from './observable';

/**
 * The reader's offline preferences (设置 → 离线与存储), kept in localStorage
 * so they apply from the first render of the next visit.
 */
export interface OfflinePrefs {
  /** 「仅在 Wi-Fi 下载」: do not start downloads on a known cellular connection. */
  readonly wifiOnly: boolean;
  /** 「省流量（不显示图片）」: no image is requested or shown anywhere. */
  readonly noImages: boolean;
  /** 「下载页数」: how many pages of a channel 下载离线 fetches. */
  readonly depth: number;
}

/** The choices of 「下载页数」. */
export const DEPTH_CHOICES = [1, 2, 3, 4, 5] as const;

/** What a reader who never opened the settings gets. */
export const DEFAULT_PREFS: OfflinePrefs = { wifiOnly: false, noImages: false, depth: 3 };

const STORAGE_KEY = 'qilu:offline-prefs';

function clampDepth(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return DEFAULT_PREFS.depth;
  const first = DEPTH_CHOICES[0];
  const last = DEPTH_CHOICES[DEPTH_CHOICES.length - 1] ?? first;
  return Math.min(last, Math.max(first, value));
}

/**
 * Reads stored preferences leniently: anything missing, malformed or from an
 * older version falls back to the default for that field only.
 */
export function parsePrefs(raw: string | null): OfflinePrefs {
  if (!raw) return DEFAULT_PREFS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULT_PREFS;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_PREFS;
  const record = value as Record<string, unknown>;
  return {
    wifiOnly: typeof record.wifiOnly === 'boolean' ? record.wifiOnly : DEFAULT_PREFS.wifiOnly,
    noImages: typeof record.noImages === 'boolean' ? record.noImages : DEFAULT_PREFS.noImages,
    depth: clampDepth(record.depth),
  };
}

const FIELDS = Object.keys(DEFAULT_PREFS);

/** The stored preferences (one key per field, see ./local-prefs.ts); undefined when storage cannot be read. */
function readStored(): OfflinePrefs | undefined {
  const record = readFields(STORAGE_KEY, FIELDS);
  return record === undefined ? undefined : parsePrefs(record && JSON.stringify(record));
}

function readPrefs(): OfflinePrefs {
  // Storage can throw (privacy modes); the defaults still give a working app.
  return readStored() ?? DEFAULT_PREFS;
}

/** The current preferences; components subscribe with useObservable. */
export const offlinePrefs = createObservable<OfflinePrefs>(readPrefs());

// Changed in another tab: this one applies it at once (images hide or show, the depth moves).
followLocal([STORAGE_KEY], () => offlinePrefs.set(readPrefs()));

/**
 * Changes some preferences, applies them at once and remembers them when
 * storage allows. Only `patch` is this tab's to decide: it is merged onto the
 * preferences stored now, so a choice another tab made since this one last
 * read them is kept, not overwritten with this tab's older copy.
 */
export function updatePrefs(patch: Partial<OfflinePrefs>): void {
  // Unreadable storage: what this tab holds is the best there is.
  const next: OfflinePrefs = { ...(readStored() ?? offlinePrefs.get()), ...patch };
  const normalized = { ...next, depth: clampDepth(next.depth) };
  offlinePrefs.set(normalized);
  const changed = Object.fromEntries(
    Object.keys(patch).map((field) => [field, normalized[field as keyof OfflinePrefs]]),
  );
  // A refused write is applied for this visit; it just won't survive a reload.
  writeFields(STORAGE_KEY, changed);
}
