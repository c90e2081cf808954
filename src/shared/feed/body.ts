import { FeedError } from './errors';
import { untilAborted } from './abort';
import { LIMITS } from './limits';

export { untilAborted };

/**
 * Reading a response body safely: never more than LIMITS.documentBytes, and
 * JSON errors described precisely enough to tell a truncated download from a
 * broken producer.
 */

function tooLarge(url: string, detail: string): FeedError {
  return new FeedError('too-large', `${url}: ${detail} (limit ${LIMITS.documentBytes} bytes)`);
}

/**
 * The body's bytes. A declared Content-Length over the limit fails before
 * reading; otherwise bytes are counted as they arrive and reading stops (the
 * stream is cancelled) the moment the count passes the limit, so a huge or
 * endless body costs at most the limit.
 * `onChunk` is told of every part that arrives (the caller's stall timer restarts).
 * @throws FeedError('too-large'), or the signal's reason when it aborts.
 */
export async function readBodyBytes(
  response: Response,
  url: string,
  signal: AbortSignal,
  onChunk?: () => void,
): Promise<Uint8Array> {
  const max = LIMITS.documentBytes;
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, `Content-Length is ${declared.trim()} bytes`);
  }
  if (!response.body) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      onChunk?.();
      total += value.byteLength;
      if (total > max) throw tooLarge(url, `body is over ${max} bytes`);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }

  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Whether JSON text stops in the middle of a string, object or array — a
 * truncated download rather than a producer's syntax error. Decided by
 * scanning, because JSON.parse's messages differ between engines.
 */
function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}

/**
 * UTF-8 bytes (a BOM is allowed) → parsed JSON, for fetched documents and
 * for tools that read documents from disk.
 * @throws FeedError('too-large') over LIMITS.documentBytes, FeedError('json')
 *   for invalid UTF-8, an empty body or invalid JSON (saying "truncated" when
 *   the text stops mid-document).
 */
export function decodeJsonDocument(bytes: Uint8Array, url: string): unknown {
  if (bytes.byteLength > LIMITS.documentBytes) {
    throw tooLarge(url, `document is ${bytes.byteLength} bytes`);
  }
  let text: string;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    // Streaming, so an incomplete last character is told apart from bytes that are not UTF-8.
    text = decoder.decode(bytes, { stream: true });
  } catch {
    throw new FeedError('json', `${url}: the body is not valid UTF-8`);
  }
  try {
    decoder.decode();
  } catch {
    throw new FeedError(
      'json',
      `${url}: truncated JSON after ${bytes.byteLength} bytes (the body stops inside a character)`,
      undefined,
      { truncated: true },
    );
  }
  if (text.trim() === '') throw new FeedError('json', `${url}: the body is empty`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (startsLikeMarkup(text)) {
      // An error, login or maintenance page answered in place of the feed (often with status 200).
      throw new FeedError(
        'not-feed',
        `${url}: got markup (HTML or XML), not JSON, ${bytes.byteLength} bytes`,
      );
    }
    const truncated = looksTruncated(text);
    const what = truncated ? 'truncated JSON' : 'invalid JSON';
    throw new FeedError(
      'json',
      `${url}: ${what} after ${bytes.byteLength} bytes (${reason})`,
      undefined,
      { truncated },
    );
  }
}

/** Whether the first character that is not white space (or a BOM) opens a tag. */
function startsLikeMarkup(text: string): boolean {
  for (const char of text) {
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t' || char === '\uFEFF') {
      continue;
    }
    return char === '<';
  }
  return false;
}
