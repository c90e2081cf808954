import { followLocal, readFields, readLocal, writeFields, writeLocal } from '../local-prefs';
import { createObservable } from '../observable';

/**
 * The reader's read-aloud preferences (设置 → 语音朗读 and the player's own
 * choices), kept in localStorage so they survive a reload.
 */
export interface ReadAloudPrefs {
  /** 「语音朗读」: the player is shown on article pages (适老化 asks for an off switch). */
  readonly enabled: boolean;
  /** Speech rate, one of {@link RATE_CHOICES}. */
  readonly rate: number;
  /** 「读完后继续下一篇」. */
  readonly continueNext: boolean;
}

/** The rates the player offers. */
export const RATE_CHOICES = [0.75, 1, 1.25, 1.5] as const;

/** What a reader who never changed anything gets. */
export const DEFAULT_READ_ALOUD: ReadAloudPrefs = { enabled: true, rate: 1, continueNext: false };

const PREFS_KEY = 'qilu:read-aloud';
const POSITION_KEY = 'qilu:read-aloud-position';

/** Reads stored preferences leniently, field by field. */
export function parseReadAloudPrefs(raw: string | null): ReadAloudPrefs {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : undefined;
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_READ_ALOUD;
  const record = value as Record<string, unknown>;
  const rate = RATE_CHOICES.find((choice) => choice === record.rate) ?? DEFAULT_READ_ALOUD.rate;
  return {
    enabled: typeof record.enabled === 'boolean' ? record.enabled : DEFAULT_READ_ALOUD.enabled,
    rate,
    continueNext:
      typeof record.continueNext === 'boolean'
        ? record.continueNext
        : DEFAULT_READ_ALOUD.continueNext,
  };
}

/** The stored text under `key`; null when there is none or storage is unavailable (defaults still work). */
function read(key: string): string | null {
  return readLocal(key) ?? null;
}

function write(key: string, value: string | null): void {
  // A refused write is applied for this visit only.
  writeLocal(key, value);
}

const FIELDS = Object.keys(DEFAULT_READ_ALOUD);

/** The stored preferences (one key per field, see ../local-prefs.ts); undefined when storage cannot be read. */
function readStored(): ReadAloudPrefs | undefined {
  const record = readFields(PREFS_KEY, FIELDS);
  return record === undefined ? undefined : parseReadAloudPrefs(record && JSON.stringify(record));
}

/** The current read-aloud preferences; components subscribe with useObservable. */
export const readAloudPrefs = createObservable<ReadAloudPrefs>(readStored() ?? DEFAULT_READ_ALOUD);

// Changed in another tab (the player's speed, 语音朗读 off): this one follows at once.
followLocal([PREFS_KEY], () => readAloudPrefs.set(readStored() ?? DEFAULT_READ_ALOUD));

/**
 * Changes some read-aloud preferences and remembers them. `patch` is merged
 * onto the preferences stored now, not onto this tab's copy, so a choice made
 * in another tab meanwhile is kept.
 */
export function updateReadAloudPrefs(patch: Partial<ReadAloudPrefs>): void {
  const base = readStored() ?? readAloudPrefs.get();
  const next = parseReadAloudPrefs(JSON.stringify({ ...base, ...patch }));
  readAloudPrefs.set(next);
  const changed = Object.fromEntries(
    Object.keys(patch).map((field) => [field, next[field as keyof ReadAloudPrefs]]),
  );
  // A refused write is applied for this visit only.
  writeFields(PREFS_KEY, changed);
}

/** Where reading stopped: which article and which sentence. */
export interface ReadPosition {
  readonly articleId: string;
  readonly index: number;
}

/** Parses a stored position; anything malformed is no position. */
export function parsePosition(raw: string | null): ReadPosition | undefined {
  try {
    const value: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof value !== 'object' || value === null) return undefined;
    const { articleId, index } = value as Record<string, unknown>;
    if (typeof articleId !== 'string' || typeof index !== 'number') return undefined;
    return { articleId, index };
  } catch {
    return undefined;
  }
}

/** The stored sentence index for `articleId`, if reading stopped there before. */
export function storedPosition(articleId: string): number | undefined {
  const position = parsePosition(read(POSITION_KEY));
  return position?.articleId === articleId ? position.index : undefined;
}

/** Remembers where reading stopped (undefined forgets it, e.g. after the end). */
export function savePosition(position: ReadPosition | undefined): void {
  write(POSITION_KEY, position ? JSON.stringify(position) : null);
}

/** 「读完后继续下一篇」 hands over to the next article through this one-shot flag. */
const CONTINUE_KEY = 'qilu:read-aloud-continue';

/** Marks that the article `articleId` should start reading when it opens. */
export function requestContinue(articleId: string): void {
  try {
    sessionStorage.setItem(CONTINUE_KEY, articleId);
  } catch {
    // Without storage the next article simply waits for 朗读全文.
  }
}

/** Whether `articleId` was opened by 「读完后继续下一篇」 (consumes the flag). */
export function takeContinue(articleId: string): boolean {
  try {
    const wanted = sessionStorage.getItem(CONTINUE_KEY) === articleId;
    if (wanted) sessionStorage.removeItem(CONTINUE_KEY);
    return wanted;
  } catch {
    return false;
  }
}
