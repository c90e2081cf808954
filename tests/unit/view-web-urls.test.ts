import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../src/shared/feed/types';
import { ArticleView } from '../../src/shared/view/article';
import { BlocksView, FigureView } from '../../src/shared/view/blocks';
import { isWebUrl, webUrl } from '../../src/shared/web-url';
import { renderBootArticle } from '../../src/sw/boot/render-article';
import { renderBootHome, renderBootList } from '../../src/sw/boot/render-list';
import { expectOnlyWebUrls, HOSTILE, SAFE, urlAttributes } from './hostile-urls';
import { article } from './store-fixtures';

/**
 * Every component that renders a feed-provided URL into an `href` or `src`
 * goes through webUrl: rendered (preact-render-to-string, as the boot view
 * does) with a hostile URL in every URL field, none reaches an attribute.
 */

/** An article carrying `url` in every URL field: 阅读原文, lead image, body link, figure, caption link. */
function hostileArticle(url: string, leadUrl = url): Article {
  const blocks: Block[] = [
    { t: 'p', c: ['见', { t: 'a', href: url, c: ['链接'] }, '。'] },
    { t: 'figure', src: url, alt: '图', caption: [{ t: 'a', href: url, c: ['图注'] }] },
    { t: 'quote', c: [{ t: 'figure', src: url, alt: '引文图' }] },
  ];
  return article('hostile', { url, image: { src: leadUrl, alt: '题图' }, blocks });
}

describe('webUrl / isWebUrl', () => {
  it.each(HOSTILE.map((url) => [url]))('refuses %j', (url) => {
    expect(isWebUrl(url)).toBe(false);
    expect(webUrl(url)).toBeUndefined();
  });

  it('passes http(s) URLs on unchanged', () => {
    expect(webUrl(SAFE)).toBe(SAFE);
    expect(webUrl('http://portal.example.cn/a.html')).toBe('http://portal.example.cn/a.html');
    expect(webUrl(undefined)).toBeUndefined();
  });
});

describe('rendering hostile URLs', () => {
  const renderers: [string, (a: Article) => string][] = [
    [
      'ArticleView',
      (a) => renderToString(h(ArticleView, { article: a, options: { noImages: false } })),
    ],
    ['the boot view', (a) => renderBootArticle(a, false)],
    ['the boot view without images', (a) => renderBootArticle(a, true)],
    [
      'BlocksView',
      (a) => renderToString(h(BlocksView, { blocks: a.blocks, options: { noImages: false } })),
    ],
    [
      'FigureView (the lead image)',
      (a) =>
        renderToString(
          h(FigureView, {
            figure: { t: 'figure', src: a.image?.src ?? '', alt: '题图' },
            noImages: false,
          }),
        ),
    ],
  ];

  it.each(renderers)('%s writes a safe article’s URLs (the check is not vacuous)', (_, render) => {
    const html = render(hostileArticle(SAFE));
    const values = urlAttributes(html);
    if (!_.includes('without images')) expect(values).toContain(SAFE);
    expectOnlyWebUrls(html);
  });

  for (const [name, render] of renderers) {
    it.each(HOSTILE.map((url) => [url]))(`${name} writes no href or src for %j`, (url) => {
      const html = render(hostileArticle(url));
      expectOnlyWebUrls(html);
      expect(urlAttributes(html)).toEqual([]);
      // The text around the links and the pictures' text alternatives still read.
      expect(html).toMatch(/链接|图/);
    });
  }
});

describe('rendering hostile URLs in the boot views of lists', () => {
  const section = (id: string, title: string) => ({
    id,
    title,
    kind: 'section' as const,
    feedUrl: `https://news.example.com/api/feeds/${id}.json`,
  });
  /** Every list layout gets the article: a channel's items, the lead list, the timeline, the cards. */
  const renderers: [string, (a: Article) => string][] = [
    ['a channel', (a) => renderBootList('济南', [a], false)],
    [
      'the front page',
      (a) =>
        renderBootHome(
          {
            sections: ['hot', 'latest', 'photos'].map((id) => ({
              channel: section(id, id),
              articles: [a],
            })),
            cities: [],
          },
          false,
        ),
    ],
  ];
  const withImage = (url: string) => article('hostile', { url, image: { src: url, alt: '' } });

  it.each(renderers)('%s shows a web image (the check is not vacuous)', (_, render) => {
    expect(urlAttributes(render(withImage(SAFE)))).toContain(SAFE);
  });

  for (const [name, render] of renderers) {
    it.each(HOSTILE.map((url) => [url]))(`${name} writes no href or src for %j`, (url) => {
      const html = render(withImage(url));
      expectOnlyWebUrls(html);
      // Only the app's own links (the article, 「+更多」's channel) are left.
      expect(urlAttributes(html).filter((value) => !value.startsWith('/channel/'))).toEqual(
        expect.arrayContaining(['/article/hostile']),
      );
      expect(urlAttributes(html).every((value) => /^\/(?:article|channel)\//.test(value))).toBe(
        true,
      );
    });
  }
});
