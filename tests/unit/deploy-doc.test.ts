import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHash } from '../../server/app.js';

/**
 * docs/DEPLOY.md spells out the Content-Security-Policy for servers other than ours: it must
 * allow the inline script of the prerendered pages by the hash of the file the build inlines,
 * or a deployment that copies it would block the reader's settings before the first paint.
 */

const root = new URL('../../', import.meta.url);

describe('docs/DEPLOY.md', () => {
  it('gives the CSP the server sends, with the hash of public/root-attributes.js', async () => {
    const doc = await readFile(new URL('docs/DEPLOY.md', root), 'utf8');
    const script = await readFile(new URL('public/root-attributes.js', root), 'utf8');
    const policy = contentSecurityPolicy(undefined, [scriptHash(script)]);
    // The rules section (with the feed-origin placeholders) and the nginx snippet.
    const scriptSrc = /script-src [^;]+;/.exec(policy)?.[0];
    expect(scriptSrc).toContain(scriptHash(script));
    const lines = doc.split('\n').filter((line) => line.includes('Content-Security-Policy'));
    const withPolicy = lines.filter((line) => line.includes('script-src'));
    expect(withPolicy.length).toBeGreaterThanOrEqual(2);
    for (const line of withPolicy) expect(line).toContain(scriptSrc);
  });
});
