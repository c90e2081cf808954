import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../src/shared/feed/html-to-blocks';
import type { Article, Block, Inline } from '../../src/shared/feed/types';
import { ArticleView } from '../../src/shared/view/article';
import { renderBootArticle } from '../../src/sw/boot/render-article';
import { unsafeElement } from '../fixtures/hostile/markup';

/**
 * Properties of the two steps feed content takes to the screen, over generated input:
 * any HTML becomes a block tree within the allowlist (only known blocks and inlines, only
 * http(s) URLs), and any article, whatever its strings contain, renders through the boot view
 * (preact-render-to-string) to markup within the allowlist and to the same text and structure
 * as the page's DOM rendering of the same view (Preact into a linkedom document here; real
 * Chromium in tests/e2e/one-renderer.spec.ts).
 */

const BASE = 'https://news.example/api/feeds/jinan.json';
const ORIGIN = new URL(BASE).origin;

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'img',
  'b',
  'i',
  'em',
  'strong',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h5',
  'figure',
  'figcaption',
  'br',
  'table',
  'tr',
  'td',
  'pre',
  'code',
  'script',
  'style',
  'svg',
  'math',
  'mtext',
  'mglyph',
  'iframe',
  'noscript',
  'template',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'noembed',
  'select',
  'option',
  'form',
  'button',
  'input',
  'object',
  'embed',
  'base',
  'meta',
  'link',
  'video',
  'source',
  'picture',
  'foreignObject',
  'annotation-xml',
];
const ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'onerror',
  'onload',
  'onclick',
  'style',
  'srcdoc',
  'action',
  'formaction',
  'xlink:href',
  'alt',
  'title',
  'width',
  'height',
  'data',
  'id',
  'class',
  'is',
];
const URLS = [
  'https://news.example/a',
  '/relative',
  'relative',
  '#frag',
  '//other.example/x',
  'javascript:top.__xss(1)',
  'JaVaScRiPt:1',
  ' javascript:1',
  'java\tscript:1',
  '&#106;avascript:1',
  'data:text/html,<script>1</script>',
  'vbscript:1',
  'http://x.example',
];

/** Text with everything HTML treats specially, and any Unicode. */
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', '-', '!', ' ', '\n', 'x', '字'),
  }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);

const attribute = fc
  .tuple(
    fc.constantFrom(...ATTRIBUTES),
    fc.oneof(fc.constantFrom(...URLS), text),
    fc.constantFrom('"', "'", ''),
  )
  .map(([name, value, quote]) =>
    quote === ''
      ? `${name}=${value.replace(/[\s>]/g, '')}`
      : `${name}=${quote}${value.replaceAll(quote, '')}${quote}`,
  );

/** An HTML fragment: elements (closed or not), comments, CDATA, entities and text. */
const html: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom('&lt;', '&amp;', '&#60;', '&#x3C;', '&quot;', '&nbsp;', '&bogus;'),
    fc.tuple(text).map(([inner]) => `<!--${inner}-->`),
    fc.tuple(text).map(([inner]) => `<![CDATA[${inner}]]>`),
    // What real bodies are made of, so that figures and links are common, not rare.
    fc
      .tuple(text, fc.constantFrom('', ' width=640 height=480'))
      .map(
        ([alt, size]) =>
          `<img src="https://news.example/i.jpg" alt="${alt.replaceAll('"', '')}"${size}>`,
      ),
    fc.tuple(tie('nodes')).map(([inner]) => `<a href="https://news.example/x">${inner}</a>`),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(attribute, { maxLength: 3 }),
        tie('nodes'),
        fc.boolean(),
      )
      .map(
        ([tag, attributes, inner, closed]) =>
          `<${tag}${attributes.map((a) => ` ${a}`).join('')}>${inner}${closed ? `</${tag}>` : ''}`,
      ),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((nodes) => nodes.join('')),
})).nodes;

function isWeb(url: string): boolean {
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:';
}

/** Why the inline tree is outside the block contract, or undefined. */
function badInline(inline: Inline): string | undefined {
  if (typeof inline === 'string') return undefined;
  if (inline.t === 'br') return undefined;
  if (inline.t === 'a' && !isWeb(inline.href)) return `link to ${inline.href}`;
  if (inline.t !== 'a' && inline.t !== 'em' && inline.t !== 'strong')
    return `inline ${String(inline)}`;
  return inline.c.map(badInline).find(Boolean);
}

/** Why the block is outside the block contract, or undefined. */
function badBlock(block: Block): string | undefined {
  switch (block.t) {
    case 'p':
    case 'h':
      return block.c.map(badInline).find(Boolean);
    case 'ul':
    case 'ol':
      return block.items.flat().map(badInline).find(Boolean);
    case 'quote':
      return block.c.map(badBlock).find(Boolean);
    case 'figure':
      return isWeb(block.src) ? block.caption?.map(badInline).find(Boolean) : `image ${block.src}`;
    default:
      return `block ${JSON.stringify(block)}`;
  }
}

function article(fields: Partial<Article> & Pick<Article, 'blocks'>): Article {
  return {
    id: 'p',
    title: '标题',
    subtitles: [],
    datePublished: '2026-11-01T08:00:00+08:00',
    authors: [],
    summary: '',
    tags: [],
    text: '',
    ...fields,
  };
}

/** Element names in document order and the text, of a parsed tree: what a reader meets. */
function shape(nodes: ChildNode[]): { elements: string[]; text: string } {
  const elements = DomUtils.findAll(() => true, nodes).map(
    (element: Element) => `${element.name}[${Object.keys(element.attribs).sort().join(',')}]`,
  );
  return { elements, text: DomUtils.textContent(nodes) };
}

function unsafeMarkup(markup: string): string[] {
  return DomUtils.findAll(() => true, parseDocument(markup).children).flatMap(
    (element: Element) =>
      unsafeElement({ name: element.name, attributes: Object.entries(element.attribs) }, ORIGIN) ??
      [],
  );
}

/** The page's rendering: Preact into a DOM, serialised. */
let renderInDom: (value: Article) => string;
const realDocument = (globalThis as { document?: unknown }).document;

beforeAll(() => {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  (globalThis as { document?: unknown }).document = document;
  const root = document.getElementById('root');
  renderInDom = (value) => {
    render(null, root as unknown as Element as never);
    render(h(ArticleView, { article: value, options: { noImages: false } }), root as never);
    return root?.innerHTML ?? '';
  };
});

afterAll(() => {
  (globalThis as { document?: unknown }).document = realDocument;
});

describe('HTML to blocks, over generated HTML', () => {
  it('gives only allowlisted blocks and inlines with web URLs, rendered as allowed markup', () => {
    fc.assert(
      fc.property(html, (input) => {
        const blocks = htmlToBlocks(input, BASE);
        expect(blocks.map(badBlock).filter(Boolean)).toEqual([]);
        expect(unsafeMarkup(renderBootArticle(article({ blocks }), false))).toEqual([]);
      }),
      { numRuns: 600 },
    );
  }, 60_000);
});

describe('the boot view and the page, over generated articles', () => {
  const strings = fc.record({
    title: text.filter((value) => value.trim().length > 0),
    kicker: fc.option(text, { nil: undefined }),
    source: fc.option(text, { nil: undefined }),
    editor: fc.option(text, { nil: undefined }),
    credit: fc.option(text, { nil: undefined }),
    authors: fc.array(text, { maxLength: 2 }),
    subtitles: fc.array(text, { maxLength: 2 }),
    body: html,
  });

  it('escape every string and render the same text and structure', () => {
    fc.assert(
      fc.property(strings, ({ body, ...fields }) => {
        const value = article({ ...fields, blocks: htmlToBlocks(body, BASE) });
        const boot = renderBootArticle(value, false);
        expect(unsafeMarkup(boot)).toEqual([]);
        const bootArticle = DomUtils.findOne(
          (e) => e.name === 'article',
          parseDocument(boot).children,
        );
        const heading = bootArticle && DomUtils.findOne((e) => e.name === 'h1', [bootArticle]);
        expect(heading && DomUtils.textContent(heading)).toBe(value.title);
        const page = parseDocument(renderInDom(value)).children;
        expect(shape(bootArticle ? [bootArticle] : [])).toEqual(shape(page));
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
