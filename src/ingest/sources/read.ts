import { stat } from 'node:fs/promises';
import type { GeneratorOptions } from '../../../content/demo/generate';
import { decodeDocument } from '../charset';
import { ContentError } from '../../../content/lib/errors';
import { IngestError } from '../errors';
import { isHttpUrl, readSource } from '../fetch-source';
import type { SourceLimits } from '../fetch-source';
import type { ReadDocument } from '../model';
import { readArticlePage } from '../readers/article-page';
import { readFeedDocument, sniffFeed } from '../readers/feed';
import { looksLikeTextCapture, readTextCapture } from '../readers/text-capture';
import type { SourceSpec } from './list';
import { NATIVE_DOC_URL, readDemoGenerator, readNativeFolder } from './native';

/**
 * One source, whatever it is, to the documents its items come from: fetch (or read) the bytes
 * under limits, decode them by what they really are, recognise the kind of document, and hand
 * it to the reader for that kind. Everything is read before a single item is accepted, so a
 * source that fails half-way contributes nothing.
 */

/** A read document and the URL its relative links resolve against. */
export interface SourceDocument {
  readonly doc: ReadDocument;
  readonly docUrl: string;
  /** Charset the bytes were decoded with, and whether by detection. */
  readonly charset?: string;
  readonly detected?: boolean;
  /** True for native sources (they choose ids and channels). */
  readonly native: boolean;
}

/** Options for reading sources. */
export interface ReadOptions {
  readonly limits?: Partial<SourceLimits>;
  /** Options of the demo generator (tests make it smaller). */
  readonly demo?: GeneratorOptions;
  readonly signal?: AbortSignal;
}

/** Reads one source. @throws {IngestError} naming the source and why it was refused. */
export async function readSourceDocument(
  spec: SourceSpec,
  options: ReadOptions = {},
): Promise<SourceDocument> {
  try {
    if (spec.kind === 'demo') {
      return { doc: readDemoGenerator(options.demo), docUrl: NATIVE_DOC_URL, native: true };
    }
    if (spec.kind === 'native' || (await isFolder(spec.location))) {
      return { doc: await readNativeFolder(spec.location), docUrl: NATIVE_DOC_URL, native: true };
    }
    const fetched = await readSource(spec.location, {
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const decoded = decodeDocument(fetched.bytes, {
      name: spec.location,
      ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
      ...(spec.charset ? { override: spec.charset } : {}),
    });
    const doc = readDecoded(decoded.text, fetched.url, fetched.contentType, spec.location);
    return {
      doc,
      docUrl: fetched.url,
      charset: decoded.charset,
      detected: decoded.detected,
      native: false,
    };
  } catch (error) {
    throw asSourceError(error).withSource(spec.location);
  }
}

/**
 * Any failure while reading one source as that source's error, so one bad source (an invalid
 * article file in a native folder, a missing path) is reported and the run goes on.
 */
function asSourceError(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  if (error instanceof ContentError) return new IngestError('invalid-content', error.message);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') {
    return new IngestError('unreachable', `cannot read (${code}): ${(error as Error).message}`);
  }
  return new IngestError('invalid-content', `unexpected failure: ${String(error)}`);
}

/** Routes decoded text to its reader: feed, article page or text capture. */
export function readDecoded(
  text: string,
  url: string,
  contentType: string | undefined,
  name: string,
): ReadDocument {
  const feed = sniffFeed(text);
  if (feed) return readFeedDocument(text, url);
  if (looksLikeHtml(text, contentType)) return readArticlePage(text, url);
  if (looksLikeTextCapture(text)) return readTextCapture(text, name);
  throw new IngestError(
    'not-a-feed',
    'neither a feed (RSS, Atom, JSON Feed), an HTML page nor a text capture of an article page',
  );
}

/** An HTML document: by its Content-Type or by its first markup. */
function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  if (contentType && /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType)) return true;
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<body');
}

async function isFolder(location: string): Promise<boolean> {
  if (isHttpUrl(location)) return false;
  try {
    return (await stat(location)).isDirectory();
  } catch {
    return false;
  }
}
