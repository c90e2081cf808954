/**
 * What may go into Cache Storage as a feed's image. A feed names image URLs
 * the app then fetches and keeps for weeks; without checks one broken or
 * hostile URL could fill a phone's quota (a 2 GB "image"), or store an HTML or
 * JSON error page served with status 200 where a picture should be.
 */

/**
 * Bytes one stored image may have. A news photo as JPEG or WebP is 100–800 KB
 * and the demo's SVGs a few KB; 5 MB leaves room for a large photo while a
 * runaway response is cut off early (the image cache holds up to 300 entries).
 */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Whether a Content-Type names an image the app shows. Every image type is
 * accepted, SVG included: feed images are only ever shown through `<img>`
 * (src/shared/view, the list thumbnails), where an SVG runs no script and
 * loads nothing, and the worker answers only `destination: 'image'` requests
 * from the image caches, so a stored SVG is never served as a document.
 */
export function isImageType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return /^image\/[\w.+-]+$/.test(type);
}

/** An image response checked and read into memory, or why it may not be stored. */
export type ImageCheck =
  | { readonly ok: true; readonly response: Response }
  | { readonly ok: false; readonly reason: string };

function rejected(reason: string): ImageCheck {
  return { ok: false, reason };
}

/**
 * Reads the body of `response` with a reader, at most `maxBytes`: the read
 * stops (and the stream is cancelled) as soon as it passes the limit, so an
 * endless or huge body costs no more than the limit.
 * @returns the bytes, or why they could not be read.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | { readonly reason: string }> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { reason: `larger than ${maxBytes} bytes (stopped reading)` };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { reason: `body broke off after ${size} bytes (${String(error)})` };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Checks an image response before it is cached: status 200, an image
 * Content-Type ({@link isImageType}), a declared Content-Length within
 * `maxBytes` (checked before reading), and a body that arrives whole and
 * within `maxBytes`. A response that passes is read into a new Response of
 * the same status and headers (the body consumed here can be cached whole);
 * one that does not has its body cancelled.
 */
export async function checkImageResponse(
  response: Response,
  maxBytes: number = IMAGE_MAX_BYTES,
): Promise<ImageCheck> {
  const refuse = async (reason: string): Promise<ImageCheck> => {
    await response.body?.cancel().catch(() => undefined);
    return rejected(reason);
  };
  // Not `ok`: Cache Storage refuses a 206, and nothing else but a 200 is a whole image.
  if (response.status !== 200) return refuse(`HTTP ${response.status}`);
  const contentType = response.headers.get('Content-Type');
  if (!isImageType(contentType))
    return refuse(`not an image (Content-Type: ${contentType ?? 'none'})`);
  const declared = response.headers.get('Content-Length');
  const length = declared === null ? undefined : Number(declared);
  if (length !== undefined && Number.isFinite(length) && length > maxBytes) {
    return refuse(`Content-Length ${length} is over ${maxBytes} bytes`);
  }
  const bytes = await readCapped(response, maxBytes);
  if (!(bytes instanceof Uint8Array)) return rejected(bytes.reason);
  // With a Content-Encoding the length counts compressed bytes, and the body arrives decoded.
  const encoded = response.headers.has('Content-Encoding');
  if (length !== undefined && !encoded && bytes.byteLength < length) {
    return rejected(`truncated: ${bytes.byteLength} of ${length} bytes`);
  }
  const headers = new Headers(response.headers);
  // The stored body is the decoded bytes: say so, or a reader would decode them again.
  headers.delete('Content-Encoding');
  headers.set('Content-Length', String(bytes.byteLength));
  return {
    ok: true,
    response: new Response(bytes, {
      status: response.status,
      statusText: response.statusText,
      headers,
    }),
  };
}
