import { formatDateTime } from '../../shared/date';
import type { Article, Block, FigureBlock, Inline } from '../../shared/feed/types';
import { isWebUrl } from '../../shared/web-url';

/**
 * The article as HTML text, with the app's class names so the app's own
 * article styles lay it out exactly as the page it is replaced by. Everything
 * from the feed is escaped here: the block tree is already an allowlist of
 * structure, and this is the one place its text becomes markup.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value, safe inside double-quoted attributes and element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** The app shows figures without a known size at this ratio (see components/blocks). */
const DEFAULT_WIDTH = 800;
const DEFAULT_HEIGHT = 600;

/** The label of demo articles; the same rule as the article page's. */
const DEMO_LABEL = '示例内容';

function inlines(content: readonly Inline[]): string {
  return content.map(inline).join('');
}

function inline(node: Inline): string {
  if (typeof node === 'string') return escapeHtml(node);
  switch (node.t) {
    case 'em':
    case 'strong':
      return `<${node.t}>${inlines(node.c)}</${node.t}>`;
    case 'a':
      return isWebUrl(node.href)
        ? `<a href="${escapeHtml(node.href)}" rel="noopener noreferrer">${inlines(node.c)}</a>`
        : `<span>${inlines(node.c)}</span>`;
    case 'br':
      return '<br>';
  }
}

function figure(block: FigureBlock, noImages: boolean): string {
  const caption =
    block.caption && block.caption.length > 0
      ? `<figcaption>${inlines(block.caption)}</figcaption>`
      : '';
  if (noImages) {
    if (!block.alt && !caption) return '';
    const alt = block.alt ? `<p class="body-figure__alt">图片：${escapeHtml(block.alt)}</p>` : '';
    return `<figure class="body-figure body-figure--text">${alt}${caption}</figure>`;
  }
  const sized = block.width !== undefined && block.height !== undefined;
  const width = sized ? block.width : DEFAULT_WIDTH;
  const height = sized ? block.height : DEFAULT_HEIGHT;
  return (
    `<figure class="body-figure"><img src="${escapeHtml(block.src)}" alt="${escapeHtml(block.alt)}"` +
    ` width="${String(width)}" height="${String(height)}" loading="lazy" decoding="async">${caption}</figure>`
  );
}

function blocks(content: readonly Block[], noImages: boolean): string {
  return content.map((node) => block(node, noImages)).join('');
}

function block(node: Block, noImages: boolean): string {
  switch (node.t) {
    case 'p':
      return `<p>${inlines(node.c)}</p>`;
    case 'h':
      return `<h${String(node.level)}>${inlines(node.c)}</h${String(node.level)}>`;
    case 'ul':
    case 'ol':
      return `<${node.t}>${node.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${node.t}>`;
    case 'quote':
      return `<blockquote>${blocks(node.c, noImages)}</blockquote>`;
    case 'figure':
      return figure(node, noImages);
  }
}

function meta(article: Article): string {
  const rows: [string, string][] = [
    [
      '发布时间',
      `<time datetime="${escapeHtml(article.datePublished)}">${escapeHtml(formatDateTime(article.datePublished))}</time>`,
    ],
  ];
  if (article.source) rows.push(['来源', escapeHtml(article.source)]);
  if (article.authors.length > 0) rows.push(['作者', escapeHtml(article.authors.join(' '))]);
  if (article.editor) rows.push(['责任编辑', escapeHtml(article.editor)]);
  return `<dl class="article-meta">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

/**
 * The article's headline block, metadata and body, as the article page shows
 * them (without the parts that need the app: read aloud, 相关新闻).
 */
export function renderBootArticle(article: Article, noImages: boolean): string {
  const demo = article.tags.includes(DEMO_LABEL) || article.text.includes(`${DEMO_LABEL}：`);
  const lead = article.image;
  const leadInBody =
    lead && article.blocks.some((node) => node.t === 'figure' && node.src === lead.src);
  const head =
    (demo ? `<p class="badge">${DEMO_LABEL}</p>` : '') +
    (article.kicker ? `<p class="kicker">${escapeHtml(article.kicker)}</p>` : '') +
    `<h1 class="article-title">${escapeHtml(article.title)}</h1>` +
    article.subtitles.map((line) => `<p class="subtitle">${escapeHtml(line)}</p>`).join('');
  const body =
    (lead && !leadInBody ? figure({ t: 'figure', src: lead.src, alt: lead.alt }, noImages) : '') +
    blocks(article.blocks, noImages) +
    (article.credit ? `<p class="credit">${escapeHtml(article.credit)}</p>` : '');
  const source =
    article.url && isWebUrl(article.url)
      ? `<p class="source-link"><a href="${escapeHtml(article.url)}" rel="noopener noreferrer">阅读原文</a></p>`
      : '';
  return (
    `<article class="article"><header class="article-head">${head}</header>${meta(article)}` +
    `<div class="article-body">${body}</div>${source}</article>`
  );
}
