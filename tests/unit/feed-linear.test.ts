import { describe, expect, it } from 'vitest';
import { LIMITS, parseFeedPage } from '../../src/shared/feed/index';
import { feedDocument, feedItem, HOT_URL } from './fixtures/feed/load';

/**
 * Every text pass over feed input is linear: a worst-case document of about
 * 2 MB (the document limit) parses within a small multiple of the time a
 * normal document of the same size takes. The bound is relative, so a slow or
 * busy machine slows both alike; before the passes were made linear, the
 * 200,000-space `alt` alone took over 80 s.
 */

/** About 190,000 characters per body: ten items make a 2 MB document. */
const BODY = 190_000;

/** `unit` repeated to about `length` characters. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.floor(length / unit.length));
}

function hostileItems(): unknown[] {
  const spaces = (n: number): string => ' '.repeat(n);
  return [
    // The reported case: an image whose alt is one huge run of spaces.
    feedItem('alt', { content_html: `<p>a<img src="a.png" alt="${spaces(BODY)}x">b</p>` }),
    // The same alt where an image cannot stand, so it becomes inline text.
    feedItem('alt-inline', {
      content_html: `<h2>题<img src="a.png" alt="x${spaces(BODY)}y"></h2>`,
    }),
    // Long runs of whitespace in body text, of every collapsible kind.
    feedItem('runs', {
      content_html: `<p>a${spaces(BODY / 2)}b${'\n'.repeat(BODY / 4)}c${'\t \r\n'.repeat(BODY / 16)}d</p>`,
    }),
    // Inline tags nested as deep as the tree follows, over and over.
    feedItem('nested', {
      content_html: fill(`${'<b><i>'.repeat(32)}字 ${'</i></b>'.repeat(32)}`, BODY),
    }),
    // Entities, bidi and control characters among them.
    feedItem('entities', { content_html: `<p>${fill('&amp;&#x202E;&lt;&nbsp;&#8;x', BODY)}</p>` }),
    // Plain text with long runs and many blank lines; a summary and headline of spaces.
    feedItem('text', {
      content_text: `a${spaces(LIMITS.contentTextLength / 2)}b${fill('\n \n\u3000', LIMITS.contentTextLength / 2)}`,
      summary: `s${spaces(BODY / 4)}t`,
      title: `h${spaces(BODY / 4)}i`,
    }),
    // A huge link target and many empty elements.
    feedItem('attrs', {
      content_html: `<a href="${'x'.repeat(BODY / 2)}">a</a>${fill('<b></b><br>', BODY / 2)}`,
    }),
    // Tags and authors of long whitespace, and many of them.
    feedItem('lists', {
      tags: Array.from({ length: 40 }, () => `t${spaces(2_000)}u`),
      authors: Array.from({ length: 40 }, () => ({ name: `n${spaces(2_000)}m` })),
    }),
  ];
}

function normalItems(): unknown[] {
  const paragraph =
    '<p>　　5月5日下午，山东省<b>数字强省</b>建设工作推进会在济南召开。会议深入贯彻' +
    '<a href="https://www.dzwww.com/">习近平总书记</a>关于数字中国的重要论述。</p>\n' +
    '<figure><img src="a.png" alt="会场" width="960" height="540"><figcaption>会场。</figcaption></figure>\n';
  return Array.from({ length: 10 }, (_, i) =>
    feedItem(`normal-${i}`, { content_html: fill(paragraph, BODY), summary: '摘要' }),
  );
}

/** The best of `runs` timings of parsing `doc`, in ms (the best is the least disturbed by noise). */
function bestTime(doc: unknown, runs = 3): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    parseFeedPage(doc, HOT_URL);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('a worst-case 2 MB document', () => {
  const hostile = feedDocument(hostileItems());
  const normal = feedDocument(normalItems());

  it('is about as large as a normal one, and both are near the document limit', () => {
    const size = (doc: unknown): number => JSON.stringify(doc).length;
    expect(size(hostile)).toBeGreaterThan(1_500_000);
    expect(size(hostile)).toBeLessThan(LIMITS.documentBytes);
    expect(size(normal)).toBeGreaterThan(1_500_000);
  });

  it('parses to something sensible: every item kept, text collapsed and capped', () => {
    const page = parseFeedPage(hostile, HOT_URL);
    expect(page.skipped).toBe(0);
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get('alt')?.blocks).toContainEqual(
      expect.objectContaining({ t: 'figure', alt: '' }),
    );
    expect(byId.get('runs')?.text).toBe('a b c d');
    expect(byId.get('text')?.title).toBe('h i');
    const entities = byId.get('entities')?.text ?? '';
    expect([entities.includes('\u202e'), entities.includes('\u0008')]).toEqual([false, false]);
    expect(byId.get('lists')?.tags).toHaveLength(LIMITS.tags);
  });

  it('parses within 20× the time of a normal document of the same size', () => {
    bestTime(normal, 1); // warm up the parser and the JIT
    bestTime(hostile, 1);
    const normalMs = bestTime(normal);
    const hostileMs = bestTime(hostile);
    console.info(
      `feed parse: normal ${normalMs.toFixed(0)} ms, worst case ${hostileMs.toFixed(0)} ms ` +
        `(${(hostileMs / normalMs).toFixed(2)}×)`,
    );
    expect(hostileMs).toBeLessThan(normalMs * 20);
  }, 60_000);
});
