import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, stripControls } from '../../src/shared/feed/clean-text';
import { parseFeedPage } from '../../src/shared/feed/index';
import { renderBootArticle, renderTitle } from '../../src/sw/boot/render-article';
import { feedDocument, feedItem, HOT_URL } from './fixtures/feed/load';

/** Every character the parser must remove from feed text (bidi marks are not among them). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const RLO = '\u202e';
const LRI = '\u2066';
const PDI = '\u2069';
const RLM = '\u200f';

function articleOf(overrides: Record<string, unknown>) {
  const page = parseFeedPage(feedDocument([feedItem('a', overrides)]), HOT_URL);
  const [article] = page.items;
  if (!article) throw new Error(`not kept: ${page.problems.join('; ')}`);
  return article;
}

describe('control and bidi override characters are stripped from feed text', () => {
  it('stripControls keeps text, tabs and newlines in multi-line text, and the bidi marks', () => {
    expect(stripControls(`a${RLO}b\u0000c\u0085d${LRI}e${PDI}\tf\ng${RLM}h`, true)).toBe(
      `abcde\tf\ng${RLM}h`,
    );
    expect(stripControls('a\u2028b', true)).toBe('a\nb');
    expect(cleanLine(` a\tb\n\nc\u2029d${RLO} `)).toBe('a b c d');
    expect(cleanLine('林武讲话　周乃翔主持')).toBe('林武讲话　周乃翔主持');
  });

  it('from the headline, and so from the tab title and the boot view', () => {
    const article = articleOf({ title: `${RLO}exe.txt 文件\u0007` });
    expect(article.title).toBe('exe.txt 文件');
    expect(renderBootArticle(article, false)).not.toMatch(FORBIDDEN);
  });

  it('from every one-line field: summary, authors, tags, source and the _news fields', () => {
    const dirty = (text: string): string => `${RLO}${text}\u0001${PDI}`;
    const article = articleOf({
      summary: dirty('摘要'),
      authors: [{ name: dirty('刘兵') }],
      tags: [dirty('数字经济')],
      image: 'a.png',
      _news: {
        kicker: dirty('引题'),
        subtitles: [dirty('副题')],
        source: dirty('大众日报'),
        editor: dirty('阚金剑'),
        credit: dirty('（记者 刘兵）'),
        image_alt: dirty('会场'),
      },
    });
    expect(article).toMatchObject({
      summary: '摘要',
      authors: ['刘兵'],
      tags: ['数字经济'],
      kicker: '引题',
      subtitles: ['副题'],
      source: '大众日报',
      editor: '阚金剑',
      credit: '（记者 刘兵）',
      image: { alt: '会场' },
    });
  });

  it('from body text, including characters written as entities and alt text', () => {
    const html = articleOf({
      content_html: `<p>a&#x202E;b&#8;c</p><img src="a.png" alt="x${RLO}y">`,
    });
    expect(html.blocks).toEqual([
      { t: 'p', c: ['abc'] },
      { t: 'figure', src: 'https://news.example.com/api/feeds/a.png', alt: 'xy' },
    ]);
    const text = articleOf({ content_text: `第一行${RLO}\u0000\n第二行\n\n第二段` });
    expect(text.text).toBe('第一行\n第二行\n第二段');
  });

  it('while right-to-left text stays as it is, marks included', () => {
    const arabic = `مرحبا بالعالم${RLM} 2023`;
    const hebrew = 'שלום עולם';
    const article = articleOf({ title: arabic, content_text: hebrew, tags: [hebrew] });
    expect(article).toMatchObject({ title: arabic, text: hebrew, tags: [hebrew] });
  });

  it('property: no text field of a parsed article holds a forbidden character', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, text, (title, summary, body, source) => {
        const page = parseFeedPage(
          feedDocument([
            feedItem('a', {
              title,
              summary,
              content_html: `<p>${body}</p>`,
              _news: { source },
              tags: [source],
            }),
          ]),
          HOT_URL,
        );
        const strings = page.items.flatMap((a) => [
          a.title,
          a.summary,
          a.text,
          a.source ?? '',
          ...a.tags,
        ]);
        return strings.every((value) => !FORBIDDEN.test(value));
      }),
    );
  });
});

describe('the renderer isolates feed text', () => {
  const article = articleOf({
    title: 'مرحبا',
    authors: [{ name: 'שלום' }, { name: '刘兵' }],
    _news: { kicker: '引题', subtitles: ['副题'], credit: '（记者）' },
  });
  const html = renderBootArticle(article, false);

  it('the headline, kicker, subtitles and credit set their own direction', () => {
    expect(html).toMatch(/<h1 class="article-title"[^>]* dir="auto"/);
    expect(html).toContain('<p class="kicker" dir="auto">引题</p>');
    expect(html).toContain('<p class="subtitle" dir="auto">副题</p>');
    expect(html).toContain('<p class="credit" dir="auto">（记者）</p>');
  });

  it('the boot view’s tab title is cleaned even for an article stored uncleaned', () => {
    expect(renderTitle(`${RLO}标题\u0007 - 齐鲁轻读`)).toBe('<title>标题 - 齐鲁轻读</title>');
  });

  it('each author is isolated from the next', () => {
    expect(html).toContain('<dd><bdi>שלום</bdi> <bdi>刘兵</bdi></dd>');
  });
});
