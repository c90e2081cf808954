import type { Page } from '@playwright/test';
import { DB_NAME } from '../../src/shared/cache-names';
import type { Article } from '../../src/shared/feed/types';
import type { StoredArticle } from '../../src/shared/store/records';
import { articlePath, expect, routeReady } from './fixtures';
import { allowOfflineFailures, offlineTest as test, openAndStoreArticle } from './offline-helpers';

/**
 * The boot view (the worker's HTML for a stored article) and the article page are one view
 * (src/shared/view) rendered two ways: to a string in the worker, into the DOM by the page.
 * Here both are read from the real browser for the seed and for hostile articles, and their
 * text and structure must be the same, apart from the page's interactive parts.
 */

const SEED_ID = 'seed-271a4622fc35748e';

/** The page's own parts, which the boot view leaves out (they need the app). */
const APP_ONLY = [
  '.article-tools',
  '.continue-reading',
  '.read-aloud',
  '.read-aloud__notice',
  '.related',
  'button.read-from',
];

/** Attributes that carry meaning for a reader or a browser; the page's own hooks are not compared. */
const COMPARED_ATTRIBUTES = [
  'class',
  'href',
  'rel',
  'src',
  'alt',
  'width',
  'height',
  'loading',
  'decoding',
  'datetime',
  'tabindex',
];

function hostile(id: string, fields: Partial<Article>): Article {
  return {
    id,
    title: id,
    subtitles: [],
    datePublished: '2026-11-30T08:00:00+08:00',
    authors: [],
    summary: '',
    tags: [],
    blocks: [{ t: 'p', c: ['正文'] }],
    text: '正文',
    ...fields,
  };
}

const IMAGE = '/api/images/binzhou-1.svg';

/** Articles no sane feed would send, as they could sit in IndexedDB. */
const HOSTILE: readonly Article[] = [
  hostile('hostile-markup', {
    title: '标题 <script>alert(1)</script> & "引号" \'单引号\'',
    kicker: '<b>引题</b> &amp; 说明',
    subtitles: ['副题 </h1><h1>假标题', '第二副题'],
    source: '来源 <img src=x onerror=alert(1)>',
    authors: ['作者甲', '"><svg onload=alert(1)>'],
    editor: '编辑 </dd></dl>',
    credit: '（记者 <i>某</i>）',
    url: 'javascript:alert(1)',
    tags: ['示例内容'],
    blocks: [
      {
        t: 'p',
        c: [
          '<p onclick=alert(1)>',
          { t: 'a', href: 'javascript:alert(1)', c: ['脚本链接'] },
          { t: 'a', href: 'data:text/html,<script>alert(1)</script>', c: ['数据链接'] },
          { t: 'a', href: 'https://example.com/"onmouseover="alert(1)', c: ['引号链接'] },
          { t: 'br' },
          { t: 'em', c: [{ t: 'strong', c: ['嵌套'] }] },
        ],
      },
      { t: 'h', level: 3, c: ['<h2>小标题</h2>'] },
      { t: 'ol', items: [['一'], [{ t: 'a', href: 'https://example.com/li', c: ['二'] }]] },
      {
        t: 'quote',
        c: [
          { t: 'p', c: ['引文'] },
          { t: 'figure', src: IMAGE, alt: '引文里的图 "<>"', caption: ['图注 <x>'] },
        ],
      },
      { t: 'figure', src: `${IMAGE}?"><script>alert(1)</script>`, alt: '', width: 40, height: 30 },
    ],
  }),
  hostile('hostile-lead', {
    title: 'ﬁ\u202e倒序\u202c 文字 and a https://example.com/' + 'x'.repeat(300),
    image: { src: IMAGE, alt: '题图 "说明"' },
    url: 'https://example.com/original?a=1&b=<2>',
    source: '大众日报',
    blocks: [
      { t: 'p', c: ['第一段'] },
      { t: 'figure', src: `${IMAGE}#other`, alt: '另一张', caption: [] },
      { t: 'ul', items: [[], ['空项之后']] },
    ],
  }),
  hostile('hostile-lead-in-body', {
    title: '题图也在正文里',
    image: { src: IMAGE, alt: '题图' },
    blocks: [
      { t: 'figure', src: IMAGE, alt: '正文里的同一张' },
      { t: 'p', c: [''] },
    ],
  }),
];

/** Writes articles into the app's database as the worker would have stored them. */
async function storeArticles(page: Page, articles: readonly Article[]): Promise<void> {
  const records: StoredArticle[] = articles.map((article) => ({
    article,
    channelIds: [],
    storedAt: Date.now(),
    bytes: JSON.stringify(article).length,
  }));
  await page.evaluate(
    async ([dbName, list]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        const tx = db.transaction('articles', 'readwrite');
        for (const record of list) tx.objectStore('articles').put(record);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('put failed'));
        });
      } finally {
        db.close();
      }
    },
    [DB_NAME, records] as const,
  );
}

/** A node as compared: element name, compared attributes and children; text as it is. */
type Shape = string | { tag: string; attributes: Record<string, string>; children: Shape[] };

/**
 * The shape of the first element matching `selector` in `html` (parsed by the browser in `page`)
 * or, when `html` is undefined, in the live page; the page's own parts are removed first.
 */
async function articleShape(
  page: Page,
  selector: string,
  html: string | undefined,
): Promise<Shape | null> {
  return page.evaluate(
    ([source, target, appOnly, compared]) => {
      const root =
        source === undefined ? document : new DOMParser().parseFromString(source, 'text/html');
      const found = root.querySelector(target);
      if (!found) return null;
      const copy = found.cloneNode(true) as Element;
      for (const part of copy.querySelectorAll(appOnly.join(','))) part.remove();
      const shape = (node: Node): Shape | null => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        if (!(node instanceof Element)) return null;
        const attributes: Record<string, string> = {};
        for (const name of compared) {
          const value = node.getAttribute(name);
          if (value !== null) attributes[name] = value;
        }
        const children: Shape[] = [];
        for (const child of node.childNodes) {
          const inner = shape(child);
          // Adjacent text merges as the DOM would; empty text is not structure.
          if (inner === null || inner === '') continue;
          const last = children[children.length - 1];
          if (typeof inner === 'string' && typeof last === 'string')
            children[children.length - 1] = last + inner;
          else children.push(inner);
        }
        return { tag: node.localName, attributes, children };
      };
      return shape(copy);
    },
    [html, selector, APP_ONLY, COMPARED_ATTRIBUTES] as const,
  );
}

test.describe('one article view, rendered by the worker and by the page', () => {
  test('the boot view and the article page have the same text and structure, hostile articles included', async ({
    page,
    context,
    problems,
  }) => {
    await openAndStoreArticle(page, SEED_ID);
    await storeArticles(page, HOSTILE);

    // The worker's HTML is parsed by the browser in a blank page: the app's own pages rightly
    // refuse DOMParser (a Trusted Types sink), and a parsed document runs and loads nothing.
    const scratch = await context.newPage();
    allowOfflineFailures(problems);
    await context.setOffline(true);
    for (const id of [SEED_ID, ...HOSTILE.map((article) => article.id)]) {
      const response = await page.goto(articlePath(id));
      expect(response?.fromServiceWorker(), id).toBe(true);
      const html = (await response?.text()) ?? '';
      expect(html, id).toContain('<div id="boot"');
      const boot = await articleShape(scratch, '#boot article', html);
      expect(boot, id).not.toBeNull();

      await routeReady(page);
      await expect(page.locator('#boot')).toHaveCount(0);
      const shown = await articleShape(page, '#main article', undefined);
      expect(shown, id).toEqual(boot);
      // Nothing from a feed ran or became markup (the page's tools have icons of their own).
      const feedParts = '#main article :is(.article-head, .article-meta, .article-body)';
      expect(await page.locator(`${feedParts} :is(script, svg, iframe)`).count(), id).toBe(0);
      for (const href of await page
        .locator('#main article :is(.article-head, .article-meta, .article-body, .source-link) a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
        expect(href, id).toMatch(/^https?:\/\//);
      }
    }
  });
});
