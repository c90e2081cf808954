import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One Lighthouse run's headline numbers. */
export interface LighthouseRow {
  readonly url: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
}

interface Lhr {
  readonly finalDisplayedUrl: string;
  readonly categories: Record<string, { score: number }>;
  readonly audits: Record<string, { numericValue: number }>;
}

/**
 * Runs Lighthouse (mobile, default simulated throttling) through Lighthouse CI on
 * the URLs of lighthouserc.json, against the production server, and reads back
 * each report. Chromium comes from CHROME_PATH or /usr/bin/chromium.
 */
export function runLighthouse(root: string): LighthouseRow[] {
  // `lhci collect` always writes to .lighthouseci/ and clears it first.
  const outDir = path.join(root, '.lighthouseci');
  execFileSync('npx', ['lhci', 'collect'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  });
  return readdirSync(outDir)
    .filter((name) => name.startsWith('lhr-') && name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(outDir, name), 'utf8')) as Lhr)
    .map((lhr) => ({
      url: new URL(lhr.finalDisplayedUrl).pathname,
      scores: Object.fromEntries(
        Object.entries(lhr.categories).map(([key, value]) => [key, value.score]),
      ),
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    }))
    .sort((a, b) => a.url.localeCompare(b.url));
}
