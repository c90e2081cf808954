// @ts-check
/**
 * The production server for the built app: sirv serves the files, this module only decides
 * routing (SPA fallback vs real 404) and headers (cache, CORS, content types, security).
 * The same rules are written out for nginx and CDNs in docs/DEPLOY.md — keep them in step.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

/**
 * @typedef {object} ServerOptions
 * @property {string} root Directory holding the build (dist/).
 * @property {string} [feedBase] FEED_BASE the app was built with; when absolute, its origin is
 *   allowed by the CSP so the page and service worker may read the feed from there.
 */

/** Paths the app renders itself, whatever their last segment looks like (article ids may contain dots). */
const APP_ROUTE = /^\/(?:channel\/|article\/|about\/|(?:search|saved|settings)\/?$|$)/;

/** Prefixes that only ever hold files: a miss there is a real 404, never the app shell. */
const FILE_ONLY = /^\/(?:api|assets)\//;

/** A file name with an extension, e.g. `/icon-192.png`: a miss is a 404, not a page. */
const HAS_EXTENSION = /\/[^/]*\.[A-Za-z0-9]+$/;

/** Vite's content-hashed output (`name-<8+ url-safe chars>.ext`); safe to cache for a year. */
const HASHED_ASSET = /^\/assets\/.+[.-][A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;

/** Files that must be revalidated on every use so a deploy reaches readers at once. */
const ALWAYS_REVALIDATE = /(?:^\/sw\.js|\.html|\.webmanifest|^\/manifest\.json)$/;

const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Icons and other unhashed static files: short enough that a new icon shows within the hour. */
const SHORT_CACHE = 'public, max-age=3600';

/**
 * The origin of an absolute (or protocol-relative) FEED_BASE, or undefined when the feed is
 * read from this server (relative FEED_BASE such as the default `/api/`).
 * @param {string | undefined} feedBase
 * @returns {string | undefined}
 */
export function feedOrigin(feedBase) {
  if (!feedBase || !/^(?:https?:)?\/\//i.test(feedBase)) return undefined;
  // Protocol-relative bases take the scheme of the page; https is what a deployment uses.
  return new URL(feedBase, 'https://placeholder.invalid').origin;
}

/**
 * The one Trusted Types policy the page may create: it turns the service worker's own URL
 * (and nothing else) into the TrustedScriptURL that `navigator.serviceWorker.register()`
 * requires under `require-trusted-types-for 'script'` (src/app/pwa/trusted-url.ts).
 */
export const TRUSTED_TYPES_POLICY = 'qilu-sw';

/**
 * The Content-Security-Policy for every response. No 'unsafe-inline' anywhere and Trusted
 * Types enforced, so feed content can only reach the page as elements, never as HTML; the
 * only policy allowed is the service worker URL's (no HTML or script policy exists at all).
 * The one inline script, the prerendered pages' settings script, is allowed by its hash.
 * @param {string | undefined} feedBase
 * @param {readonly string[]} [inlineScripts] CSP hash sources (`'sha256-…'`) of inline scripts
 * @returns {string}
 */
export function contentSecurityPolicy(feedBase, inlineScripts = []) {
  const origin = feedOrigin(feedBase);
  const extra = origin ? ` ${origin}` : '';
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScripts].join(' '),
    "style-src 'self'",
    `img-src 'self' data: https:${extra}`,
    `connect-src 'self'${extra}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICY}`,
  ].join('; ');
}

/**
 * Headers sent with every response, files and errors alike.
 * @param {string | undefined} feedBase
 * @param {readonly string[]} [inlineScripts] see {@link contentSecurityPolicy}
 * @returns {Record<string, string>}
 */
export function securityHeaders(feedBase, inlineScripts = []) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(feedBase, inlineScripts),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * Cache-Control for a file that exists at `pathname`.
 * @param {string} pathname
 * @returns {string}
 */
export function cacheControlFor(pathname) {
  // The API changes with every ingest; readers revalidate (cheap with ETag + 304).
  if (pathname.startsWith('/api/')) return NO_CACHE;
  // Prerendered pages (/, /channel/…, /article/…) change with every ingest, like the API.
  if (APP_ROUTE.test(pathname) || ALWAYS_REVALIDATE.test(pathname)) return NO_CACHE;
  if (HASHED_ASSET.test(pathname)) return IMMUTABLE;
  return SHORT_CACHE;
}

/**
 * Whether a path that matches no file should get the app shell (the app then shows the route
 * or its own 404 page) rather than a plain 404.
 * @param {string} pathname
 * @returns {boolean}
 */
export function isAppPath(pathname) {
  if (FILE_ONLY.test(pathname)) return false;
  if (APP_ROUTE.test(pathname)) return true;
  return !HAS_EXTENSION.test(pathname);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {string}
 */
function pathnameOf(req) {
  const raw = req.url ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function sendText(res, status, text) {
  res.removeHeader('Content-Type');
  res.removeHeader('Vary');
  res.setHeader('Cache-Control', NO_CACHE);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Request headers a cross-origin reader of the API may send: the conditional ones. */
const CORS_REQUEST_HEADERS = 'If-None-Match, If-Modified-Since';

/**
 * A CORS preflight for the API. A conditional refresh (If-None-Match / If-Modified-Since)
 * from an app on another origin is not a "simple" request, so the browser asks first;
 * answering 405 would make every refresh of a cross-origin feed fail.
 * @param {import('node:http').ServerResponse} res
 */
function answerPreflight(res) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
  res.setHeader('Access-Control-Allow-Headers', CORS_REQUEST_HEADERS);
  // A day: the answer never changes, and each preflight is a round trip before the refresh.
  res.setHeader('Access-Control-Max-Age', '86400');
  res.setHeader('Cache-Control', NO_CACHE);
  res.writeHead(204);
  res.end();
}

/**
 * The script every prerendered page carries inline (tools/prerender-html.ts copies it
 * from the build's root-attributes.js, byte for byte).
 */
export const INLINE_SCRIPT_FILE = 'root-attributes.js';

/**
 * The CSP hash source of `text` as an inline script: `'sha256-<base64>'` (CSP3).
 * @param {string} text
 * @returns {string}
 */
export function scriptHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The hashes of the build's inline scripts: none for a build without the file.
 * @param {string} dir
 * @returns {string[]}
 */
function inlineScriptHashes(dir) {
  const file = join(dir, INLINE_SCRIPT_FILE);
  return existsSync(file) ? [scriptHash(readFileSync(file, 'utf8'))] : [];
}

/**
 * The request listener: routing and headers around sirv.
 * @param {ServerOptions} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function createRequestHandler({ root, feedBase }) {
  const dir = resolve(root);
  if (!existsSync(join(dir, 'shell.html'))) {
    throw new Error(`${dir}/shell.html not found — run npm run build first`);
  }
  // Production mode: sirv indexes the directory once, so lookups never touch paths outside it.
  const files = sirv(dir, { etag: true, brotli: true, gzip: true, dotfiles: false });
  const always = securityHeaders(feedBase, inlineScriptHashes(dir));

  return (req, res) => {
    for (const [name, value] of Object.entries(always)) res.setHeader(name, value);

    const pathname = pathnameOf(req);
    if (req.method === 'OPTIONS' && pathname.startsWith('/api/')) {
      answerPreflight(res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method Not Allowed');
      return;
    }

    if (pathname.startsWith('/api/')) {
      // The feed is public and may be read by an app served from another origin.
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Expose-Headers', 'ETag');
      if (/^\/api\/feeds\/[^/]+\.json$/.test(pathname)) {
        res.setHeader('Content-Type', 'application/feed+json; charset=utf-8');
      } else if (pathname.endsWith('.json')) {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
      }
    }
    res.setHeader('Cache-Control', cacheControlFor(pathname));
    // sirv sets Vary only on 200s; a 304 must carry it too so shared caches key correctly.
    res.setHeader('Vary', 'Accept-Encoding');
    rememberEtagOn304(req, res);

    files(req, res, () => {
      if (!isAppPath(pathname)) {
        sendText(res, 404, 'Not Found');
        return;
      }
      res.removeHeader('Content-Type');
      res.setHeader('Cache-Control', NO_CACHE);
      req.url = '/shell.html';
      files(req, res, () => sendText(res, 404, 'Not Found'));
    });
  };
}

/**
 * sirv answers 304 without the ETag; RFC 9110 wants it repeated. sirv only sends 304 when
 * If-None-Match equals the file's ETag exactly, so echoing the request header is correct.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function rememberEtagOn304(req, res) {
  const tag = req.headers['if-none-match'];
  if (!tag) return;
  const writeHead = res.writeHead.bind(res);
  /** @type {(...args: Parameters<typeof writeHead>) => import('node:http').ServerResponse} */
  const patched = (...args) => {
    if (args[0] === 304) res.setHeader('ETag', tag);
    return writeHead(...args);
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (patched);
}

/**
 * An HTTP server (not yet listening) for the build in `root`.
 * Tests call `createServer(...).listen(0)`; server/serve.js is the CLI around it.
 * @param {ServerOptions} options
 * @returns {import('node:http').Server}
 */
export function createServer(options) {
  return createHttpServer(createRequestHandler(options));
}
