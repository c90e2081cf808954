import { DetectError, MalformedError } from 'feedsmith';
import { IngestError } from '../errors';

/**
 * Runs a feedsmith parser and turns its errors into source errors: a document
 * feedsmith does not recognise, or recognises but finds no feed in, is
 * 'not-a-feed'; one its XML parser rejects is 'malformed-xml'.
 */
export function parseWith<T>(parse: (value: string) => T, text: string, format: string): T {
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof MalformedError) {
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new IngestError('malformed-xml', `the ${format} parser rejected the document${cause}`);
    }
    const reason = error instanceof DetectError ? 'not recognised as' : 'has no content of';
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new IngestError('not-a-feed', `the document ${reason} ${format}${detail}`);
  }
}
