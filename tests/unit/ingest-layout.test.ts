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
  // Every page is in the chain.
  expect(names.length).toBe(pages.length);
  return { names, slices };
}

/** What a reader shows after reading every page: each id once, in order. */
function shown(slices: number[][]): number[] {
  return [...new Set(slices.flat())];
}

describe('channel paging (archive pages counted from the oldest article)', () => {
  it('shows every member once, newest first, after dropping repeats, for any count', () => {
    for (let count = 0; count <= 130; count++) {
      expect(shown(chain(count).slices)).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it('gives every page 20 items (fewer only when the channel has fewer), and 更多 always adds some', () => {
    for (let count = 21; count <= 130; count++) {
      const { slices } = chain(count);
      slices.forEach((s) => expect(s).toHaveLength(PAGE_SIZE));
      // Only the first page and the newest archive page overlap; every page adds something new.
      let seen = new Set<number>();
      for (const slice of slices) {
        const before = seen.size;
        seen = new Set([...seen, ...slice]);
        expect(seen.size).toBeGreaterThan(before);
      }
      const overlap = slices[0]?.filter((i) => slices[1]?.includes(i)).length ?? 0;
      expect(overlap).toBe((PAGE_SIZE - (count % PAGE_SIZE)) % PAGE_SIZE);
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
    expect(chain(101).names[1]).toBe('jinan-5.json');
    expect(chain(5).names).toEqual(['jinan.json']);
  });

  it('leaves every archive page unchanged when a newer article arrives', () => {
    for (let count = 1; count <= 120; count++) {
      // An archive page's members, as positions counted from the oldest article.
      const fromOldest = (n: number): Map<string, number[]> =>
        new Map(
          channelLayout('c', n)
            .slice(1)
            .map((p) => [p.name, [n - p.end, n - p.start]]),
        );
      const before = fromOldest(count);
      const after = fromOldest(count + 1);
      for (const [name, members] of before) expect(after.get(name)).toEqual(members);
      expect(after.size - before.size === 0 || after.size - before.size === 1).toBe(true);
    }
  });
});
