import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { ApiFile, ContentBuildOptions } from '../content/lib/api';

/** Options of the `contentApi()` plugin; everything defaults sensibly. */
export interface ContentApiOptions {
  /** The content folder. Default: `<vite root>/content`. */
  readonly contentDir?: string;
  /** Where the API lives in the output and under the dev server's base. Default: `api`. */
  readonly apiDir?: string;
  /** Options for the demo generator. */
  readonly generator?: ContentBuildOptions['generator'];
  /**
   * The content store `npm run ingest` fills, merged (read-only) with the demo content.
   * Default: `QILU_STORE` if set (`none` for no store), else `<content>/store` when it exists.
   */
  readonly storeDir?: string;
}

/** The store folder to build on, if any. */
function resolveStoreDir(option: string | undefined, contentDir: string): string | undefined {
  const chosen = option ?? process.env.QILU_STORE;
  if (chosen === 'none') return undefined;
  const dir = chosen ? path.resolve(chosen) : path.join(contentDir, 'store');
  return existsSync(path.join(dir, 'index.ndjson')) ? dir : undefined;
}

/**
 * The static JSON Feed API as a Vite plugin (DESIGN.md, "Static API layout"): the demo
 * content and whatever `npm run ingest` stored, through the ingest pipeline.
 *
 * In `vite build` it emits every API file as an asset under `api/`, in
 * `generateBundle`, so plugins that post-process the output on disk (such as
 * precompression in `closeBundle`) see them. In `vite` (dev) it serves the same
 * files from memory, rebuilding them after anything under `content/` changes.
 * A bad source file fails the build with a message naming the file and field.
 */
export function contentApi(options: ContentApiOptions = {}): Plugin {
  const apiDir = (options.apiDir ?? 'api').replace(/^\/+|\/+$/g, '');
  let contentDir = options.contentDir ?? path.resolve('content');
  let cached: Promise<Map<string, ApiFile>> | undefined;

  const files = (): Promise<Map<string, ApiFile>> => {
    if (!cached) {
      const storeDir = resolveStoreDir(options.storeDir, contentDir);
      // Loaded on first use: the ingest pipeline (feed, HTML and charset libraries) is only
      // needed when the API is built or served, not whenever Vite or Vitest reads its config.
      const building = import('../content/lib/api').then(({ buildContentApi }) =>
        buildContentApi({
          contentDir,
          ...(options.generator ? { generator: options.generator } : {}),
          ...(storeDir ? { storeDir } : {}),
        }),
      );
      // A failed build must not stick: the next request after a fix retries.
      building.catch(() => {
        if (cached === building) cached = undefined;
      });
      cached = building;
    }
    return cached;
  };

  return {
    name: 'qilu:content-api',

    configResolved(config) {
      contentDir = options.contentDir ?? path.join(config.root, 'content');
    },

    async generateBundle() {
      // Only the browser build carries the API; an SSR or worker build must not duplicate it.
      if (this.environment.config.consumer === 'server') return;
      for (const [name, file] of await files()) {
        this.emitFile({ type: 'asset', fileName: `${apiDir}/${name}`, source: file.body });
      }
    },

    configureServer(server) {
      const invalidate = (file: string): void => {
        const rel = path.relative(contentDir, file);
        if (!rel.startsWith('..') && !path.isAbsolute(rel)) cached = undefined;
      };
      server.watcher.add(contentDir);
      server.watcher.on('add', invalidate);
      server.watcher.on('change', invalidate);
      server.watcher.on('unlink', invalidate);

      const mount = `${server.config.base.replace(/\/+$/, '')}/${apiDir}`;
      server.middlewares.use(mount, (req, res, next) => {
        serveApiFile(req, res, files).catch((err: unknown) => next(err));
      });
    },
  };
}

/** Answers one request under the API mount (req.url is relative to it). */
async function serveApiFile(
  req: IncomingMessage,
  res: ServerResponse,
  files: () => Promise<Map<string, ApiFile>>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.setHeader('Allow', 'GET, HEAD');
    res.end();
    return;
  }
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  // API file names are plain ASCII, so the raw (undecoded) path is the lookup key.
  const file = (await files()).get(pathname.replace(/^\/+/, ''));
  if (!file) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`Not found in the content API: ${pathname}\n`);
    return;
  }
  const body = Buffer.from(file.body, 'utf8');
  res.statusCode = 200;
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', body.length);
  // Dev content changes whenever content/ does; never let the browser keep a stale copy.
  res.setHeader('Cache-Control', 'no-cache');
  res.end(req.method === 'HEAD' ? undefined : body);
}
