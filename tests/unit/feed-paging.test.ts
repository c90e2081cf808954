import { describe, expect, it } from 'vitest';
import { PageTrail } from '../../src/shared/feed/paging';
import { pageKey } from '../../src/shared/feed/urls';

const FEEDS = 'https://news.example.com/api/feeds/';
const A = `${FEEDS}a.json`;
const B = `${FEEDS}b.json`;

describe('pageKey', () => {
  it.each([
    [`${FEEDS}a.json#x`, A],
    [`${FEEDS}a.json?`, A],
    [`${FEEDS}a.json?#`, A],
    ['HTTPS://NEWS.Example.COM:443/api/feeds/a.json', A],
    ['http://news.example.com:80/api/feeds/a.json', 'http://news.example.com/api/feeds/a.json'],
    [`${FEEDS}a.json?page=2#top`, `${FEEDS}a.json?page=2`],
  ])('%s names the document %s', (url, key) => {
    expect(pageKey(url)).toBe(key);
  });

  it('resolves a relative URL against the base', () => {
    expect(pageKey('./a.json?', B)).toBe(A);
    expect(pageKey('../feeds/a.json#x', B)).toBe(A);
  });

  it('keeps a non-empty query: it may name another document', () => {
    expect(pageKey(`${FEEDS}a.json?page=2`)).not.toBe(A);
  });

  it('answers undefined for what is not a URL', () => {
    expect(pageKey('not a url')).toBeUndefined();
  });
});

describe('PageTrail', () => {
  it('follows a next_url to a new page of the same origin, normalised', () => {
    const trail = new PageTrail(A);
    expect(trail.next(`${B}#more`)).toEqual({ kind: 'follow', url: B });
    expect(trail.next('HTTPS://news.example.com:443/api/feeds/b.json?')).toEqual({
      kind: 'follow',
      url: B,
    });
  });

  it('ends the channel at a page without next_url', () => {
    expect(new PageTrail(A).next(undefined)).toEqual({ kind: 'end' });
  });

  it.each([[`${A}#x`], [`${A}?`], ['HTTPS://NEWS.EXAMPLE.COM:443/api/feeds/a.json#top']])(
    'refuses %s on page a.json: the page names itself',
    (next) => {
      const answer = new PageTrail(A).next(next);
      expect(answer.kind).toBe('refused');
      expect(answer.kind === 'refused' && answer.problem).toMatch(/loop/);
    },
  );

  it('refuses a loop across pages (A → B → A)', () => {
    const trail = new PageTrail(A);
    const toB = trail.next(B);
    expect(toB).toEqual({ kind: 'follow', url: B });
    trail.visit(B);
    const back = trail.next(`${A}#again`);
    expect(back).toMatchObject({ kind: 'refused', problem: expect.stringMatching(/already read/) });
  });

  it('counts the URL a redirected page was read from as visited', () => {
    const trail = new PageTrail(A);
    trail.visit(B, `${FEEDS}b-moved.json`);
    expect(trail.next(`${FEEDS}b-moved.json`).kind).toBe('refused');
  });

  it.each([
    ['https://evil.example/api/feeds/b.json'],
    ['http://news.example.com/api/feeds/b.json'],
    ['https://news.example.com:8443/api/feeds/b.json'],
    ['https://cdn.news.example.com/api/feeds/b.json'],
  ])('refuses %s: another origin than the feed’s own', (next) => {
    const answer = new PageTrail(A).next(next);
    expect(answer).toMatchObject({
      kind: 'refused',
      problem: expect.stringContaining('https://news.example.com'),
    });
    expect(answer.kind === 'refused' && answer.problem).toMatch(/origin/);
  });

  it('keeps to the origin of the first page even after a page of the same origin', () => {
    const trail = new PageTrail(A);
    trail.visit(B);
    expect(trail.next('https://mirror.example/api/feeds/c.json').kind).toBe('refused');
    expect(trail.next(`${FEEDS}c.json`)).toEqual({ kind: 'follow', url: `${FEEDS}c.json` });
  });

  it('refuses a next_url that is not a URL', () => {
    expect(new PageTrail(A).next('::').kind).toBe('refused');
  });
});
