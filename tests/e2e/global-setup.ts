import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createServer } from '../../server/app.js';
import { ENV } from './env';
import { buildSecondVersion } from './offline-build';

const run = promisify(execFile);

/**
 * Where the second, cross-origin build goes (ignored by lint and prettier like every dist-*);
 * named after DIST_DIR so that runs over different builds never write the same directory.
 */
const XORIGIN_DIR = resolve(`${process.env.DIST_DIR ?? 'dist'}-xorigin`);

async function listen(
  root: string,
  feedBase?: string,
): Promise<{ server: Server; origin: string }> {
  const server = createServer({ root, feedBase });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/**
 * Serves dist/ (the app and the feed API, with CORS on /api/) and a second build of the app that
 * reads its feed from that first server, i.e. from another origin. Also builds (without serving)
 * the second app version the offline update test deploys over dist/. The servers run in the
 * runner process; workers learn the URLs from environment variables, which they inherit.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dist = resolve(process.env.DIST_DIR ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error(`No build in ${dist}: run npm run build first (npm run test:e2e does both).`);
  }

  const main = await listen(dist);
  const feedBase = `${main.origin}/api/`;

  // One extra build, a few seconds: the only way to test a FEED_BASE baked in at build time.
  const vite = resolve('node_modules/vite/bin/vite.js');
  const xoriginBuild = run(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    env: { ...process.env, FEED_BASE: feedBase, OUT_DIR: XORIGIN_DIR, NO_COLOR: '1' },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: unknown) => {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`The cross-origin build failed:\n${stdout}\n${stderr}`, { cause: error });
  });
  // And the second version of the app for the update-prompt test, at the same time.
  try {
    await Promise.all([xoriginBuild, buildSecondVersion()]);
  } catch (error) {
    main.server.close();
    throw error;
  }
  const xorigin = await listen(XORIGIN_DIR, feedBase);

  process.env[ENV.baseUrl] = main.origin;
  process.env[ENV.xoriginUrl] = xorigin.origin;
  process.env[ENV.apiOrigin] = main.origin;

  return async () => {
    for (const { server } of [main, xorigin]) {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  };
}
