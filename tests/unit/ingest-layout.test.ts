import { describe, expect, it } from 'vitest';
import { channelLayout, PAGE_SIZE } from '../../src/ingest/api/layout';

/** Member indexes of every page, following next_url from the first page. */
function chain(count: number): { names: string[]; slices: number[][] } {
  const pages = channelLayout('jinan', count);
  const byName = new Map(pages.map((p) => [p.name, p]));
  const names: string[] = [];
  const slices: number[][] = [];
  let page = pages[0];
  while (page) {
    const { start, end, name, next } = page;
    names.push(name);
    slices.push(Array.from({ length: end - start }, (_, i) => start + i));
    page = next ? byName.get(next) : undefined;
  }
  expect(names.length).toBe(pages.length);
  return { names, slices };
}

describe('channel paging (archive pages counted from the oldest article)', () => {
  it('reaches every member exactly once, in order, for any count', () => {
    for (let count = 0; count <= 130; count++) {
      const { slices } = chain(count);
      expect(slices.flat()).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it('keeps archive pages at exactly 20 and the first page between 20 and 39 items', () => {
    for (let count = 40; count <= 130; count++) {
      const [head = [], ...archives] = chain(count).slices;
      expect(head.length).toBeGreaterThanOrEqual(PAGE_SIZE);
      expect(head.length).toBeLessThan(2 * PAGE_SIZE);
      archives.forEach((a) => expect(a).toHaveLength(PAGE_SIZE));
    }
  });

  it('names the first page <id>.json and archives <id>-<n>.json, the oldest being 1', () => {
    expect(chain(100).names).toEqual([
      'jinan.json',
      'jinan-4.json',
      'jinan-3.json',
      'jinan-2.json',
      'jinan-1.json',
    ]);
    expect(chain(5).names).toEqual(['jinan.json']);
  });

  it('leaves every archive page unchanged when a newer article arrives', () => {
    for (let count = 40; count <= 120; count++) {
      const before = new Map(
        channelLayout('c', count)
          .slice(1)
          .map((p) => [p.name, [count - p.start, count - p.end]]),
      );
      // One more article at the top: every old member's index moves down by one.
      for (const page of channelLayout('c', count + 1).slice(1)) {
        const old = before.get(page.name);
        if (old) expect([count + 1 - page.start, count + 1 - page.end]).toEqual(old);
      }
      const added = channelLayout('c', count + 1).length - channelLayout('c', count).length;
      expect(added === 0 || added === 1).toBe(true);
    }
  });
});
