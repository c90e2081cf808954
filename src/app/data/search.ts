import type { Article } from '../../shared/feed/types';

/**
 * Substring search over the articles the page has loaded. Chinese has no spaces
 * between words, so substring matching is what readers expect from a search
 * box; spaces in the query separate terms that must all occur.
 */

/** Folds width and case so "ＡＩ" finds "AI" and "ai". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The query's terms: folded, split on whitespace, empty ones dropped. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query).split(/\s+/u).filter(Boolean);
}

function publishedTime(article: Article): number {
  const time = Date.parse(article.datePublished);
  return Number.isNaN(time) ? 0 : time;
}

/**
 * The articles whose title, summary or text contains every term of `query`,
 * those with more terms in the title first, then newest first. An empty query
 * matches nothing (the search page shows suggestions instead).
 */
export function matchArticles(articles: Iterable<Article>, query: string): Article[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const hits: { article: Article; titleHits: number; time: number }[] = [];
  for (const article of articles) {
    const title = foldForSearch(article.title);
    const haystack = `${title}\n${foldForSearch(article.summary)}\n${foldForSearch(article.text)}`;
    if (!terms.every((term) => haystack.includes(term))) continue;
    const titleHits = terms.filter((term) => title.includes(term)).length;
    hits.push({ article, titleHits, time: publishedTime(article) });
  }
  hits.sort((a, b) => b.titleHits - a.titleHits || b.time - a.time);
  return hits.map((hit) => hit.article);
}
