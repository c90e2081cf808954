import type { Article } from '../feed/types';

/**
 * Sizing articles for the storage budget. The number is the UTF-8 length of
 * the article's JSON: close to what the browser keeps on disk, and the same
 * in every browser, so budgets and usage figures are comparable.
 */

/** UTF-8 length of a string, counted without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: 2 bytes for each half.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** The article's JSON, for size and change detection. */
export function articleJson(article: Article): string {
  return JSON.stringify(article);
}

/** Approximate stored size of an article in bytes. */
export function articleBytes(article: Article): number {
  return utf8Length(articleJson(article));
}
