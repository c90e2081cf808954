import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/shared/feed/index';
import { blocksToText, htmlToBlocks, LIMITS } from '../../src/shared/feed/index';
import { fixtureText, HOT_URL, shapeViolations } from './fixtures/feed/load';

const IMG = 'https://news.example.com/api/images/';

function blocks(html: string): Block[] {
  return htmlToBlocks(html, HOT_URL);
}

describe('allowed HTML becomes the matching blocks', () => {
  it('a paragraph with emphasis, strong text, a link and a line break', () => {
    expect(
      blocks(
        '<p>一<em>二</em><i>三</i><strong>四</strong><b>五</b><a href="https://a.example/">六</a><br>七</p>',
      ),
    ).toEqual([
      {
        t: 'p',
        c: [
          '一',
          { t: 'em', c: ['二'] },
          { t: 'em', c: ['三'] },
          { t: 'strong', c: ['四'] },
          { t: 'strong', c: ['五'] },
          { t: 'a', href: 'https://a.example/', c: ['六'] },
          { t: 'br' },
          '七',
        ],
      },
    ]);
  });

  it('headings: h1 and h2 become level 2, h3 level 3, h4 to h6 level 4', () => {
    const levels = blocks('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>').map(
      (block) => (block.t === 'h' ? block.level : block.t),
    );
    expect(levels).toEqual([2, 2, 3, 4, 4, 4]);
  });

  it('lists keep their kind and items; a nested list is flattened after its parent item', () => {
    expect(
      blocks('<ol><li>一</li><li>二<ul><li>二点一</li></ul></li></ol><ul><li><b>甲</b></li></ul>'),
    ).toEqual([
      { t: 'ol', items: [['一'], ['二'], ['二点一']] },
      { t: 'ul', items: [[{ t: 'strong', c: ['甲'] }]] },
    ]);
  });

  it('a blockquote becomes a quote holding blocks', () => {
    expect(blocks('<blockquote><p>引文</p>续</blockquote>')).toEqual([
      {
        t: 'quote',
        c: [
          { t: 'p', c: ['引文'] },
          { t: 'p', c: ['续'] },
        ],
      },
    ]);
  });

  it('a figure keeps its image, alt text, numeric size and caption', () => {
    expect(
      blocks(
        '<figure><img src="../images/a.svg" alt=" 会场 " width="960" height="540px"><figcaption>会议<b>现场</b></figcaption></figure>',
      ),
    ).toEqual([
      {
        t: 'figure',
        src: `${IMG}a.svg`,
        alt: '会场',
        width: 960,
        caption: ['会议', { t: 'strong', c: ['现场'] }],
      },
    ]);
  });

  it('a figure whose image is unusable keeps its caption as a paragraph', () => {
    expect(
      blocks('<figure><img src="javascript:x"><figcaption>说明</figcaption></figure>'),
    ).toEqual([{ t: 'p', c: ['说明'] }]);
  });

  it('an image at the top level becomes a figure with an empty alt when it has none', () => {
    expect(blocks('<img src="../images/b.svg">')).toEqual([
      { t: 'figure', src: `${IMG}b.svg`, alt: '' },
    ]);
  });

  it('an image inside a paragraph is lifted out between its two halves, emphasis and all', () => {
    expect(blocks('<p>前<b>粗<img src="../images/c.svg" alt="图">体</b>后</p>')).toEqual([
      { t: 'p', c: ['前', { t: 'strong', c: ['粗'] }] },
      { t: 'figure', src: `${IMG}c.svg`, alt: '图' },
      { t: 'p', c: [{ t: 'strong', c: ['体'] }, '后'] },
    ]);
  });

  it('an image inside a heading or a list item is replaced by its alt text', () => {
    expect(
      blocks(
        '<h2>标题<img src="a.png" alt="（图）"></h2><ul><li><img src="a.png" alt="图标">项</li></ul>',
      ),
    ).toEqual([
      { t: 'h', level: 2, c: ['标题（图）'] },
      { t: 'ul', items: [['图标项']] },
    ]);
  });

  it('an image inside a link is kept as a figure, and the link goes with nothing left in it', () => {
    expect(
      blocks(
        '<p><a href="https://a.example/big.jpg"><img src="../images/d.svg" alt="大图"></a></p>',
      ),
    ).toEqual([{ t: 'figure', src: `${IMG}d.svg`, alt: '大图' }]);
  });

  it('a tracking pixel is dropped', () => {
    expect(blocks('<p>文<img src="https://t.example/p.gif" width="1" height="1"></p>')).toEqual([
      { t: 'p', c: ['文'] },
    ]);
  });
});

describe('other markup is unwrapped or dropped', () => {
  it('loose text and inline elements at the top level are wrapped in paragraphs', () => {
    expect(blocks('开头<span>文字</span><div>块</div>结尾')).toEqual([
      { t: 'p', c: ['开头文字'] },
      { t: 'p', c: ['块'] },
      { t: 'p', c: ['结尾'] },
    ]);
  });

  it('span, font, u, section and div go but their text stays', () => {
    expect(
      blocks('<section><div><font color="red"><u>保留</u></font><span>文字</span></div></section>'),
    ).toEqual([{ t: 'p', c: ['保留文字'] }]);
  });

  it('a link without an http(s) href leaves its text as plain text', () => {
    expect(blocks('<p><a>锚</a><a href="mailto:a@b.c">信</a></p>')).toEqual([
      { t: 'p', c: ['锚信'] },
    ]);
  });

  it('a link inside a link is unwrapped', () => {
    expect(
      blocks('<a href="https://a.example/">外<span><a href="https://b.example/">内</a></span></a>'),
    ).toEqual([{ t: 'p', c: [{ t: 'a', href: 'https://a.example/', c: ['外内'] }] }]);
  });

  it('block content inside inline content becomes a line break, not a new paragraph', () => {
    expect(blocks('<p><a href="https://a.example/"><div>一</div><div>二</div></a></p>')).toEqual([
      { t: 'p', c: [{ t: 'a', href: 'https://a.example/', c: ['一', { t: 'br' }, '二'] }] },
    ]);
  });

  it('empty paragraphs, empty emphasis and leading or trailing breaks are dropped', () => {
    expect(blocks('<p></p><p> <br> </p><p><b> </b>字<br></p><p>&nbsp;</p>')).toEqual([
      { t: 'p', c: ['字'] },
    ]);
  });

  it('unclosed tags are closed where HTML would close them', () => {
    expect(blocks('<p>一<b>二<p>三<ul><li>四<li>五')).toEqual([
      { t: 'p', c: ['一', { t: 'strong', c: ['二'] }] },
      { t: 'p', c: ['三'] },
      { t: 'ul', items: [['四'], ['五']] },
    ]);
  });

  it(`quotes nested deeper than ${LIMITS.htmlNestingDepth} levels are flattened into their parent`, () => {
    const depth = 30;
    const tree = blocks(`${'<blockquote>'.repeat(depth)}深${'</blockquote>'.repeat(depth)}`);
    let levels = 0;
    let current: readonly Block[] = tree;
    while (current[0]?.t === 'quote') {
      levels++;
      current = current[0].c;
    }
    expect(levels).toBe(LIMITS.htmlNestingDepth);
    expect(blocksToText(tree)).toBe('深');
  });
});

describe('whitespace is collapsed as HTML renders it', () => {
  it('runs of spaces, tabs and newlines become one space between Latin words', () => {
    expect(blocks('<p>  Shandong \t\n  Daily  </p>')).toEqual([{ t: 'p', c: ['Shandong Daily'] }]);
  });

  it('a line break in the source between Chinese characters disappears instead of becoming a space', () => {
    expect(blocks('<p>山东省数字强省\n建设工作推进会，\n  “数字中国”\n……</p>')).toEqual([
      { t: 'p', c: ['山东省数字强省建设工作推进会，“数字中国”……'] },
    ]);
  });

  it('but an explicit space between Chinese characters stays, as in 林武讲话 周乃翔主持', () => {
    expect(blocks('<p>林武讲话 周乃翔主持</p>')).toEqual([{ t: 'p', c: ['林武讲话 周乃翔主持'] }]);
  });

  it('and a line break between Chinese and Latin text is a space', () => {
    expect(blocks('<p>数字\nChina\n数字</p>')).toEqual([{ t: 'p', c: ['数字 China 数字'] }]);
  });

  it('the same rules hold across element boundaries, and the space stays outside the element', () => {
    expect(
      blocks('<p>山东<b>\n济南</b>\n<i>召开</i> <a href="https://a.example/">link</a> end</p>'),
    ).toEqual([
      {
        t: 'p',
        c: [
          '山东',
          { t: 'strong', c: ['济南'] },
          { t: 'em', c: ['召开'] },
          ' ',
          { t: 'a', href: 'https://a.example/', c: ['link'] },
          ' end',
        ],
      },
    ]);
  });

  it('full-width indentation at the start of a paragraph is removed; the app indents with CSS', () => {
    expect(blocks('<p>\u3000\u3000正文\u3000中间</p><p>&nbsp;&nbsp;第二段</p>')).toEqual([
      { t: 'p', c: ['正文\u3000中间'] },
      { t: 'p', c: ['第二段'] },
    ]);
  });

  it('entities are decoded into text, never into markup', () => {
    expect(blocks('<p>&lt;b&gt;不是粗体&lt;/b&gt; &amp; &#x5c71;&#19996;</p>')).toEqual([
      { t: 'p', c: ['<b>不是粗体</b> & 山东'] },
    ]);
  });
});

describe('hostile HTML leaves nothing of itself in the tree', () => {
  const tree = blocks(fixtureText('hostile-html.txt'));
  const serialized = JSON.stringify(tree);

  it('no payload survives anywhere: every EVIL in the fixture sits in an attribute or in dropped content', () => {
    expect(serialized).not.toMatch(/evil/i);
  });

  it('no script, handler, style or dangerous scheme survives', () => {
    expect(serialized).not.toMatch(
      /script|onerror|onclick|onmouseover|style|iframe|svg|data:|vbscript|file:|blob:/i,
    );
  });

  it('the tree has only allowlisted shapes and only absolute http(s) URLs', () => {
    expect(shapeViolations(tree)).toEqual([]);
  });

  it('the harmless text around the attacks is still there', () => {
    const text = blocksToText(tree);
    for (let i = 1; i <= 22; i++) {
      if (i === 12) continue; // SAFE-12 is an alt text, which blocksToText leaves out
      expect(text).toContain(`SAFE-${i}`);
    }
    expect(serialized).toContain('"alt":"SAFE-12 alt"');
  });

  it('of all the links, only the plain https one is still a link', () => {
    const hrefs = [...serialized.matchAll(/"href":"([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['https://good.example/ok']);
  });
});
