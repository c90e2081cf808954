/**
 * A character trie over place names and shield words. A lookup walks at most as many
 * characters as the longest word (about six) from a position, so scanning a text of n
 * characters costs O(n × 6): linear in the text, and no regular expression ever sees it.
 */

/** What a word of the trie means. `city` undefined: a known name shared by two cities (市中区). */
export type Entry =
  { readonly kind: 'place'; readonly city: string | undefined } | { readonly kind: 'shield' };

interface Node {
  readonly next: Map<string, Node>;
  entry?: Entry;
}

/** A match starting at some position. */
export interface Match {
  readonly length: number;
  readonly entry: Entry;
}

/** Trie keyed by UTF-16 code unit; every name is in the BMP. */
export class Trie {
  readonly #root: Node = { next: new Map() };

  /** Adds `word`; a later entry for the same word replaces the earlier one. */
  set(word: string, entry: Entry): void {
    let node = this.#root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.entry = entry;
  }

  /** The entry of exactly `word`. */
  get(word: string): Entry | undefined {
    let node: Node | undefined = this.#root;
    for (const ch of word) {
      node = node.next.get(ch);
      if (!node) return undefined;
    }
    return node.entry;
  }

  /** Longest word starting at `start`. */
  longestAt(text: string, start: number): Match | undefined {
    let node: Node | undefined = this.#root;
    let best: Match | undefined;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(text.charAt(i));
      if (!node) break;
      if (node.entry) best = { length: i - start + 1, entry: node.entry };
    }
    return best;
  }

  /** Every word starting at `start`, longest first. */
  allAt(text: string, start: number): Match[] {
    const found: Match[] = [];
    let node: Node | undefined = this.#root;
    for (let i = start; i < text.length; i++) {
      node = node.next.get(text.charAt(i));
      if (!node) break;
      if (node.entry) found.push({ length: i - start + 1, entry: node.entry });
    }
    return found.reverse();
  }
}
