/**
 * The article body: Readability's output on the page left after the frame is removed,
 * and the check that it is an article, not a 404 page or an index page of links.
 */
import { Readability } from '@mozilla/readability';
import { IngestError } from '../../errors';
import { letters, linkDensity, MAX_LINK_DENSITY } from './dom';

/** An article has at least this many letters outside links (a 404 page has a dozen). */
const MIN_BODY_LETTERS = 40;

/**
 * Runs Readability on the document (which it mutates) and returns the element holding the
 * body. Throws IngestError('no-article') when Readability fails or finds no body.
 */
export function readabilityBody(document: Document): Element {
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch (error) {
    throw new IngestError('no-article', `Readability failed on the page: ${String(error)}`);
  }
  const content = parsed?.content;
  if (!content || content.nodeType !== 1)
    throw new IngestError('no-article', 'Readability found no article body');
  const wrapper = content as Element;
  // Readability wraps the body in <div id="readability-page-1" class="page">.
  return wrapper.firstElementChild?.id === 'readability-page-1'
    ? wrapper.firstElementChild
    : wrapper;
}

/**
 * Throws IngestError('no-article') for a body that is a list of links (an index page) or
 * has too few letters outside links to be an article (a 404 page).
 */
export function checkArticleBody(root: Element): void {
  const density = linkDensity(root);
  if (density > MAX_LINK_DENSITY) {
    throw new IngestError(
      'no-article',
      `the page body is a list of links (${Math.round(density * 100)}% of its letters), not an article`,
    );
  }
  const bodyLetters = Math.round(letters(root.textContent ?? '') * (1 - density));
  if (bodyLetters < MIN_BODY_LETTERS) {
    throw new IngestError(
      'no-article',
      `the page body has ${bodyLetters} letters outside links, at least ${MIN_BODY_LETTERS} needed`,
    );
  }
}
