/**
 * The reader's reading settings (设置 → 文字、主题、长辈版). This module is what
 * main.tsx runs before the first render, so it stays tiny: parse, apply as data
 * attributes on <html>, save. The labels for the settings page live in
 * `./choices.ts`, loaded only with that route.
 *
 * Every size in the CSS is in rem, so a bigger root font size reflows the whole
 * layout; nothing is ever scaled with a CSS transform.
 */

/** Text size steps in percent of the browser's default size. */
export const TEXT_SIZES = [100, 115, 130, 150, 175, 200] as const;
/** One of {@link TEXT_SIZES}. */
export type TextSize = (typeof TEXT_SIZES)[number];

/** Everything the reader can choose; `system` means "follow the device until I choose". */
export interface ReadingPrefs {
  readonly textSize: TextSize;
  readonly lineHeight: 'standard' | 'loose' | 'looser';
  readonly paragraph: 'standard' | 'loose';
  readonly letter: 'standard' | 'wide';
  readonly theme: 'system' | 'light' | 'dark' | 'contrast';
  readonly motion: 'system' | 'reduce';
  readonly elder: boolean;
}

/** What a reader who never opened the settings gets. */
export const DEFAULT_READING_PREFS: ReadingPrefs = {
  textSize: 100,
  lineHeight: 'standard',
  paragraph: 'standard',
  letter: 'standard',
  theme: 'system',
  motion: 'system',
  elder: false,
};

/** The localStorage key; the JSON inside carries `v` so later versions can migrate. */
export const READING_PREFS_KEY = 'qilu:reading-prefs';
/** The key of the old three-step 字号 setting, migrated on first read. */
export const LEGACY_FONT_SIZE_KEY = 'qilu:font-size';

const LEGACY_SIZES: Record<string, TextSize> = { standard: 100, large: 130, xlarge: 175 };

/** The allowed values of each enumerated field, used to validate stored data. */
const ENUMS = {
  lineHeight: ['standard', 'loose', 'looser'],
  paragraph: ['standard', 'loose'],
  letter: ['standard', 'wide'],
  theme: ['system', 'light', 'dark', 'contrast'],
  motion: ['system', 'reduce'],
} as const;

function pick<K extends keyof typeof ENUMS>(
  record: Record<string, unknown>,
  key: K,
): ReadingPrefs[K] {
  const value = record[key];
  const allowed: readonly string[] = ENUMS[key];
  return (
    typeof value === 'string' && allowed.includes(value) ? value : DEFAULT_READING_PREFS[key]
  ) as ReadingPrefs[K];
}

/** Narrows an unknown value to a {@link TextSize}. */
export function isTextSize(value: unknown): value is TextSize {
  return TEXT_SIZES.some((size) => size === value);
}

/**
 * Reads stored settings leniently: a malformed field falls back to its default
 * alone. With nothing stored under the current key, the old 字号 value (if any)
 * becomes the text size, so nobody loses their size on upgrade.
 */
export function parseReadingPrefs(
  raw: string | null,
  legacyFontSize: string | null = null,
): ReadingPrefs {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : undefined;
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null) {
    const legacy = legacyFontSize ? LEGACY_SIZES[legacyFontSize] : undefined;
    return legacy ? { ...DEFAULT_READING_PREFS, textSize: legacy } : DEFAULT_READING_PREFS;
  }
  const record = value as Record<string, unknown>;
  return {
    textSize: isTextSize(record.textSize) ? record.textSize : DEFAULT_READING_PREFS.textSize,
    lineHeight: pick(record, 'lineHeight'),
    paragraph: pick(record, 'paragraph'),
    letter: pick(record, 'letter'),
    theme: pick(record, 'theme'),
    motion: pick(record, 'motion'),
    elder: record.elder === true,
  };
}

/** The saved settings, or the defaults when storage is unavailable (privacy modes throw). */
export function readReadingPrefs(): ReadingPrefs {
  try {
    return parseReadingPrefs(
      localStorage.getItem(READING_PREFS_KEY),
      localStorage.getItem(LEGACY_FONT_SIZE_KEY),
    );
  } catch {
    return DEFAULT_READING_PREFS;
  }
}

function setData(root: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) root.removeAttribute(`data-${name}`);
  else root.setAttribute(`data-${name}`, value);
}

/**
 * Applies `prefs` as data attributes on <html> (main.tsx calls this before the
 * first render). Defaults leave no attribute, so the CSS media queries for the
 * device's own preferences apply until the reader chooses.
 */
export function applyReadingPrefs(
  prefs: ReadingPrefs,
  root: HTMLElement = document.documentElement,
): void {
  setData(root, 'text-size', prefs.textSize === 100 ? undefined : String(prefs.textSize));
  setData(root, 'line-height', prefs.lineHeight === 'standard' ? undefined : prefs.lineHeight);
  setData(root, 'paragraph', prefs.paragraph === 'standard' ? undefined : prefs.paragraph);
  setData(root, 'letter', prefs.letter === 'standard' ? undefined : prefs.letter);
  setData(root, 'theme', prefs.theme === 'system' ? undefined : prefs.theme);
  setData(root, 'motion', prefs.motion === 'system' ? undefined : prefs.motion);
  setData(root, 'elder', prefs.elder ? '' : undefined);
}

/** Applies and remembers `prefs`; they still apply for this visit if storage fails. */
export function saveReadingPrefs(prefs: ReadingPrefs): void {
  applyReadingPrefs(prefs);
  try {
    localStorage.setItem(READING_PREFS_KEY, JSON.stringify({ v: 1, ...prefs }));
    localStorage.removeItem(LEGACY_FONT_SIZE_KEY);
  } catch {
    // Applied for this visit; it just won't survive a reload.
  }
}

/**
 * Whether 长辈版 is on. Pop-ups (install banner, update prompt) check this and
 * stay away: 适老化 asks for no pop-ups of any kind in elder mode.
 */
export function isElderMode(root: HTMLElement = document.documentElement): boolean {
  return root.hasAttribute('data-elder');
}
