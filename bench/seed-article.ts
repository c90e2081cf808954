import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inlinesToText, parseFeedPage } from '../src/shared/feed';
import type { Article, Block, Inline } from '../src/shared/feed/types';

/** The article of the portal page the app is modelled on (see DESIGN.md). */
export const SEED_ARTICLE_ID = 'seed-271a4622fc35748e';

/** The seed article as the app converts it, read from the built feed in `dist`. */
export async function readSeedArticle(dist: string): Promise<Article> {
  const file = path.join(dist, 'api', 'feeds', 'hot.json');
  const page = parseFeedPage(
    JSON.parse(await readFile(file, 'utf8')),
    'https://reader.example/api/feeds/hot.json',
  );
  const article = page.items.find((item) => item.id === SEED_ARTICLE_ID);
  if (!article) throw new Error(`${SEED_ARTICLE_ID} is not in ${file}`);
  return article;
}

type Paragraph = Extract<Block, { t: 'p' }>;

function paragraphs(article: Article): Paragraph[] {
  return article.blocks.filter((block): block is Paragraph => block.t === 'p');
}

/**
 * The text of the article's first body paragraph as the DOM has it
 * (`textContent`: a line break contributes nothing).
 */
export function firstParagraphText(article: Article): string {
  const first = paragraphs(article)[0];
  if (!first) throw new Error(`${article.id} has no paragraph`);
  return inlinesToText(first.c).replaceAll('\n', '').trim();
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

/** Inline content as plain marked-up text: emphasis and links become their text. */
function inlineHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if (typeof inline === 'string') return escapeHtml(inline);
      if (inline.t === 'br') return '<br>';
      return inlineHtml(inline.c);
    })
    .join('');
}

/**
 * The article as the plainest possible page: headline and paragraphs, no script,
 * no stylesheet. What "just a static file" costs, for comparison.
 */
export function staticArticleHtml(article: Article): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(article.title)}</title>`,
    '<article>',
    `<h1>${escapeHtml(article.title)}</h1>`,
    ...paragraphs(article).map((p) => `<p>${inlineHtml(p.c)}</p>`),
    '</article>',
    '',
  ].join('\n');
}
