/**
 * The offline ledger: a few lines in localStorage saying what this device
 * keeps for offline reading — the channels the reader chose to 下载离线 (with
 * depth and images), the articles they saved (收藏) — and the generation id of
 * the IndexedDB database that holds them (src/shared/store/generation.ts).
 *
 * It lives outside IndexedDB on purpose: when the browser evicts the site's
 * IndexedDB and Cache Storage (storage pressure, Safari's seven-day cap on
 * script-writable storage in some modes, a partial "clear site data"),
 * localStorage is often what is left, and with it the app can tell "the
 * browser cleared this" from "a first visit" and fetch the reader's choices
 * again (src/app/data/evicted.ts). When localStorage is cleared too, nothing
 * can tell the difference (docs/SECURITY.md, "Storage the browser clears").
 *
 * Every function reads and writes localStorage afresh, so tabs share one ledger.
 */

/** Saved articles remembered at most (most recently saved kept). */
export const LEDGER_SAVED_LIMIT = 500;
/** Channels remembered at most (the directory has far fewer). */
export const LEDGER_CHANNEL_LIMIT = 200;

/** One saved article: its id and when it was saved (restored with it, so 收藏 keeps its order). */
export interface LedgerSaved {
  readonly id: string;
  readonly at: number;
}

/** What the ledger holds. */
export interface Ledger {
  /** The generation id of the database these choices were stored in; unknown before the first launch check. */
  readonly generation?: string;
  /** Channel ids chosen for 下载离线, in the order first chosen. */
  readonly channels: readonly string[];
  /** Pages per channel and whether images came too, as last chosen. */
  readonly depth: number;
  readonly images: boolean;
  /** Saved articles, most recently saved first. */
  readonly saved: readonly LedgerSaved[];
  /**
   * An eviction was noticed (and said) but the restore has not finished: it is
   * continued, without saying it again, on the next launch or when the
   * connection returns.
   */
  readonly pending: boolean;
  /**
   * When the launch check last compared the ledger with the database (ms since
   * the epoch): says that it ran, for support and for tests, even when it found
   * nothing to do.
   */
  readonly checkedAt?: number;
}

/** The ledger of a device that never stored anything. */
export const EMPTY_LEDGER: Ledger = {
  channels: [],
  depth: 3,
  images: true,
  saved: [],
  pending: false,
};

const STORAGE_KEY = 'qilu:offline-ledger';

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Reads a stored ledger leniently: a malformed field falls back to the empty ledger's. */
export function parseLedger(raw: string | null): Ledger {
  if (!raw) return EMPTY_LEDGER;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return EMPTY_LEDGER;
  }
  if (typeof value !== 'object' || value === null) return EMPTY_LEDGER;
  const record = value as Record<string, unknown>;
  const channels = Array.isArray(record.channels) ? record.channels.filter(isString) : [];
  const saved = Array.isArray(record.saved)
    ? record.saved.flatMap((entry: unknown): LedgerSaved[] => {
        if (typeof entry !== 'object' || entry === null) return [];
        const { id, at } = entry as Record<string, unknown>;
        return isString(id) && typeof at === 'number' && Number.isFinite(at) ? [{ id, at }] : [];
      })
    : [];
  return {
    ...(isString(record.generation) && { generation: record.generation }),
    channels: [...new Set(channels)].slice(0, LEDGER_CHANNEL_LIMIT),
    depth:
      typeof record.depth === 'number' && Number.isInteger(record.depth) && record.depth > 0
        ? record.depth
        : EMPTY_LEDGER.depth,
    images: typeof record.images === 'boolean' ? record.images : EMPTY_LEDGER.images,
    saved: saved.slice(0, LEDGER_SAVED_LIMIT),
    pending: record.pending === true,
    ...(typeof record.checkedAt === 'number' && { checkedAt: record.checkedAt }),
  };
}

/**
 * The stored ledger, or undefined when localStorage cannot be used (privacy
 * modes): then nothing is remembered and no eviction can be noticed.
 */
export function readLedger(): Ledger | undefined {
  try {
    return parseLedger(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

/** Changes the stored ledger; without localStorage it is a no-op. */
export function updateLedger(change: (ledger: Ledger) => Ledger): void {
  const current = readLedger();
  if (!current) return;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(change(current)));
  } catch (error) {
    // Full or refused: the choice still applies, it just cannot be restored after an eviction.
    console.warn('Could not write the offline ledger', error);
  }
}

/** Remembers a 下载离线 of `channelIds` (added to the earlier choices) with its depth and images. */
export function rememberDownload(
  channelIds: readonly string[],
  depth: number,
  images: boolean,
): void {
  updateLedger((ledger) => ({
    ...ledger,
    channels: [...new Set([...ledger.channels, ...channelIds])].slice(0, LEDGER_CHANNEL_LIMIT),
    depth,
    images,
  }));
}

/** Forgets channels whose offline content the reader cleared (all of them when `channelIds` is omitted). */
export function forgetDownloads(channelIds?: readonly string[]): void {
  const gone = channelIds && new Set(channelIds);
  updateLedger((ledger) => ({
    ...ledger,
    channels: gone ? ledger.channels.filter((id) => !gone.has(id)) : [],
  }));
}

/** Remembers saved (at `at`) or unsaved articles. */
export function rememberSaved(
  changes: readonly { readonly id: string; readonly at: number | undefined }[],
): void {
  const changed = new Set(changes.map((change) => change.id));
  updateLedger((ledger) => {
    const added = changes.flatMap(({ id, at }) => (at === undefined ? [] : [{ id, at }]));
    const kept = ledger.saved.filter((entry) => !changed.has(entry.id));
    const saved = [...added, ...kept].sort((a, b) => b.at - a.at).slice(0, LEDGER_SAVED_LIMIT);
    return { ...ledger, saved };
  });
}

/** What the launch check does, given the ledger and the open database's generation. */
export type LaunchDecision =
  /** Nothing to do: the database is the one the ledger knows. */
  | 'none'
  /** Take the database's generation as ours (first launch, or nothing was chosen for offline). */
  | 'adopt'
  /** The database was replaced while the ledger lists choices: say so once and restore them. */
  | 'evicted'
  /** A restore said earlier did not finish: continue it quietly. */
  | 'resume';

/** Whether the ledger lists anything to download again. */
export function hasChoices(ledger: Ledger): boolean {
  return ledger.channels.length > 0 || ledger.saved.length > 0;
}

/**
 * The launch decision (pure, for tests). A ledger without a generation has
 * never been checked against a database (a first visit, or the first launch
 * of a version with the ledger): the database is adopted, whatever it holds.
 */
export function launchDecision(ledger: Ledger, generation: string): LaunchDecision {
  if (ledger.generation === undefined) return 'adopt';
  if (ledger.generation === generation) return ledger.pending ? 'resume' : 'none';
  return hasChoices(ledger) ? 'evicted' : 'adopt';
}
