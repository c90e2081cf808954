import { cleanLine, shortenText } from './clean-text';
import { LIMITS } from './limits';
import { resolveHttpUrl, resolveImageUrl } from './urls';

/**
 * Reading the optional fields of one raw feed item, leniently: a field of the
 * wrong type, over its limit or otherwise unusable is dropped or shortened,
 * never the item (docs/feed-format.md, "Limits"), and each such repair is
 * noted in `repairs` as a short developer-facing reason (`tags.0: longer than
 * 50 characters, dropped`), so producers still hear about it.
 */
export class ItemFields {
  /** What was repaired, in field order. */
  readonly repairs: string[] = [];

  constructor(private readonly raw: Readonly<Record<string, unknown>>) {}

  /** Notes a repair of `field`. */
  note(field: string, problem: string): void {
    this.repairs.push(`${field}: ${problem}`);
  }

  /** The raw value of `key`, with `null` read as absent (some producers write `"image": null`). */
  value(key: string, from: Readonly<Record<string, unknown>> = this.raw): unknown {
    const value = from[key];
    return value === null ? undefined : value;
  }

  /** A string field, or `undefined` (a non-string is dropped and noted). */
  string(field: string, value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    this.note(field, 'not a string, dropped');
    return undefined;
  }

  /**
   * A one-line text field, cleaned ({@link cleanLine}); over `max` it is
   * shortened with 「…」, or dropped when `overLimit` says so. Empty is absent.
   */
  line(
    field: string,
    value: unknown,
    max: number,
    overLimit: 'shorten' | 'drop' = 'shorten',
  ): string | undefined {
    const raw = this.string(field, value);
    if (raw === undefined) return undefined;
    const text = cleanLine(raw);
    if (text === '') return undefined;
    if (text.length <= max) return text;
    if (overLimit === 'drop') {
      this.note(field, `longer than ${max} characters, dropped`);
      return undefined;
    }
    this.note(field, `longer than ${max} characters, shortened`);
    return shortenText(text, max);
  }

  /**
   * A body (`content_html`, `content_text`): trimmed, cut at `max` with a note
   * (HTML not inside a tag). Control characters are the converters' business.
   */
  body(field: string, value: unknown, max: number, html: boolean): string | undefined {
    const raw = this.string(field, value)?.trim();
    if (!raw) return undefined;
    if (raw.length <= max) return raw;
    this.note(field, `longer than ${max} characters, cut`);
    const head = sliceWhole(raw, max);
    const open = html ? head.lastIndexOf('<') : -1;
    return open > head.lastIndexOf('>') ? head.slice(0, open) : head;
  }

  /**
   * A list of one-line texts: at most `count` entries (the rest are dropped),
   * each read by `entry` (undefined drops it); a non-array is dropped.
   */
  list<T>(
    field: string,
    value: unknown,
    count: number,
    entry: (value: unknown, field: string) => T | undefined,
  ): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.note(field, 'not an array, dropped');
      return [];
    }
    const out: T[] = [];
    for (const [index, item] of (value as readonly unknown[]).entries()) {
      if (out.length === count) {
        this.note(field, `more than ${count} entries, the rest dropped`);
        break;
      }
      const read = entry(item, `${field}.${index}`);
      if (read !== undefined) out.push(read);
    }
    return out;
  }

  /**
   * An http(s) URL resolved against `base` (for an image: one the page may load,
   * see resolveImageUrl); anything else is dropped and noted.
   */
  url(
    field: string,
    value: unknown,
    base: string,
    kind: 'link' | 'image' = 'link',
  ): string | undefined {
    const raw = this.string(field, value)?.trim();
    if (!raw) return undefined;
    if (raw.length > LIMITS.urlLength) {
      this.note(field, `longer than ${LIMITS.urlLength} characters, dropped`);
      return undefined;
    }
    const url = resolveHttpUrl(raw, base);
    if (url === undefined) {
      this.note(field, 'not a usable http(s) URL, dropped');
      return undefined;
    }
    if (kind === 'image' && resolveImageUrl(raw, base) === undefined) {
      this.note(
        field,
        'plain http on another origin than the feed (the page may not load it), dropped',
      );
      return undefined;
    }
    return url;
  }

  /** A JSON object field (`_news`), or an empty one. */
  object(field: string, value: unknown): Readonly<Record<string, unknown>> {
    if (value === undefined) return {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    this.note(field, 'not an object, dropped');
    return {};
  }
}

/** The first `max` units of `text`, one fewer when that would split a surrogate pair. */
function sliceWhole(text: string, max: number): string {
  const code = text.charCodeAt(max);
  return text.slice(0, code >= 0xdc00 && code <= 0xdfff ? max - 1 : max);
}
