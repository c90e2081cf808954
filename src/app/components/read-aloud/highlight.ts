/** The name used with the CSS Custom Highlight API (see style.css). */
const HIGHLIGHT = 'read-aloud';
/** Marks the unit being read; also the whole highlight where the API is missing. */
const READING_CLASS = 'is-reading';

/** A DOM range over characters `start`..`end` of `element`'s text. */
function rangeOf(element: Element, start: number, end: number): Range | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return undefined;
}

function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Removes any read-aloud highlight from the page. */
export function clearHighlight(): void {
  if (supportsHighlights()) CSS.highlights.delete(HIGHLIGHT);
  for (const element of document.querySelectorAll(`.${READING_CLASS}`)) {
    element.classList.remove(READING_CLASS);
  }
}

/**
 * Highlights the sentence `start`..`end` of `element` and keeps it in view.
 * The CSS Custom Highlight API paints the sentence without touching the DOM
 * (screen readers and the text stay as they are); without it the whole
 * paragraph is marked instead. Reduced motion means no smooth scrolling.
 */
export function highlightSentence(element: Element, start: number, end: number): void {
  clearHighlight();
  element.classList.add(READING_CLASS);
  const range = rangeOf(element, start, end);
  if (range && supportsHighlights()) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  const rect = (range ?? element).getBoundingClientRect();
  const height = window.innerHeight;
  if (rect.top >= 0 && rect.bottom <= height) return;
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollBy({ top: rect.top - height / 3, behavior: reduced ? 'auto' : 'smooth' });
}
