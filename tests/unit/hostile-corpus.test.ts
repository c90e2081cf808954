import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { parseFeedPage } from '../../src/shared/feed/parse';
import type { Article } from '../../src/shared/feed/types';
import { renderBootArticle, renderTitle } from '../../src/sw/boot/render-article';
import { HOSTILE_FIELDS, hostileFeed, hostileItem, hostileTitle } from '../fixtures/hostile/feed';
import { unsafeElement, visible } from '../fixtures/hostile/markup';
import { URL_VECTORS, VECTORS } from '../fixtures/hostile/vectors';

/**
 * Every vector of the hostile corpus, in every text and HTML field of a feed item, through the
 * feed parser (the same code the service worker runs) and the boot view's renderer (the page's
 * own article view, rendered to a string): nothing outside the allowlist survives, and the text
 * still reads as the feed wrote it. tests/e2e/hostile.spec.ts takes the same items through the
 * real worker, IndexedDB, the page and search in Chromium.
 */

const FEED_URL = 'https://news.example/api/feeds/jinan.json';
const ORIGIN = new URL(FEED_URL).origin;

/** The elements of `html` that are not safe output, with the reason. */
function unsafeMarkup(html: string): string[] {
  const elements = DomUtils.findAll(() => true, parseDocument(html).children);
  return elements.flatMap((element: Element) => {
    const problem = unsafeElement(
      { name: element.name, attributes: Object.entries(element.attribs) },
      ORIGIN,
    );
    return problem ? [problem] : [];
  });
}

/** The articles of a feed that carries each vector in every field, its body as `body`. */
function parsedCorpus(body: 'html' | 'text'): Map<string, Article> {
  const items = VECTORS.map((vector, index) => hostileItem([vector], index, body));
  const articles = new Map<string, Article>();
  // In pages of 100, as a producer would page them (a page holds at most LIMITS.itemsPerPage).
  for (let start = 0; start < items.length; start += 100) {
    const page = parseFeedPage(hostileFeed(items.slice(start, start + 100)), FEED_URL);
    for (const article of page.items) articles.set(article.id, article);
  }
  return articles;
}

const corpora = { html: parsedCorpus('html'), text: parsedCorpus('text') };

describe('the hostile corpus', () => {
  it('has at least 200 vectors and a scripted URL form for the URL fields', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(VECTORS.map((vector) => vector.id)).size).toBe(VECTORS.length);
    expect(URL_VECTORS.length).toBeGreaterThanOrEqual(20);
    expect(HOSTILE_FIELDS.length).toBe(13);
  });

  for (const body of ['html', 'text'] as const) {
    describe(`with the vector as content_${body}`, () => {
      it('loses no article', () => {
        const missing = VECTORS.flatMap((vector, index) =>
          corpora[body].has(`hostile-${index}`) ? [] : [vector.id],
        );
        expect(missing).toEqual([]);
      });

      it.each(VECTORS.map((vector, index) => [vector.id, index] as const))(
        '%s: the boot view holds only allowed markup and the text the feed wrote',
        (_id, index) => {
          const vector = VECTORS[index];
          const article = corpora[body].get(`hostile-${index}`);
          if (!vector || !article) throw new Error(`hostile-${index} was not parsed`);
          const html = renderBootArticle(article, false);
          expect(unsafeMarkup(html)).toEqual([]);
          // The tab title is one <title> element holding the headline as text.
          const title = parseDocument(renderTitle(article.title)).children;
          expect(title.map((node) => (node as Element).name)).toEqual(['title']);
          expect(DomUtils.textContent(title)).toBe(article.title);

          // Text fields read as text: what the feed wrote, shortened at most, never dropped
          // while it fits the field.
          expect(visible(article.title)).toBe(visible(hostileTitle(index, vector)));
          const document = parseDocument(html);
          const heading = DomUtils.findOne((element) => element.name === 'h1', document.children);
          expect(heading && visible(DomUtils.textContent(heading))).toBe(visible(article.title));
          const text = visible(DomUtils.textContent(document));
          if (article.kicker !== undefined) expect(text).toContain(visible(article.kicker));
          expect(visible(article.kicker ?? '')).toBe(visible(vector.html));
          expect(visible(article.text)).toContain(`正文第${index}条。`);
          if (body === 'text') expect(visible(article.text)).toContain(visible(vector.html));

          // URL fields hold web URLs or nothing.
          for (const url of [article.url, article.image?.src]) {
            if (url !== undefined) expect(new URL(url).protocol).toMatch(/^https?:$/);
          }
        },
      );
    });
  }
});
