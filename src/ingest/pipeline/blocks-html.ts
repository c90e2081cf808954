import type { Block, Inline } from '../../shared/feed/types';

/**
 * The sanitizer's block tree back to HTML, for the API's `content_html`. Ingest cleans
 * every body with the app's own sanitizer (htmlToBlocks) and stores only what this writes,
 * so nothing a feed smuggled in survives: the output holds the allowlisted elements and
 * attributes, every text escaped. Re-reading it with htmlToBlocks gives the same tree.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Rewrites a URL as it should appear in the output document (e.g. relative to the API). */
export type UrlWriter = (absoluteUrl: string) => string;

const asIs: UrlWriter = (url) => url;

/** Serialises blocks; `writeUrl` maps every href and src (default: unchanged). */
export function blocksToHtml(blocks: readonly Block[], writeUrl: UrlWriter = asIs): string {
  return blocks.map((block) => blockHtml(block, writeUrl)).join('');
}

function blockHtml(block: Block, writeUrl: UrlWriter): string {
  switch (block.t) {
    case 'p':
      return `<p>${inlinesHtml(block.c, writeUrl)}</p>`;
    case 'h':
      return `<h${block.level}>${inlinesHtml(block.c, writeUrl)}</h${block.level}>`;
    case 'ul':
    case 'ol':
      return `<${block.t}>${block.items
        .map((item) => `<li>${inlinesHtml(item, writeUrl)}</li>`)
        .join('')}</${block.t}>`;
    case 'quote':
      return `<blockquote>${blocksToHtml(block.c, writeUrl)}</blockquote>`;
    case 'figure': {
      const size =
        block.width !== undefined && block.height !== undefined
          ? ` width="${block.width}" height="${block.height}"`
          : '';
      const img = `<img src="${escapeHtml(writeUrl(block.src))}" alt="${escapeHtml(block.alt)}"${size}>`;
      const caption = block.caption
        ? `<figcaption>${inlinesHtml(block.caption, writeUrl)}</figcaption>`
        : '';
      return `<figure>${img}${caption}</figure>`;
    }
  }
}

function inlinesHtml(content: readonly Inline[], writeUrl: UrlWriter): string {
  return content.map((node) => inlineHtml(node, writeUrl)).join('');
}

function inlineHtml(node: Inline, writeUrl: UrlWriter): string {
  if (typeof node === 'string') return escapeHtml(node);
  switch (node.t) {
    case 'em':
    case 'strong':
      return `<${node.t}>${inlinesHtml(node.c, writeUrl)}</${node.t}>`;
    case 'a':
      return `<a href="${escapeHtml(writeUrl(node.href))}">${inlinesHtml(node.c, writeUrl)}</a>`;
    case 'br':
      return '<br>';
  }
}
