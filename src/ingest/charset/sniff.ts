/**
 * Byte-level facts about a document that come before any decoding: its byte order mark,
 * whether it is a binary file, whether it holds any text at all.
 */

/** A Unicode encoding announced by a byte order mark, and how many bytes the mark takes. */
export interface Bom {
  readonly charset: 'utf-8' | 'utf-16le' | 'utf-16be';
  readonly length: number;
}

/** The byte order mark at the start of `bytes`, if any (UTF-8, UTF-16LE, UTF-16BE). */
export function sniffBom(bytes: Uint8Array): Bom | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

/** A file signature and the format it announces. */
interface Magic {
  readonly format: string;
  readonly at: number;
  readonly bytes: readonly number[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * Signatures of files a newsroom export or a misconfigured server hands over instead of a
 * feed or page: images, archives, PDFs, compressed bodies nobody decompressed, executables.
 */
const MAGICS: readonly Magic[] = [
  { format: 'PNG image', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: 'JPEG image', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { format: 'GIF image', at: 0, bytes: ascii('GIF87a') },
  { format: 'GIF image', at: 0, bytes: ascii('GIF89a') },
  { format: 'WebP image', at: 8, bytes: ascii('WEBP') },
  { format: 'BMP image', at: 0, bytes: ascii('BM') },
  { format: 'ZIP archive', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'ZIP archive', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { format: 'PDF document', at: 0, bytes: ascii('%PDF-') },
  { format: 'gzip data', at: 0, bytes: [0x1f, 0x8b] },
  { format: 'bzip2 data', at: 0, bytes: ascii('BZh') },
  { format: 'xz data', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: 'zstd data', at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { format: '7z archive', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'RAR archive', at: 0, bytes: ascii('Rar!') },
  { format: 'ELF executable', at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { format: 'MP4/QuickTime media', at: 4, bytes: ascii('ftyp') },
  { format: 'OLE document (old Office)', at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1] },
  { format: 'WOFF font', at: 0, bytes: ascii('wOFF') },
  { format: 'WOFF2 font', at: 0, bytes: ascii('wOF2') },
];

function hasAt(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (bytes.length < at + expected.length) return false;
  return expected.every((byte, i) => bytes[at + i] === byte);
}

/** The binary format `bytes` starts with, if it is one we know. */
export function sniffMagic(bytes: Uint8Array): string | undefined {
  // "BM" is also how plain text can begin ("BMW …"): demand the BMP header's reserved zeros.
  for (const magic of MAGICS) {
    if (!hasAt(bytes, magic.at, magic.bytes)) continue;
    if (magic.format === 'BMP image' && !hasAt(bytes, 6, [0, 0, 0, 0])) continue;
    return magic.format;
  }
  return undefined;
}

/**
 * Offset of the first NUL byte, or -1. No text encoding we accept (UTF-16 aside, which is
 * checked after decoding) uses the byte 0x00 for anything but U+0000, which no feed or page
 * carries: a NUL means a binary file, or text that would poison the JSON we write.
 */
export function firstNul(bytes: Uint8Array, from = 0): number {
  return bytes.indexOf(0, from);
}

/** True when every byte from `from` on is ASCII whitespace (space, tab, CR, LF, FF, VT). */
export function onlyAsciiWhitespace(bytes: Uint8Array, from = 0): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) {
      return false;
    }
  }
  return true;
}

/** Offset of the first byte ≥ 0x80 at or after `from`, or -1. */
export function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) >= 0x80) return i;
  }
  return -1;
}
