import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Plugin } from 'vite';
import type { PrerenderJob } from './prerender-pages';

/**
 * Every page a link can lead to is written as HTML at build time, so a first
 * visit paints its content before any script runs, on any static host: home,
 * each channel's first page, each article and the about pages, rendered by
 * the app's own components (src/app/prerender) from the built API. Each page
 * carries the data it was rendered from (a JSON island); the app renders over
 * the markup from that data (src/app/main.tsx), so nothing moves.
 *
 * The unrendered shell is kept as `shell.html`: the worker answers navigations
 * with it (reading IndexedDB is faster than any network), and servers send it
 * for paths that have no page of their own (search, 收藏, settings, 404s).
 */

/** Where the portal's readers are (Shandong): the zone the prerender formats local times in. */
const READERS_TIME_ZONE = 'Asia/Shanghai';

/** Options of {@link prerender}. */
export interface PrerenderOptions {
  /** FEED_BASE as the app is built with it (relative values are same-origin). */
  readonly feedBase: string;
}

/**
 * The prerender as a Vite plugin. Runs in `writeBundle`: after index.html and
 * the API are on disk, before the worker's precache list is built and before
 * precompression (both `closeBundle`), so both see the pages. The rendering
 * runs in a child process (tools/prerender-pages.ts): the app's modules keep
 * listeners and timers that would otherwise hold the build's process open.
 */
export function prerender(options: PrerenderOptions): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  return {
    name: 'qilu:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      async handler() {
        const job: PrerenderJob = { root, outDir, feedBase: options.feedBase };
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', path.join(root, 'tools/prerender-pages.ts'), JSON.stringify(job)],
          // Times on the pages (「更新于」) in the readers' zone, as their browsers render them.
          {
            cwd: root,
            stdio: ['ignore', 'inherit', 'inherit'],
            env: { ...process.env, TZ: READERS_TIME_ZONE },
          },
        );
        const code = await new Promise<number | null>((resolve, reject) => {
          child.on('error', reject);
          child.on('exit', resolve);
        });
        if (code !== 0) throw new Error(`prerender failed (exit code ${String(code)})`);
      },
    },
  };
}
