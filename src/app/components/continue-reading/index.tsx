import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { readingPosition } from '../../data/saved';
import {
  articleSpan,
  currentFraction,
  useOwnScrollRestoration,
  useReadingPosition,
} from './position';
import './style.css';

/** Positions this close to the start or the end are not worth offering. */
const MIN_OFFER = 0.05;
const MAX_OFFER = 0.95;

/**
 * The first block of the article body that is (partly) on screen: where
 * focus goes after 「继续阅读」, so a screen reader or the Tab key carries on
 * from the text the reader sees rather than from the top.
 */
function firstVisibleBlock(article: HTMLElement): HTMLElement | undefined {
  const blocks = article.querySelectorAll<HTMLElement>('.article-body > :not(button)');
  return [...blocks].find((block) => block.getBoundingClientRect().bottom > 0);
}

/** Focuses `element` without scrolling, tabindex="-1" only for as long as it has focus. */
function focusHere(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.focus({ preventScroll: true });
}

/**
 * The reading position of the article in `article`: kept as the reader
 * scrolls, and on returning to a long article the reader had scrolled into,
 * 「继续阅读」 offers to go back to that place. It never scrolls by itself (a
 * jump the reader did not ask for is disorienting, and a screen reader would
 * lose its place); it can be dismissed, and either button moves focus
 * somewhere sensible, since the offer disappears with it.
 */
export function ContinueReading({
  id,
  article,
}: {
  id: string;
  article: RefObject<HTMLElement | null>;
}) {
  const [offer, setOfferState] = useState<number | undefined>(undefined);
  const offered = useRef<number | undefined>(undefined);
  const setOffer = (fraction: number | undefined): void => {
    offered.current = fraction;
    setOfferState(fraction);
  };
  useReadingPosition(id, article, offered, MIN_OFFER);
  useOwnScrollRestoration();

  useEffect(() => {
    let current = true;
    void readingPosition(id).then((fraction) => {
      const element = article.current;
      if (!current || fraction === undefined || !element) return;
      if (fraction < MIN_OFFER || fraction > MAX_OFFER) return;
      // Already there (the reader scrolled on before the position was read): nothing to offer.
      const here = currentFraction(element);
      if (here === undefined || Math.abs(here - fraction) < MIN_OFFER) return;
      setOffer(fraction);
    });
    return () => {
      current = false;
    };
  }, [id, article]);

  if (offer === undefined) return null;

  const resume = () => {
    const element = article.current;
    setOffer(undefined);
    if (!element) return;
    const { top, range } = articleSpan(element);
    window.scrollTo({ top: top + offer * range });
    const block = firstVisibleBlock(element);
    if (block) focusHere(block);
  };

  const dismiss = () => {
    setOffer(undefined);
    article.current?.querySelector<HTMLElement>('h1')?.focus();
  };

  return (
    <div class="continue-reading">
      <p class="continue-reading__note">上次读到约 {Math.round(offer * 100)}%。</p>
      <p class="continue-reading__actions">
        <button type="button" class="button" onClick={resume}>
          继续阅读
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-label="关闭继续阅读提示"
          onClick={dismiss}
        >
          关闭
        </button>
      </p>
    </div>
  );
}
