import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import preact from '@preact/preset-vite';
import { locationStub } from 'preact-iso/prerender';
import { createServer } from 'vite';
import type { PrerenderedData } from '../src/app/data/index';
import type * as RenderModule from '../src/app/prerender/render-route';
import { SHELL_URL } from '../src/shared/boot';
import { PRERENDER_ORIGIN } from '../src/shared/prerender';
import { INLINE_SCRIPT_FILE } from '../server/app.js';
import type { ManifestChunk } from './prerender-html';
import { APP_ROOT, fileOf, pageHtml, routeAssets } from './prerender-html';
import type { SiteContent } from './prerender-content';
import {
  articleData,
  channelData,
  frameData,
  homeData,
  readSiteContent,
} from './prerender-content';

/**
 * The prerender's rendering (tools/prerender.ts runs it as a child process of
 * the build): the built API read with the app's feed code, each page rendered
 * through Vite's SSR loader by the app's components, and written with its data
 * island. Exits when done, whatever the app's modules left running.
 */

/** What the build hands over, as one JSON argument. */
export interface PrerenderJob {
  /** The project root (where src/ is). */
  readonly root: string;
  /** The build's output folder, holding index.html and api/. */
  readonly outDir: string;
  /** FEED_BASE as the app is built with it. */
  readonly feedBase: string;
}

/** Where the unrendered shell is written. */
const SHELL_FILE = SHELL_URL.slice(1);

/** The module of each route with a chunk of its own, by the first segment of its path. */
const ROUTE_MODULES: Readonly<Record<string, string>> = {
  channel: 'src/app/routes/channel/index.tsx',
  article: 'src/app/routes/article/index.tsx',
  about: 'src/app/routes/about/index.tsx',
};

/** One page to write: its path and the data it is rendered from. */
interface PageJob {
  readonly route: string;
  readonly data: PrerenderedData;
}

function pageJobs(content: SiteContent, aboutSlugs: readonly string[]): PageJob[] {
  const jobs: PageJob[] = [{ route: '/', data: homeData(content) }];
  for (const channel of content.directory.channels) {
    jobs.push({
      route: `/channel/${encodeURIComponent(channel.id)}`,
      data: channelData(content, channel.id),
    });
  }
  for (const listed of content.articles.values()) {
    jobs.push({
      route: `/article/${encodeURIComponent(listed.article.id)}`,
      data: articleData(content, listed),
    });
  }
  for (const slug of aboutSlugs) {
    jobs.push({ route: `/about/${encodeURIComponent(slug)}`, data: frameData(content) });
  }
  return jobs;
}

async function renderPages({ root, outDir, feedBase: configured }: PrerenderJob): Promise<number> {
  const shell = await readFile(path.join(outDir, 'index.html'), 'utf8');
  if (!shell.includes(APP_ROOT)) throw new Error(`prerender: index.html has no ${APP_ROOT}`);
  await writeFile(path.join(outDir, SHELL_FILE), shell);
  // Copied from public/ by Vite; inlined byte for byte (server/app.js hashes the same file).
  const headScript = await readFile(path.join(outDir, INLINE_SCRIPT_FILE), 'utf8');
  const manifest = JSON.parse(
    await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const assetsOf = (route: string) => {
    const module = ROUTE_MODULES[route.split('/')[1] ?? ''];
    return module ? routeAssets(manifest, module, shell) : { stylesheets: [] };
  };

  const feedBase = new URL(configured, `${PRERENDER_ORIGIN}/`).href;
  const content = await readSiteContent(path.join(outDir, 'api'), feedBase);
  // The app reads `location` when its modules load (FEED_BASE, the first route).
  locationStub(`${PRERENDER_ORIGIN}/`);
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    appType: 'custom',
    plugins: [preact()],
    define: { 'import.meta.env.FEED_BASE': JSON.stringify(configured) },
    server: { middlewareMode: true, hmr: false, watch: null },
  });
  try {
    const app = (await server.ssrLoadModule(
      '/src/app/prerender/render-route.tsx',
    )) as typeof RenderModule;
    const jobs = pageJobs(content, app.ABOUT_SLUGS);
    let written = 0;
    for (const job of jobs) {
      const rendered = await app.renderRoute(`${PRERENDER_ORIGIN}${job.route}`, job.data);
      if (rendered.title === undefined) {
        throw new Error(`prerender: ${job.route} rendered without its content`);
      }
      const file = fileOf(outDir, job.route);
      if (file === undefined) {
        console.warn(`prerender: no safe file name for ${job.route}; the shell serves it`);
        continue;
      }
      await mkdir(path.dirname(file), { recursive: true });
      const page = pageHtml(shell, {
        html: rendered.html,
        data: job.data,
        title: rendered.title,
        headScript,
        ...assetsOf(job.route),
      });
      await writeFile(file, page);
      written += 1;
    }
    return written;
  } finally {
    await server.close();
  }
}

const [, , argument] = process.argv;
if (argument === undefined) {
  console.error('usage: prerender-pages.ts <job JSON> (run by the build, tools/prerender.ts)');
  process.exit(2);
}
renderPages(JSON.parse(argument) as PrerenderJob).then(
  (count) => {
    console.log(`prerendered ${count} pages`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
