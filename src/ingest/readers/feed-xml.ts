import { XMLValidator } from 'fast-xml-parser';
import { IngestError } from '../errors';

/**
 * What comes before an XML document's root element, and the guards run before
 * any parser sees the document: entity declarations are refused and
 * well-formedness is checked (feedsmith's parser is lenient and would silently
 * accept an unclosed tag, so a broken feed would lose items without a word).
 */

/** The XML feed formats, by their root element. */
export type XmlFeedKind = 'rss' | 'atom' | 'rdf';

export interface Prolog {
  /** Qualified name of the root element as written (`rss`, `feed`, `rdf:RDF`), if one starts the document. */
  readonly root?: string;
  /** Whether a document type declaration declares an entity (general or parameter). */
  readonly declaresEntities: boolean;
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Index after the `>` that closes the DOCTYPE starting at `start`, and whether it declares entities. */
function scanDoctype(text: string, start: number): { end: number; entities: boolean } {
  let quote = '';
  let inSubset = false;
  let entities = false;
  // One pass, character by character: quotes and the internal subset are tracked
  // so a `>` inside a literal or inside `[ … ]` does not end the declaration.
  for (let i = start + 9; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '[') {
      inSubset = true;
    } else if (ch === ']') {
      inSubset = false;
    } else if (ch === '<' && inSubset) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close === -1) return { end: text.length, entities };
        i = close + 2;
      } else if (text.startsWith('<!ENTITY', i)) {
        entities = true;
      }
    } else if (ch === '>' && !inSubset) {
      return { end: i + 1, entities };
    }
  }
  return { end: text.length, entities };
}

/**
 * Reads the prolog (XML declaration, comments, processing instructions, the
 * DOCTYPE) in one linear pass and names the root element. Never throws.
 */
export function scanProlog(text: string): Prolog {
  let declaresEntities = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isXmlSpace(code)) {
      i++;
      continue;
    }
    if (code !== 0x3c /* < */) return { declaresEntities };
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) return { declaresEntities };
      i = close + 2;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return { declaresEntities };
      i = close + 3;
    } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
      const doctype = scanDoctype(text, i);
      declaresEntities ||= doctype.entities;
      i = doctype.end;
    } else {
      let end = i + 1;
      while (end < text.length && end - i < 200) {
        const c = text.charCodeAt(end);
        if (isXmlSpace(c) || c === 0x2f /* / */ || c === 0x3e /* > */) break;
        end++;
      }
      const root = text.slice(i + 1, end);
      return root === '' ? { declaresEntities } : { root, declaresEntities };
    }
  }
  return { declaresEntities };
}

/** The feed format a root element name stands for (any prefix, any case), if any. */
export function feedKindOfRoot(root: string | undefined): XmlFeedKind | undefined {
  if (root === undefined) return undefined;
  const local = root.slice(root.indexOf(':') + 1).toLowerCase();
  if (local === 'rss') return 'rss';
  if (local === 'feed') return 'atom';
  if (local === 'rdf') return 'rdf';
  return undefined;
}

/**
 * Refuses a document whose DOCTYPE declares entities: expanding them is how a
 * small file becomes gigabytes (billion laughs) or reads local files (external
 * entities). No feed needs them, so none is parsed at all.
 */
export function refuseEntities(prolog: Prolog): void {
  if (prolog.declaresEntities) {
    throw new IngestError(
      'entity-expansion',
      'the document type declaration declares entities (billion-laughs or external-entity attack); refused before parsing',
    );
  }
}

/**
 * Refuses a document that is not well-formed ('malformed-xml', with the
 * validator's line and column; `lineOffset` counts lines stripped before it).
 * HTML entity references such as `&nbsp;` are let through: they are common in
 * real feeds and feedsmith decodes them.
 */
export function checkWellFormed(text: string, lineOffset = 0): void {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (result !== true) {
    const { msg, line, col } = result.err;
    throw new IngestError(
      'malformed-xml',
      `not well-formed XML at line ${line + lineOffset}, column ${col}: ${msg}`,
    );
  }
}

const XML_REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g;
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** XML's predefined entities and character references, decoded (one linear pass). */
export function decodeXmlReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(XML_REFERENCE, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
