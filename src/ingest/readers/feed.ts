import { IngestError } from '../errors';
import type { ReadDocument } from '../model';
import { readAtom } from './feed-atom';
import { isJsonFeed, parseJson, readJsonFeed } from './feed-json';
import { readRdf, readRss } from './feed-rss';
import { checkWellFormed, feedKindOfRoot, refuseEntities, scanProlog } from './feed-xml';

/**
 * Feed documents: RSS 0.9x/2.0, Atom 1.0, RDF / RSS 1.0 (all through feedsmith)
 * and JSON Feed 1.0/1.1 → the ingest model. The order of checks on XML is the
 * point of this module: entity declarations are refused by a linear scan of
 * the prolog before any parser runs, the root element decides whether the
 * document is a feed at all, and only then is well-formedness checked and the
 * document parsed.
 */

/** The document without a byte order mark and leading whitespace, and how many lines that was. */
function stripLeading(text: string): { body: string; lines: number } {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lines = 0;
  while (start < text.length) {
    const code = text.charCodeAt(start);
    if (code === 0x0a) lines++;
    else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) break;
    start++;
  }
  return { body: start === 0 ? text : text.slice(start), lines };
}

/** The document URL as a base, or undefined when it is not an absolute URL. */
function baseOf(docUrl: string): string | undefined {
  return URL.canParse(docUrl) ? docUrl : undefined;
}

/**
 * Sniffs whether text is an XML feed or a JSON Feed, without throwing.
 * 'xml-feed' means the root element is `rss`, `feed` or `rdf:RDF` (the
 * document may still be malformed or refused when read); 'json-feed' means it
 * parses as JSON and is a JSON Feed.
 */
export function sniffFeed(text: string): 'xml-feed' | 'json-feed' | undefined {
  const { body } = stripLeading(text);
  if (body.startsWith('{')) return isJsonFeed(parseJson(body)) ? 'json-feed' : undefined;
  if (body.startsWith('<')) return feedKindOfRoot(scanProlog(body).root) ? 'xml-feed' : undefined;
  return undefined;
}

/**
 * Reads one feed document; docUrl is its URL or file URL (file:///…) for
 * resolving relative links.
 * @throws IngestError 'entity-expansion' (a DTD declaring entities),
 *   'malformed-xml' (not well-formed; the message has line and column) or
 *   'not-a-feed' (valid XML or JSON that is no feed, e.g. an HTML page).
 */
export function readFeedDocument(text: string, docUrl: string): ReadDocument {
  const { body, lines } = stripLeading(text);
  const base = baseOf(docUrl);
  if (body.startsWith('{') || body.startsWith('[')) return readJsonFeed(body, base);
  if (!body.startsWith('<')) {
    throw new IngestError(
      'not-a-feed',
      'neither XML nor JSON (the document does not start with < or {)',
    );
  }
  const prolog = scanProlog(body);
  refuseEntities(prolog);
  const kind = feedKindOfRoot(prolog.root);
  if (prolog.root === undefined || kind === undefined) {
    const root = prolog.root === undefined ? 'no root element' : `root element <${prolog.root}>`;
    throw new IngestError('not-a-feed', `${root}; a feed's is <rss>, <feed> or <rdf:RDF>`);
  }
  checkWellFormed(body, lines);
  switch (kind) {
    case 'rss':
      return readRss(body, base);
    case 'rdf':
      return readRdf(body, base);
    case 'atom':
      return readAtom(body, prolog.root, base);
  }
}
