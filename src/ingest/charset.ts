/**
 * Character-set decoding of a fetched or read document: bytes → text, with no BOM and no
 * mojibake. The charset is taken from the strongest evidence present (BOM, the source
 * list's override, the HTTP header, the XML declaration, an HTML `<meta>`), then verified
 * against the bytes; a declaration the bytes contradict is overruled by what they really are.
 * A document no candidate decodes cleanly is refused, never passed on with U+FFFD in it.
 */
import { IngestError } from './errors';
import { detectConfidences, type Confidences } from './charset/detect';
import { CANDIDATES, canonicalCharset, decoderFor } from './charset/labels';
import { charsetParameter, metaCharsets, xmlDeclarationEncoding } from './charset/prescan';
import { decodeStrict, type StrictResult } from './charset/strict';
import {
  firstNonAscii,
  firstNul,
  onlyAsciiWhitespace,
  sniffBom,
  sniffMagic,
} from './charset/sniff';

export { canonicalCharset } from './charset/labels';

/** What the caller knows about a document besides its bytes. */
export interface DecodeHints {
  /** Path or URL, for error messages. */
  readonly name: string;
  /** HTTP Content-Type header value, if the document came over HTTP. */
  readonly contentType?: string;
  /** Charset the newsroom's source list forces for this source (wins over declarations, but is still verified against the bytes). */
  readonly override?: string;
}

/** Which piece of evidence named a charset. */
export type CharsetEvidence =
  'bom' | 'override' | 'content-type' | 'xml-declaration' | 'meta' | 'detection';

/** A decoded document. */
export interface DecodedDocument {
  /** The text, without a byte order mark. */
  readonly text: string;
  /** Canonical lower-case name of the decoder actually used (GBK and GB2312 report gb18030). */
  readonly charset: 'utf-8' | 'gb18030' | 'big5' | string;
  /**
   * The strongest declaration, canonicalised (WHATWG names: "gb2312" → "gbk",
   * "iso-8859-1" → "windows-1252"): the BOM's, else the override, else the HTTP header's,
   * the XML declaration's or the `<meta>`'s. Absent when nothing declared a known charset.
   */
  readonly declared?: string;
  /** True when we decoded by detection instead of the declaration (or there was none). */
  readonly detected: boolean;
  /** What decided `charset`: the declaration that held, or detection. */
  readonly evidence: CharsetEvidence;
}

/** One claim about the charset, canonicalised. */
interface Claim {
  readonly charset: string;
  readonly evidence: Exclude<CharsetEvidence, 'detection'>;
}

/**
 * How much higher chardet must rate another Chinese charset than the declared one before
 * the declaration is overruled. On real text the two differ by ~90 (GBK read as Big5 scores
 * 10, as GB18030 ~100); below ~10 double-byte characters both score 10 and the declaration
 * stands.
 */
const OVERRULE_MARGIN = 20;

const UTF16 = new Set(['utf-16le', 'utf-16be']);

/**
 * Decodes `bytes` (a whole feed, page or text capture) to text, choosing and verifying the
 * charset as described in the module comment. Linear in the input: detection looks at a
 * sample, every strict decode at the whole document (at most one per candidate charset).
 *
 * @throws IngestError `empty` (no bytes, or only whitespace and a BOM), `binary` (NUL bytes
 *   or a known binary file signature), `charset` (no candidate decodes the bytes cleanly, or
 *   the override names no known charset).
 */
export function decodeDocument(bytes: Uint8Array, hints: DecodeHints): DecodedDocument {
  const { name } = hints;
  if (bytes.length === 0) throw new IngestError('empty', 'the document is 0 bytes', name);
  const magic = sniffMagic(bytes);
  if (magic) {
    throw new IngestError('binary', `the document is a ${magic}, not text`, name);
  }

  const bom = sniffBom(bytes);
  const start = bom?.length ?? 0;
  const claims = collectClaims(bytes, start, hints, bom?.charset);
  const top = claims[0];

  // UTF-16 is the one accepted charset that is not ASCII-compatible: it has NUL bytes by
  // design and cannot carry an ASCII declaration, so only a BOM or an outside claim names it.
  if (top && UTF16.has(top.charset)) return decodeUtf16(bytes, start, top, name);

  const nul = firstNul(bytes, start);
  if (nul >= 0) {
    throw new IngestError(
      'binary',
      `the document has a NUL byte at offset ${nul}, so it is not text`,
      name,
    );
  }
  if (onlyAsciiWhitespace(bytes, start)) {
    throw new IngestError('empty', 'the document holds only whitespace', name);
  }
  const body = bytes.subarray(start);
  const decoded = decodeBody(body, claims, name);
  if (decoded.text.trim() === '') {
    throw new IngestError('empty', 'the document holds only whitespace', name);
  }
  return decoded;
}

/**
 * Every claim about the charset in order of precedence, canonicalised, without repeats.
 * Unknown labels are skipped as browsers skip them, except the override: a source-list
 * entry naming no charset is a mistake the editor must hear about.
 */
function collectClaims(
  bytes: Uint8Array,
  start: number,
  hints: DecodeHints,
  bom: string | undefined,
): Claim[] {
  const claims: Claim[] = [];
  const add = (label: string | undefined, evidence: Claim['evidence']): void => {
    if (label === undefined) return;
    let charset = canonicalCharset(label);
    if (charset === undefined) return;
    // A document that can be read as ASCII to find its declaration is not UTF-16, whatever it
    // says (the HTML standard's rule for <meta>, and true of an XML declaration alike).
    if ((evidence === 'xml-declaration' || evidence === 'meta') && UTF16.has(charset)) {
      charset = 'utf-8';
    }
    // Without a BOM, an outside claim of UTF-16 is believed only if the bytes look like it:
    // UTF-16 markup or text has NUL high bytes. Otherwise it would turn ASCII into nonsense.
    if (bom === undefined && UTF16.has(charset) && bytes.subarray(0, 1024).indexOf(0) < 0) {
      return;
    }
    if (!claims.some((claim) => claim.charset === charset)) claims.push({ charset, evidence });
  };

  add(bom, 'bom');
  // An empty override is a source-list field left blank, not a charset.
  if (hints.override !== undefined && hints.override.trim() !== '') {
    if (canonicalCharset(hints.override) === undefined) {
      throw new IngestError(
        'charset',
        `the source list forces charset "${hints.override}", which is not a known charset`,
        hints.name,
      );
    }
    add(hints.override, 'override');
  }
  if (hints.contentType !== undefined) add(charsetParameter(hints.contentType), 'content-type');
  add(xmlDeclarationEncoding(bytes, start), 'xml-declaration');
  for (const label of metaCharsets(bytes, start)) {
    if (canonicalCharset(label) !== undefined) {
      add(label, 'meta');
      break; // the first recognised <meta> is the page's declaration
    }
  }
  return claims;
}

/** UTF-16 named by a BOM or an outside claim: strict, and never by detection. */
function decodeUtf16(
  bytes: Uint8Array,
  start: number,
  claim: Claim,
  name: string,
): DecodedDocument {
  const result = decodeStrict(bytes.subarray(start), claim.charset);
  if (!result.ok) {
    throw new IngestError('charset', `${describeClaim(claim)}, but ${result.reason}`, name);
  }
  const nul = result.text.indexOf('\0');
  if (nul >= 0) {
    throw new IngestError(
      'binary',
      `the document has a NUL character at ${nul}, so it is not text`,
      name,
    );
  }
  if (result.text.trim() === '') {
    throw new IngestError('empty', 'the document holds only whitespace', name);
  }
  return {
    text: result.text,
    charset: claim.charset,
    declared: claim.charset,
    detected: false,
    evidence: claim.evidence,
  };
}

/** "declared gbk" / "the byte order mark says utf-8" / …, for messages. */
function describeClaim(claim: Claim): string {
  switch (claim.evidence) {
    case 'bom':
      return `the byte order mark says ${claim.charset}`;
    case 'override':
      return `the source list forces ${claim.charset}`;
    default:
      return `declared ${claim.charset}`;
  }
}

/** Strict decodes and chardet's confidences, each computed once and only when needed. */
class Evidence {
  private readonly results = new Map<string, StrictResult>();
  private confidences: Confidences | undefined;

  constructor(private readonly body: Uint8Array) {}

  strict(decoder: string): StrictResult {
    let result = this.results.get(decoder);
    if (!result) {
      result = decodeStrict(this.body, decoder);
      this.results.set(decoder, result);
    }
    return result;
  }

  confidence(decoder: string): number {
    this.confidences ??= detectConfidences(this.body);
    return this.confidences.get(decoder) ?? 0;
  }
}

/** Decodes an ASCII-compatible body (BOM removed) by its claims, verified. */
function decodeBody(body: Uint8Array, claims: readonly Claim[], name: string): DecodedDocument {
  const top = claims[0];
  const declared = top?.charset;
  const declaredDecoder = declared === undefined ? undefined : decoderFor(declared);
  const evidence = new Evidence(body);
  const result = (charset: string, text: string, via: CharsetEvidence): DecodedDocument => ({
    text,
    charset,
    ...(declared === undefined ? {} : { declared }),
    detected: charset !== declaredDecoder,
    evidence: via,
  });

  if (firstNonAscii(body) < 0) {
    // Pure ASCII reads the same in every ASCII-compatible charset. Only the 7-bit stateful
    // encodings differ (ISO-2022-*, HZ); we decode none of them, so refuse what looks like one.
    if (declaredDecoder !== undefined && top) {
      const claimed = evidence.strict(declaredDecoder);
      if (claimed.ok) return result(declaredDecoder, claimed.text, top.evidence);
    }
    if (looksStateful(body)) {
      throw new IngestError(
        'charset',
        `${declared === undefined ? 'no charset declared' : `declared ${declared}`}, and the bytes look like a 7-bit stateful encoding (ISO-2022 or HZ), which is not supported`,
        name,
      );
    }
    return result('utf-8', new TextDecoder().decode(body), 'detection');
  }

  // Valid multi-byte UTF-8 is almost never accidental: it beats any declaration, except
  // that a few GBK or Big5 characters can happen to be valid UTF-8 too (one GBK character in
  // five is), so a strictly valid Chinese declaration stands against UTF-8 that is short and
  // has no Chinese in it.
  const utf8 = evidence.strict('utf-8');
  if (utf8.ok) {
    const declarationHolds =
      declaredDecoder !== undefined &&
      isChinese(declaredDecoder) &&
      !convincingUtf8(utf8.text) &&
      evidence.strict(declaredDecoder).ok;
    if (!declarationHolds) {
      return result(
        'utf-8',
        utf8.text,
        declaredDecoder === 'utf-8' && top ? top.evidence : 'detection',
      );
    }
  }

  // The claims in order, then the Chinese candidates; the first valid one is the default.
  const order: { decoder: string; claim?: Claim }[] = [];
  for (const claim of claims) {
    const decoder = decoderFor(claim.charset);
    if (decoder !== 'utf-8' && !order.some((c) => c.decoder === decoder))
      order.push({ decoder, claim });
  }
  for (const decoder of CANDIDATES) {
    if (decoder !== 'utf-8' && !order.some((c) => c.decoder === decoder)) order.push({ decoder });
  }

  const valid = order.filter((candidate) => evidence.strict(candidate.decoder).ok);
  const chosen = valid[0];
  if (!chosen) throw undecodable(claims, name, evidence);

  // Another valid Chinese charset replaces the default when chardet clearly prefers it: a
  // GBK page labelled big5 decodes "cleanly" to nonsense, and so does one labelled latin1.
  let best = chosen;
  for (const candidate of valid) {
    if (candidate === chosen || !isChinese(candidate.decoder)) continue;
    const margin = isChinese(chosen.decoder) ? OVERRULE_MARGIN : 1;
    if (evidence.confidence(candidate.decoder) >= evidence.confidence(best.decoder) + margin) {
      best = candidate;
    }
  }
  const text = evidence.strict(best.decoder);
  if (!text.ok) throw undecodable(claims, name, evidence); // unreachable: `best` is valid
  return result(best.decoder, text.text, best.claim?.evidence ?? 'detection');
}

/** Fewer non-ASCII characters than this leave a UTF-8 reading in doubt (see above). */
const CONVINCING_UTF8_CHARS = 8;

/**
 * True when a valid UTF-8 reading is beyond doubt: long enough, or containing Chinese (CJK
 * ideographs, CJK or fullwidth punctuation). GBK or Big5 bytes that happen to be valid UTF-8
 * are short and read as Latin, Greek, Cyrillic or Arabic letters (U+0080–U+07FF).
 */
function convincingUtf8(text: string): boolean {
  let nonAscii = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    if (++nonAscii >= CONVINCING_UTF8_CHARS || isChineseCodePoint(code)) return true;
  }
  return false;
}

function isChineseCodePoint(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) || // CJK symbols and punctuation
    (code >= 0x3400 && code <= 0x9fff) || // Extension A, Unified Ideographs
    (code >= 0xff00 && code <= 0xffef) || // fullwidth forms
    (code >= 0x20000 && code <= 0x3134f) // Extensions B–G
  );
}

function isChinese(decoder: string): boolean {
  return decoder === 'gb18030' || decoder === 'big5';
}

/** ESC (ISO-2022 designations) or HZ's "~{" shift. */
function looksStateful(body: Uint8Array): boolean {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 0x1b || (body[i] === 0x7e && body[i + 1] === 0x7b)) return true;
  }
  return false;
}

/** The refusal: what was declared, every charset tried, and the first reason for each. */
function undecodable(claims: readonly Claim[], name: string, evidence: Evidence): IngestError {
  const tried: string[] = [];
  const reasons: string[] = [];
  const addTried = (label: string, decoder: string): void => {
    if (tried.includes(label)) return;
    tried.push(label);
    const outcome = evidence.strict(decoder);
    if (!outcome.ok && !reasons.some((r) => r.startsWith(`${decoder}:`))) {
      reasons.push(`${decoder}: ${outcome.reason}`);
    }
  };
  for (const claim of claims) addTried(claim.charset, decoderFor(claim.charset));
  for (const decoder of CANDIDATES) addTried(decoder, decoder);
  const top = claims[0];
  const head = top ? `${describeClaim(top)}, but` : 'no charset declared, and';
  return new IngestError(
    'charset',
    `${head} bytes are invalid in ${listAnd(tried)} (${reasons.join('; ')})`,
    name,
  );
}

/** "a, b and c". */
function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
