/**
 * The reader's text size. It is applied as a class on <html> that changes the
 * root font size; every size in the CSS is in rem, so the whole layout scales
 * with it (and with the browser's own default size, which we never override
 * with pixels).
 */

/** The choices offered in 设置 → 字号. */
export const FONT_SIZES = [
  { value: 'standard', label: '标准' },
  { value: 'large', label: '大' },
  { value: 'xlarge', label: '特大' },
] as const;

/** One of the {@link FONT_SIZES} values. */
export type FontSize = (typeof FONT_SIZES)[number]['value'];

const STORAGE_KEY = 'qilu:font-size';
const CLASS_PREFIX = 'font-';

/** Narrows an unknown stored string to a {@link FontSize}. */
export function isFontSize(value: unknown): value is FontSize {
  return FONT_SIZES.some((size) => size.value === value);
}

/**
 * The saved size, or "standard". Storage can throw (privacy modes, disabled
 * cookies), and a reader must still get a working page then.
 */
export function readFontSize(): FontSize {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isFontSize(stored) ? stored : 'standard';
  } catch {
    return 'standard';
  }
}

/** Applies `size` to the document root (main.tsx calls this before first render). */
export function applyFontSize(size: FontSize, root: HTMLElement = document.documentElement): void {
  for (const { value } of FONT_SIZES) root.classList.remove(CLASS_PREFIX + value);
  if (size !== 'standard') root.classList.add(CLASS_PREFIX + size);
}

/** Applies and remembers `size`; the choice still applies for this visit if storage fails. */
export function saveFontSize(size: FontSize): void {
  applyFontSize(size);
  try {
    localStorage.setItem(STORAGE_KEY, size);
  } catch {
    // Nothing to do: the size is applied, it just won't survive a reload.
  }
}
