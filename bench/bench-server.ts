import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServer } from '../server/app.js';
import { sleep } from './stats';

/** One response the server sent, measured on the socket. */
export interface ServedResponse {
  readonly method: string;
  /** Path and query, as requested. */
  readonly url: string;
  readonly status: number;
  /** Bytes written to the socket for this response: status line, headers and body (with any chunk framing). */
  readonly responseBytes: number;
  /** Bytes of the request head as received: request line and headers (GET requests have no body). */
  readonly requestBytes: number;
}

/** The production server over a build, listening on a free port, logging what it answers. */
export interface BenchServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every finished response, in the order they finished. */
  readonly responses: ServedResponse[];
  /** Requests received so far (finished or not). */
  requestCount(): number;
  /** Resolves once no request has arrived for `quietMs`. */
  settled(quietMs?: number): Promise<void>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The size of a request head as it came over the wire (HTTP/1.1: line, headers, blank line). */
function requestHeadBytes(req: IncomingMessage): number {
  let head = `${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}\r\n`;
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    head += `${req.rawHeaders[i] ?? ''}: ${req.rawHeaders[i + 1] ?? ''}\r\n`;
  }
  return Buffer.byteLength(`${head}\r\n`);
}

/** Logs each response's size without touching the app's handler: its listener runs first. */
function logResponses(server: Server, responses: ServedResponse[], onRequest: () => void): void {
  server.prependListener('request', (req: IncomingMessage, res) => {
    onRequest();
    // A keep-alive socket carries one response at a time (browsers do not pipeline),
    // so the growth of its byte count between request and finish is this response.
    // `bytesWritten` includes bytes still queued in the socket's buffer.
    const socket = req.socket;
    const before = socket.bytesWritten;
    const requestBytes = requestHeadBytes(req);
    res.on('finish', () => {
      responses.push({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        status: res.statusCode,
        responseBytes: socket.bytesWritten - before,
        requestBytes,
      });
    });
  });
}

/**
 * Serves `root` with server/app.js (the production routing, headers and
 * precompressed files) in this process, on 127.0.0.1 and a free port.
 */
export async function serveBuild(root: string): Promise<BenchServer> {
  const server = createServer({ root });
  const responses: ServedResponse[] = [];
  let requests = 0;
  logResponses(server, responses, () => {
    requests += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    responses,
    requestCount: () => requests,
    async settled(quietMs = 500) {
      let seen = -1;
      while (seen !== requests) {
        seen = requests;
        await sleep(quietMs);
      }
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A private copy of the build in a temporary directory, so a rebuild of dist/
 * while a benchmark runs (another terminal, a test run) cannot change the files
 * under it. `dispose()` deletes the copy.
 */
export async function copyBuild(
  dist: string,
): Promise<{ root: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'qilu-bench-build-'));
  const dispose = (): Promise<void> => rm(root, { recursive: true, force: true });
  try {
    await cp(dist, root, { recursive: true });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { root, dispose };
}
