import type { Article } from '../../../shared/feed/types';
import { foldString } from '../../../shared/search/index';

/**
 * Substring matching, for a device without IndexedDB (then there is no index).
 * Chinese has no spaces between words, so substring matching is what readers
 * expect from a search box; spaces in the query separate terms that must all
 * occur.
 *
 * Text and query are folded exactly like the offline index folds them
 * (src/shared/search/normalize.ts: width, case, compatibility forms and
 * traditional → simplified), so 繁体 finds 简体 here too. That folding is part
 * of the search module, so this code is loaded only when it is needed
 * (run-search.ts loads loaded-search.ts on demand).
 */

/** Folds width, case and script, so "ＡＩ" finds "AI" and "ai", and 魯 finds 鲁. */
export function foldForSearch(text: string): string {
  return foldString(text);
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
