import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { addOurOrigin, articlePath, expect, routeReady } from './fixtures';
import { v1Dir } from './offline-build';
import {
  AppServer,
  allowOfflineFailures,
  articleParagraphs,
  offlineTest,
  waitForStoredArticle,
  waitForWorkerControl,
} from './offline-helpers';

const run = promisify(execFile);

/**
 * From a newsroom's feed to a reader with no network: `npm run ingest` publishes a feed into a
 * copy of the production build's API (as a scheduled job publishing dist/api/ would), and the
 * app shows the new article, finds it in its city channel, and reads it with the server gone.
 */

const HEADLINE = '山东惠民：示例内容，乡村夜校开课';
const BODY = '示例内容：惠民县的乡村夜校本周开课，村民晚饭后就能来学电脑和电商。';

/**
 * A copy of the production build with the feed ingested into its API: once per worker, before
 * any server is started over it (a worker fixture, so no test-scoped fixture can run first).
 */
async function ingestedBuild(): Promise<{ buildDir: string; work: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'qilu-e2e-ingest-'));
  const buildDir = path.join(work, 'dist');
  await cp(v1Dir(), buildDir, { recursive: true });
  const feed = path.join(work, 'feed.json');
  await writeFile(
    feed,
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: '示例新闻源',
      items: [
        {
          id: 'https://news.example.cn/binzhou/night-school.html',
          url: 'https://news.example.cn/binzhou/night-school.html',
          title: HEADLINE,
          content_html: `<p>${BODY}</p><p>示例内容：第二段。</p><script>alert(1)</script>`,
          date_published: '2030-05-06T19:30:00+08:00',
          author: { name: '张三' },
        },
      ],
    }),
  );
  await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/ingest/cli.ts',
      '--store',
      path.join(work, 'store'),
      '--out',
      path.join(buildDir, 'api'),
      '--sources',
      'content/sources.json',
      feed,
    ],
    { env: { ...process.env, NO_COLOR: '1' } },
  );
  return { buildDir, work };
}

const test = offlineTest.extend<{ app: AppServer }, { build: { buildDir: string; work: string } }>({
  build: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies.
    async ({}, use) => {
      const build = await ingestedBuild();
      await use(build);
      await rm(build.work, { recursive: true, force: true });
    },
    // A real ingest run and a copy of the build: slower than a test's default on a busy machine.
    { scope: 'worker', timeout: 120_000 },
  ],
  app: async ({ build }, use) => {
    const app = await AppServer.start(build.buildDir);
    addOurOrigin(app.origin);
    await use(app);
    await app.stop();
  },
});

test('an ingested article is listed in its city and 滚动, opens, and reads offline with the server stopped', async ({
  page,
  app,
  problems,
}) => {
  await page.goto('/channel/binzhou');
  await routeReady(page);
  const link = page.getByRole('link', { name: HEADLINE });
  await expect(link).toBeVisible();
  await link.click();
  await routeReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  expect(await articleParagraphs(page)).toContain(BODY);
  await expect(page.getByText('张三')).toBeVisible();

  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await waitForWorkerControl(page);
  await waitForStoredArticle(page, id);

  await page.goto('/channel/latest');
  await routeReady(page);
  await expect(page.getByRole('link', { name: HEADLINE }).first()).toBeVisible();

  allowOfflineFailures(problems);
  await app.stop();
  await page.goto(articlePath(id));
  await routeReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
  expect(await articleParagraphs(page)).toContain(BODY);
});
