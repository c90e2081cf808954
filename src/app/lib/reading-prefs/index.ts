/**
 * The reader's reading settings (设置 → 文字、主题、长辈版). This module is what
 * main.tsx runs before the first render, so it stays tiny: parse, apply as data
 * attributes on <html>, save. The labels for the settings page live in
 * `./choices.ts`, loaded only with that route.
 *
 * Every size in the CSS is in rem, so a bigger root font size reflows the whole
 * layout; nothing is ever scaled with a CSS transform.
 */

import { followLocal, readFields, readLocal, writeFields, writeLocal } from '../local-prefs';
import { createObservable } from '../observable';

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

/**
 * The localStorage key. Each setting is stored under its own key below it
 * (`qilu:reading-prefs/theme`, see ../local-prefs.ts); a whole JSON object
 * under the key itself (what earlier versions wrote, carrying `v`) is still
 * read, as the base the settings stored one by one override.
 */
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

const FIELDS = Object.keys(DEFAULT_READING_PREFS);

/**
 * The stored settings, whether nothing is stored under the current keys (then
 * the old 字号 may count), or undefined when storage cannot be read.
 */
function readStored(): { prefs: ReadingPrefs; fresh: boolean } | undefined {
  const record = readFields(READING_PREFS_KEY, FIELDS);
  if (record === undefined) return undefined;
  const raw = record === null ? null : JSON.stringify(record);
  return { prefs: parseReadingPrefs(raw, readLocal(LEGACY_FONT_SIZE_KEY) ?? null), fresh: !raw };
}

/** The saved settings, or the defaults when storage is unavailable (privacy modes throw). */
export function readReadingPrefs(): ReadingPrefs {
  return readStored()?.prefs ?? DEFAULT_READING_PREFS;
}

function setData(root: HTMLElement, name: string, value: string | undefined): void {
  if (value === undefined) root.removeAttribute(`data-${name}`);
  else root.setAttribute(`data-${name}`, value);
}

/**
 * The browser toolbar colour (`<meta name="theme-color">`) of each theme as the
 * page shows it: the brand bar in the default theme, the page background in
 * 深色 and 高对比度, so the toolbar never glares above a dark page.
 */
export const THEME_COLORS = { light: '#a4161a', dark: '#121212', contrast: '#000000' } as const;

/** A theme as the page actually shows it (after following the device). */
export type AppliedTheme = keyof typeof THEME_COLORS;

/** The device preferences themes.css follows while the theme is 跟随系统, strongest last. */
const DEVICE_THEMES = [
  ['(prefers-color-scheme: dark)', 'dark'],
  ['(prefers-contrast: more)', 'contrast'],
] as const;

/**
 * The theme the page shows for the `theme` setting, resolving 跟随系统 with
 * `matches` (a media query test) in the same order as themes.css: more
 * contrast wins over dark, dark over light.
 */
export function appliedTheme(
  theme: ReadingPrefs['theme'],
  matches: (query: string) => boolean,
): AppliedTheme {
  if (theme !== 'system') return theme;
  let applied: AppliedTheme = 'light';
  for (const [query, value] of DEVICE_THEMES) if (matches(query)) applied = value;
  return applied;
}

/**
 * The settings this page wears, as last applied to its <html>. Components that
 * change with them (the install banner leaves when 长辈版 is switched on, here
 * or in another tab) subscribe with useObservable instead of watching attributes.
 */
export const appliedReadingPrefs = createObservable<ReadingPrefs>(DEFAULT_READING_PREFS);

/**
 * Applies `prefs` as data attributes on <html> (main.tsx calls this before the
 * first render) and sets the toolbar colour to match. Defaults leave no
 * attribute, so the CSS media queries for the device's own preferences apply
 * until the reader chooses.
 */
export function applyReadingPrefs(
  prefs: ReadingPrefs,
  root: HTMLElement = document.documentElement,
): void {
  const view = root.ownerDocument.defaultView;
  const theme = appliedTheme(prefs.theme, (query) => view?.matchMedia(query).matches ?? false);
  root.ownerDocument
    .querySelector('meta[name="theme-color"]')
    ?.setAttribute('content', THEME_COLORS[theme]);
  setData(root, 'text-size', prefs.textSize === 100 ? undefined : String(prefs.textSize));
  setData(root, 'line-height', prefs.lineHeight === 'standard' ? undefined : prefs.lineHeight);
  setData(root, 'paragraph', prefs.paragraph === 'standard' ? undefined : prefs.paragraph);
  setData(root, 'letter', prefs.letter === 'standard' ? undefined : prefs.letter);
  setData(root, 'theme', prefs.theme === 'system' ? undefined : prefs.theme);
  setData(root, 'motion', prefs.motion === 'system' ? undefined : prefs.motion);
  setData(root, 'elder', prefs.elder ? '' : undefined);
  // Settings applied to any other root are not the ones this page wears.
  if (root === document.documentElement) appliedReadingPrefs.set(prefs);
}

/**
 * Applies and remembers a change of some settings; they still apply for this
 * visit if storage fails. Only `patch` is this tab's to decide: it is merged
 * onto the settings stored now (read again here), not onto this tab's copy,
 * so a choice made in another tab since this one last read them survives.
 * @returns the settings now in force.
 */
export function saveReadingPrefs(patch: Partial<ReadingPrefs>): ReadingPrefs {
  const stored = readStored();
  const prefs: ReadingPrefs = { ...(stored?.prefs ?? appliedReadingPrefs.get()), ...patch };
  applyReadingPrefs(prefs);
  // Only what changed, field by field; all of it the first time, when the old 字号 is the base.
  const legacy = stored?.fresh === true && readLocal(LEGACY_FONT_SIZE_KEY);
  // A refused write is applied for this visit; it just won't survive a reload.
  if (writeFields(READING_PREFS_KEY, legacy ? prefs : patch) && legacy) {
    writeLocal(LEGACY_FONT_SIZE_KEY, null);
  }
  return prefs;
}

/**
 * Whether 长辈版 is on. Pop-ups (install banner, update prompt) check this and
 * stay away: 适老化 asks for no pop-ups of any kind in elder mode.
 */
export function isElderMode(root: HTMLElement = document.documentElement): boolean {
  return root.hasAttribute('data-elder');
}

/**
 * Keeps this tab in step with the reader's settings: when another tab saves
 * them (the `storage` event fires only in the other tabs) they apply here too,
 * and `onChange` hears of it (the settings page updates its choices). While the
 * theme follows the device, a change of the device's colour scheme or contrast
 * updates the toolbar colour (the CSS follows by itself). Returns a function
 * that stops following.
 */
export function followReadingPrefs(onChange?: (prefs: ReadingPrefs) => void): () => void {
  const reapply = () => {
    const prefs = readReadingPrefs();
    applyReadingPrefs(prefs);
    return prefs;
  };
  // Another tab saved them, or cleared the whole storage.
  const stopFollowing = followLocal([READING_PREFS_KEY], () => {
    const prefs = reapply();
    onChange?.(prefs);
  });
  const queries = DEVICE_THEMES.map(([query]) => matchMedia(query));
  for (const query of queries) query.addEventListener('change', reapply);
  return () => {
    stopFollowing();
    for (const query of queries) query.removeEventListener('change', reapply);
  };
}
