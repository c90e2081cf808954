/**
 * Reading position as a fraction of the article's scrollable span: 0 with
 * the article's top at the top of the window, 1 with its end at the bottom.
 * A fraction (not pixels) survives a change of text size or window width.
 * Measured the same way by the app (components/continue-reading) and by a
 * resting first visit (src/app/first-visit), so it has no imports.
 */

/** Where the article starts on the page and how far it can be scrolled through. */
export function articleSpan(article: HTMLElement): { top: number; range: number } {
  const top = article.getBoundingClientRect().top + window.scrollY;
  return { top, range: article.offsetHeight - window.innerHeight };
}

/** The current position in `article`, 0..1; undefined when it fits the window (nothing to keep). */
export function currentFraction(article: HTMLElement): number | undefined {
  const { top, range } = articleSpan(article);
  if (range <= 0) return undefined;
  return Math.min(1, Math.max(0, (window.scrollY - top) / range));
}
