import type { Article } from '../feed/types';

/**
 * The fields of an article that search looks at, with how much a match in
 * each counts (BM25F weights) and how strongly each is normalised by its
 * length (b). A headline match counts most; source and authors are short
 * labels whose length says nothing, so they are not length-normalised.
 */

/** Field numbers: the position of a field in every per-field array. */
export const TITLE = 0;
/** 引题 and 副题. */
export const DECK = 1;
export const SUMMARY = 2;
export const BODY = 3;
/** 来源. */
export const SOURCE = 4;
/** 作者 (and 责任编辑). */
export const AUTHORS = 5;
/** How many fields there are. */
export const FIELD_COUNT = 6;

/** Weight of a match in each field. */
export const FIELD_WEIGHTS: readonly number[] = [4, 2, 1.5, 1, 1.5, 2];
/** BM25 length normalisation of each field. */
export const FIELD_B: readonly number[] = [0.3, 0.3, 0.5, 0.75, 0, 0];

/** The text of each field of `article`, in field order. */
export function fieldTexts(article: Article): string[] {
  const deck = [article.kicker ?? '', ...article.subtitles].join('\n');
  const people = [...article.authors, article.editor ?? ''].join(' ');
  return [article.title, deck, article.summary, article.text, article.source ?? '', people];
}
