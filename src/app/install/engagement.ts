import { shownPage } from '../lib/page';
import { countArticlesRead } from './flow';
import { ENGAGED_AFTER } from './keys';

/**
 * Whether the install offer may be made yet, without its UI: banner-slot.tsx
 * loads this module after load where an offer could apply (capture.ts), and
 * the banner itself (with its styles and the iOS how-to) only once the reader
 * is engaged and the offer can be made here.
 */

export { isThisIosSafari } from './flow';

/** Wait after a page is shown before counting reads: the article's read is recorded as it renders. */
const RECOUNT_DELAY_MS = 1000;

/**
 * Counts the articles read now and again after every page the app shows
 * (lib/page.ts, `shownPage`), telling `onCount` each count, until the reader
 * has read {@link ENGAGED_AFTER}.
 * @returns stops counting.
 */
export function watchEngagement(onCount: (read: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
  const count = () => {
    void countArticlesRead().then((read) => {
      if (stopped) return;
      onCount(read);
      if (read >= ENGAGED_AFTER) stop();
    });
  };
  const unsubscribe = shownPage.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(count, RECOUNT_DELAY_MS);
  });
  count();
  return stop;
}
