/**
 * Charset detection by byte statistics (chardet, a port of ICU's CharsetDetector): how much
 * a sample of the document looks like each charset, as a 0–100 confidence. Detection never
 * decides alone: it ranks candidates the strict decoder has already found valid.
 */
import chardet from 'chardet';
import { canonicalCharset, decoderFor } from './labels';
import { firstNonAscii } from './sniff';

/**
 * Bytes handed to chardet. Its recognisers walk the whole input once each (about 25 of
 * them), so a 50 MB document is sampled; 256 KB of Chinese text is ~100,000 characters,
 * far more than its confidences need to settle.
 */
export const SAMPLE_BYTES = 256 * 1024;

/** Confidence (0–100) per decoder name (labels.ts decoderFor), best match kept. */
export type Confidences = ReadonlyMap<string, number>;

/**
 * The sample chardet sees: from the first non-ASCII byte on, since pages often open with
 * kilobytes of ASCII scripts and styles that say nothing about the charset (and the first
 * non-ASCII byte of a document always starts a character, so the sample is aligned).
 */
export function detectionSample(bytes: Uint8Array): Uint8Array {
  const from = Math.max(0, firstNonAscii(bytes));
  return bytes.subarray(from, from + SAMPLE_BYTES);
}

/** chardet's confidences for `bytes` (sampled), keyed by the decoder that reads each charset. */
export function detectConfidences(bytes: Uint8Array): Confidences {
  const confidences = new Map<string, number>();
  for (const match of chardet.analyse(detectionSample(bytes))) {
    const canonical = canonicalCharset(match.name);
    if (canonical === undefined) continue;
    const decoder = decoderFor(canonical);
    confidences.set(decoder, Math.max(confidences.get(decoder) ?? 0, match.confidence));
  }
  return confidences;
}
