import http from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { IngestError } from '../errors';
import type { Watchdog } from './watchdog';

/** A response whose headers have arrived, with the request to destroy when done with it. */
export interface OpenResponse {
  readonly request: http.ClientRequest;
  readonly response: IncomingMessage;
}

/**
 * Sends one GET and resolves when the response headers arrive; redirects are not
 * followed here. `agent: false` gives each request its own connection, closed with it:
 * a pooled keep-alive socket would outlive the read and keep the process running.
 */
export function sendGet(
  url: URL,
  headers: OutgoingHttpHeaders,
  watchdog: Watchdog,
): Promise<OpenResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      headers,
      agent: false,
      // Aborting destroys the request and its socket, also once the body is streaming.
      signal: watchdog.signal,
    });
    request.once('response', (response) => {
      watchdog.touch();
      resolve({ request, response });
    });
    request.once('error', (error) => {
      request.destroy();
      reject(watchdog.failure() ?? connectError(url, error));
    });
    request.end();
  });
}

/** Node's reasons for not getting a response, in words. */
const CONNECT_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed (temporary DNS failure)',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed by the server',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
};

function connectError(url: URL, error: Error): IngestError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && CONNECT_REASONS[code]) ?? error.message;
  return new IngestError(
    'unreachable',
    `could not get a response from ${url.href}: ${reason}${code ? ` (${code})` : ''}`,
  );
}
