import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { rememberPosition } from '../../data/saved';
import { currentFraction } from '../../lib/reading-position';

export { articleSpan, currentFraction } from '../../lib/reading-position';

/** Saving at most this often while scrolling: IndexedDB writes are cheap, not free. */
const SAVE_EVERY_MS = 1000;

/**
 * Keeps the reading position of article `id`: after scrolling (throttled),
 * when the page is hidden (switching apps, locking the phone: the last chance
 * on mobile), on pagehide, and when the article closes. Nothing is written
 * until the page has scrolled, so merely opening an article never wipes the
 * position it could be continued from; and while `offered` holds a position
 * on offer, one nearer the start than `nearStart` is not written either
 * (arriving at the page scrolls it to the headline, which is not reading).
 */
export function useReadingPosition(
  id: string,
  article: RefObject<HTMLElement | null>,
  offered: RefObject<number | undefined>,
  nearStart: number,
): void {
  useEffect(() => {
    let scrolled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = (): void => {
      clearTimeout(timer);
      timer = undefined;
      const element = article.current;
      if (!scrolled || !element?.isConnected) return;
      scrolled = false;
      const fraction = currentFraction(element);
      if (fraction === undefined) return;
      if (offered.current !== undefined && fraction < nearStart) return;
      rememberPosition(id, fraction);
    };
    const onScroll = (): void => {
      scrolled = true;
      timer ??= setTimeout(save, SAVE_EVERY_MS);
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      save();
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [id, article, offered, nearStart]);
}

/**
 * While an article is shown, its history entry restores no scroll position by
 * itself: a reload would otherwise jump down (after the text arrives) without
 * the reader asking, where 「继续阅读」 offers the same place instead. The
 * mode is kept per history entry, and a new entry inherits the current one's,
 * so leaving sets it back to `auto` for the entry being entered: lists keep
 * the browser's own back-button restoration.
 */
export function useOwnScrollRestoration(): void {
  useEffect(() => {
    history.scrollRestoration = 'manual';
    return () => {
      history.scrollRestoration = 'auto';
    };
  }, []);
}
