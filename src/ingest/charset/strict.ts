/**
 * Strict decoding: the text a charset gives for some bytes, or the fact that the bytes are
 * not valid in it. iconv-lite has no "fatal" mode (it substitutes U+FFFD for what it cannot
 * decode), so validity is decided here: UTF-8 and UTF-16 go through the platform's fatal
 * `TextDecoder`; for the others an iconv-lite decode is invalid when it produced a U+FFFD the
 * bytes did not encode; GB18030's four-byte form is additionally checked for the ranges the
 * standard assigns, because iconv-lite turns an unassigned four-byte code into a wrong
 * character (or a lone surrogate) instead of U+FFFD.
 */
import iconv from 'iconv-lite';

/** The outcome of a strict decode. */
export type StrictResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** Charsets iconv-lite calls by another name than the canonical (WHATWG) one. */
const ICONV_NAME: Readonly<Record<string, string>> = {
  big5: 'big5hkscs',
  'iso-8859-8-i': 'iso-8859-8',
  'x-mac-cyrillic': 'maccyrillic',
};

const fatalDecoders = new Map<string, TextDecoder>();

function fatalDecoder(charset: string): TextDecoder {
  let decoder = fatalDecoders.get(charset);
  if (!decoder) {
    // ignoreBOM: the caller strips the BOM it sniffed; a second one is content, not a mark.
    decoder = new TextDecoder(charset, { fatal: true, ignoreBOM: true });
    fatalDecoders.set(charset, decoder);
  }
  return decoder;
}

function hex(bytes: Uint8Array, at: number, count: number): string {
  return [...bytes.subarray(at, at + count)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Walks `bytes` by GB18030's structure (one byte < 0x80 or 0x80; two bytes lead 81–FE, trail
 * 40–7E/80–FE; four bytes 81–FE 30–39 81–FE 30–39 with a pointer in an assigned range) and
 * returns where it first breaks, plus how many four-byte codes are U+FFFD (84 31 A4 37),
 * which legitimately decode to the replacement character.
 */
function gb18030Structure(bytes: Uint8Array): { errorAt: number; replacements: number } {
  let replacements = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b1 = bytes[i] ?? 0;
    if (b1 <= 0x80) {
      i++;
      continue;
    }
    if (b1 === 0xff) return { errorAt: i, replacements };
    const b2 = bytes[i + 1];
    if (b2 === undefined) return { errorAt: i, replacements };
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (
        b3 === undefined ||
        b4 === undefined ||
        b3 < 0x81 ||
        b3 > 0xfe ||
        b4 < 0x30 ||
        b4 > 0x39
      ) {
        return { errorAt: i, replacements };
      }
      const pointer = (b1 - 0x81) * 12600 + (b2 - 0x30) * 1260 + (b3 - 0x81) * 10 + (b4 - 0x30);
      // BMP codes end at pointer 39419 (U+FFFF); 189000–1237575 are U+10000–U+10FFFF.
      if (pointer > 39419 && (pointer < 189000 || pointer > 1237575)) {
        return { errorAt: i, replacements };
      }
      if (b1 === 0x84 && b2 === 0x31 && b3 === 0xa4 && b4 === 0x37) replacements++;
      i += 4;
      continue;
    }
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2;
      continue;
    }
    return { errorAt: i, replacements };
  }
  return { errorAt: -1, replacements };
}

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) count++;
  return count;
}

/** An unpaired surrogate (no quantifiers: matching is linear). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Decodes `bytes` in the charset `decoderName` (a canonical name from labels.ts decoderFor),
 * refusing rather than substituting: `ok: false` names what was wrong and where.
 */
export function decodeStrict(bytes: Uint8Array, decoderName: string): StrictResult {
  if (decoderName === 'utf-8' || decoderName === 'utf-16le' || decoderName === 'utf-16be') {
    if (decoderName !== 'utf-8' && bytes.length % 2 !== 0) {
      return { ok: false, reason: `odd number of bytes (${bytes.length}) for ${decoderName}` };
    }
    try {
      return { ok: true, text: fatalDecoder(decoderName).decode(bytes) };
    } catch {
      return { ok: false, reason: `invalid ${decoderName} byte sequence` };
    }
  }
  const iconvName = ICONV_NAME[decoderName] ?? decoderName;
  if (!iconv.encodingExists(iconvName)) {
    return { ok: false, reason: `${decoderName} is not supported` };
  }
  // Of the charsets decoded here only GB18030 can encode U+FFFD (as 84 31 A4 37); in any
  // other a U+FFFD in the output is iconv-lite marking bytes it could not decode.
  let allowed = 0;
  if (decoderName === 'gb18030') {
    const structure = gb18030Structure(bytes);
    if (structure.errorAt >= 0) {
      return {
        ok: false,
        reason: `invalid gb18030 sequence at byte ${structure.errorAt} (${hex(bytes, structure.errorAt, 4)})`,
      };
    }
    allowed = structure.replacements;
  }
  const text = iconv.decode(bytes, iconvName, { stripBOM: false });
  const replacements = countReplacements(text);
  if (replacements > allowed) {
    return {
      ok: false,
      reason: `${replacements - allowed} byte sequence(s) invalid in ${decoderName}`,
    };
  }
  if (LONE_SURROGATE.test(text))
    return { ok: false, reason: `invalid ${decoderName} byte sequence` };
  return { ok: true, text };
}
