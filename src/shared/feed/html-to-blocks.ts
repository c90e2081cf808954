import { shortenText } from './clean-text';
import { BLOCK_WRAPPERS, EMPHASIS, HEADING_LEVELS, isBlockLevel } from './html-elements';
import type { HtmlElement, HtmlNode } from './html-tree';
import { parseHtmlTree } from './html-tree';
import type { RawInline } from './inline-text';
import { BREAK, collapseText, normalizeInlines, splitAtBlocks } from './inline-text';
import { LIMITS } from './limits';
import type { Block, FigureBlock, Inline } from './types';
import { resolveHttpUrl, resolveImageUrl } from './urls';

/**
 * Untrusted `content_html` → the allowlisted block tree of types.ts. This is
 * the sanitizer: nothing reaches the page except the block and inline shapes
 * built here, with text as text, links and images as checked absolute http(s)
 * URLs, and no attribute other than an image's alt and size.
 *
 * The mapping (docs/feed-format.md has the producer's view):
 * - p → p; h1/h2 → level 2, h3 → 3, h4–h6 → 4; ul/ol/li → lists (nested
 *   lists are flattened into the outer list); blockquote → quote;
 * - img → figure (alt kept, numeric width/height kept), figure + figcaption →
 *   figure with caption; where a figure cannot stand (headings, list items,
 *   captions) an image is replaced by its alt text;
 * - em/i → em, strong/b → strong, a with an http(s) href → a (else its text),
 *   br → br;
 * - elements in DROPPED_WITH_CONTENT go with their content; any other element
 *   is unwrapped, keeping its text; block-level ones (div, section, table
 *   cells…) end the paragraph around them;
 * - an image or a block found inside a paragraph's inline content (unclosed
 *   `<b>` before a `<p>`, say) is lifted out between the paragraph's halves,
 *   much as a browser would lay it out;
 * - loose text and inline content at the top level is wrapped in paragraphs;
 *   whitespace is collapsed as HTML renders it; empty blocks are dropped.
 */
export function htmlToBlocks(html: string, baseUrl: string): Block[] {
  const blocks: Block[] = [];
  blockContent(parseHtmlTree(html), { base: baseUrl, quoteDepth: 0 }, blocks);
  return blocks;
}

interface BlockContext {
  readonly base: string;
  readonly quoteDepth: number;
}

interface InlineContext {
  readonly block: BlockContext;
  /**
   * In a paragraph, images and blocks can be lifted out to stand on their own;
   * in a heading, list item or caption they cannot (images become alt text,
   * blocks a line break).
   */
  readonly lift: boolean;
  /** Inside a link: a nested link is unwrapped and blocks become line breaks. */
  readonly inLink: boolean;
  /** Emphasis nesting so far; deeper emphasis is unwrapped. */
  readonly depth: number;
}

function paragraphContext(block: BlockContext): InlineContext {
  return { block, lift: true, inLink: false, depth: 0 };
}

/** Converts nodes in a block context (the body, a quote, a div…), appending to `out`. */
function blockContent(nodes: readonly HtmlNode[], ctx: BlockContext, out: Block[]): void {
  let run: RawInline[] = [];
  const inline = paragraphContext(ctx);
  for (const node of nodes) {
    if (typeof node === 'string' || !isBlockLevel(node.name)) {
      inlineNode(node, inline, run);
    } else {
      paragraphs(run, out);
      run = [];
      blockElement(node, ctx, out);
    }
  }
  paragraphs(run, out);
}

/** A paragraph's inline content → paragraphs, with lifted blocks between them. */
function paragraphs(run: readonly RawInline[], out: Block[]): void {
  if (run.length === 0) return;
  for (const part of splitAtBlocks(run)) {
    if (Array.isArray(part)) {
      const c = normalizeInlines(part);
      if (c.length > 0) out.push({ t: 'p', c });
    } else {
      for (const block of part.blocks) out.push(block);
    }
  }
}

function blockElement(element: HtmlElement, ctx: BlockContext, out: Block[]): void {
  const { name, children } = element;
  const level = HEADING_LEVELS.get(name);
  if (level !== undefined) {
    const c = inlineContent(children, ctx);
    if (c.length > 0) out.push({ t: 'h', level, c });
  } else if (name === 'p') {
    const run: RawInline[] = [];
    const inline = paragraphContext(ctx);
    for (const child of children) inlineNode(child, inline, run);
    paragraphs(run, out);
  } else if (name === 'ul' || name === 'ol') {
    const items: Inline[][] = [];
    listItems(element, ctx, items);
    if (items.length > 0) out.push({ t: name, items });
  } else if (name === 'blockquote') {
    quote(children, ctx, out);
  } else if (name === 'figure') {
    figure(children, ctx, out);
  } else if (BLOCK_WRAPPERS.has(name)) {
    blockContent(children, ctx, out);
  }
}

function quote(children: readonly HtmlNode[], ctx: BlockContext, out: Block[]): void {
  const c: Block[] = [];
  blockContent(children, { ...ctx, quoteDepth: ctx.quoteDepth + 1 }, c);
  if (c.length === 0) return;
  // Past the nesting limit, quotes inside quotes are flattened into their parent.
  if (ctx.quoteDepth >= LIMITS.htmlNestingDepth) {
    for (const block of c) out.push(block);
  } else {
    out.push({ t: 'quote', c });
  }
}

/**
 * A figure's images become figure blocks and its caption goes to the last of
 * them (a caption under a row of photos describes the group); a figure with a
 * caption but no usable image keeps the caption as a paragraph.
 */
function figure(children: readonly HtmlNode[], ctx: BlockContext, out: Block[]): void {
  const isCaption = (node: HtmlNode): node is HtmlElement =>
    typeof node !== 'string' && node.name === 'figcaption';
  const blocks: Block[] = [];
  blockContent(
    children.filter((node) => !isCaption(node)),
    ctx,
    blocks,
  );
  // Several captions (invalid, but seen) are kept, one per line.
  const raw: RawInline[] = [];
  const inline: InlineContext = { block: ctx, lift: false, inLink: false, depth: 0 };
  for (const caption of children.filter(isCaption)) {
    raw.push(BREAK);
    for (const child of caption.children) inlineNode(child, inline, raw);
  }
  const caption = normalizeInlines(raw);
  if (caption.length > 0) {
    const index = blocks.findLastIndex((block) => block.t === 'figure');
    const target = blocks[index];
    if (target?.t === 'figure') blocks[index] = { ...target, caption };
    else blocks.push({ t: 'p', c: caption });
  }
  for (const block of blocks) out.push(block);
}

interface ListElement extends HtmlElement {
  readonly name: 'ul' | 'ol';
}

function isList(node: HtmlNode): node is ListElement {
  return typeof node !== 'string' && (node.name === 'ul' || node.name === 'ol');
}

/**
 * List items, flattened: a nested list's items follow the item that holds
 * it, so the reader still hears every line in order without a tree that the
 * block types cannot express.
 */
function listItems(list: HtmlElement, ctx: BlockContext, items: Inline[][]): void {
  const add = (nodes: readonly HtmlNode[]): void => {
    const c = inlineContent(nodes, ctx);
    if (c.length > 0) items.push(c);
  };
  for (const child of list.children) {
    if (isList(child)) {
      listItems(child, ctx, items);
    } else if (typeof child !== 'string' && child.name === 'li') {
      add(child.children.filter((node) => !isList(node)));
      for (const node of child.children) if (isList(node)) listItems(node, ctx, items);
    } else {
      // Text or elements directly in a list (invalid, but seen) make items of their own.
      add([child]);
    }
  }
}

/** Nodes → settled inline content of a heading or list item. */
function inlineContent(nodes: readonly HtmlNode[], ctx: BlockContext): Inline[] {
  const raw: RawInline[] = [];
  const inline: InlineContext = { block: ctx, lift: false, inLink: false, depth: 0 };
  for (const node of nodes) inlineNode(node, inline, raw);
  return normalizeInlines(raw);
}

/** Converts one node in an inline context, appending to `out`. */
function inlineNode(node: HtmlNode, ctx: InlineContext, out: RawInline[]): void {
  if (typeof node === 'string') {
    out.push(node);
    return;
  }
  const { name, children } = node;
  const convertChildren = (target: RawInline[], inner: InlineContext = ctx): void => {
    for (const child of children) inlineNode(child, inner, target);
  };
  // Blocks inside a link become line breaks so that the link holds together;
  // an image inside a link is still lifted out (the picture matters more than
  // where it pointed: typically a larger copy of itself).
  const liftBlocks = ctx.lift && !ctx.inLink;

  const emphasis = EMPHASIS.get(name);
  if (emphasis !== undefined && ctx.depth < LIMITS.htmlNestingDepth) {
    const c: RawInline[] = [];
    convertChildren(c, { ...ctx, depth: ctx.depth + 1 });
    out.push({ t: emphasis, c });
  } else if (name === 'a') {
    const href = node.attrs.href === undefined ? undefined : linkTarget(node.attrs.href, ctx);
    if (href === undefined || ctx.inLink) {
      convertChildren(out);
    } else {
      const c: RawInline[] = [];
      convertChildren(c, { ...ctx, inLink: true });
      out.push({ t: 'a', href, c });
    }
  } else if (name === 'br') {
    out.push({ t: 'br' });
  } else if (name === 'img') {
    const image = ctx.lift ? figureOf(node, ctx.block.base) : undefined;
    if (image) out.push({ t: 'lifted', blocks: [image] });
    else if (node.attrs.alt) out.push(node.attrs.alt);
  } else if (isBlockLevel(name) && liftBlocks) {
    const blocks: Block[] = [];
    blockElement(node, ctx.block, blocks);
    out.push({ t: 'lifted', blocks });
  } else if (isBlockLevel(name)) {
    out.push(BREAK);
    convertChildren(out);
    out.push(BREAK);
  } else {
    convertChildren(out);
  }
}

/**
 * Where a body link may point: an http(s) URL other than the feed document
 * itself. Links to `#fragment`s of the source page resolve to the JSON
 * document, which is meaningless to a reader, so they stay plain text.
 */
function linkTarget(href: string, ctx: InlineContext): string | undefined {
  const { base } = ctx.block;
  const url = resolveHttpUrl(href, base);
  if (url === undefined) return undefined;
  const withoutHash = (value: string): string => value.split('#', 1)[0] ?? value;
  return withoutHash(url) === withoutHash(base) ? undefined : url;
}

/** A sane declared image dimension: a plain positive integer up to 10,000. */
function dimension(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d{1,5}\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 10_000 ? n : undefined;
}

/**
 * The figure for an `<img>`, or `undefined` when its src is not a usable
 * http(s) URL, or when it declares itself 2×2 pixels or smaller — a tracking
 * pixel, which would only tell a third party who is reading.
 */
function figureOf(img: HtmlElement, base: string): FigureBlock | undefined {
  const src = img.attrs.src === undefined ? undefined : resolveImageUrl(img.attrs.src, base);
  if (src === undefined) return undefined;
  const width = dimension(img.attrs.width);
  const height = dimension(img.attrs.height);
  if (width !== undefined && height !== undefined && width <= 2 && height <= 2) return undefined;
  const alt = shortenText(collapseText(img.attrs.alt ?? ''), LIMITS.imageAltLength);
  const figure: FigureBlock = { t: 'figure', src, alt };
  return {
    ...figure,
    ...(width === undefined ? {} : { width }),
    ...(height === undefined ? {} : { height }),
  };
}
