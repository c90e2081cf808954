import { expect, routeReady, test } from './fixtures';

/**
 * The portal page this app is modelled on (DESIGN.md, seed/000_271a4622fc35748e.txt). Text is
 * compared after NFKC normalisation, which folds full-width punctuation (，：（）) into ASCII, so
 * the check is about the words, not about which comma the capture used.
 */
const SEED = {
  path: '/article/seed-271a4622fc35748e',
  headline: '山东省数字强省建设工作推进会召开',
  subtitles: ['加快推进数字强省建设', '以数字化赋能高质量发展', '林武讲话 周乃翔主持 陆治原出席'],
  metadata: [
    ['发布时间', '2023-05-06 10:30:13'],
    ['来源', '大众日报'],
    ['作者', '刘兵 李子路 房贤刚'],
    ['责任编辑', '阚金剑'],
  ],
  datetime: '2023-05-06T10:30:13+08:00',
  firstParagraph:
    '5月5日下午,山东省数字强省建设工作推进会在济南召开。会议深入贯彻习近平总书记关于数字中国的重要论述,结合学习贯彻习近平新时代中国特色社会主义思想主题教育,进一步深化认识、凝聚共识,加快推进数字强省建设,努力为新时代社会主义现代化强省建设提供强力支撑。',
  lastParagraph:
    '会议以视频形式召开,省领导刘强、曾赞荣、张海波、江成、周立伟,省直有关部门主要负责同志参加。各市设分会场。',
  credit: '(大众日报客户端记者 刘兵 李子路 报道 摄影 房贤刚)',
};

const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

test.describe('the seed article', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(SEED.path);
    await routeReady(page);
  });

  test('shows the headline as the only h1, with the subtitles as separate lines below it', async ({
    page,
  }) => {
    const article = page.getByRole('article');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText(SEED.headline);
    await expect(page).toHaveTitle(`${SEED.headline} - 齐鲁轻读`);
    const paragraphs = (await article.locator('p').allInnerTexts()).map(normalize);
    const start = paragraphs.indexOf(normalize(SEED.subtitles[0] ?? ''));
    expect(start, 'the first subtitle is a paragraph of its own').toBeGreaterThanOrEqual(0);
    expect(paragraphs.slice(start, start + SEED.subtitles.length)).toEqual(
      SEED.subtitles.map(normalize),
    );
  });

  test('lists 发布时间, 来源, 作者 and 责任编辑 exactly, with a machine-readable time', async ({
    page,
  }) => {
    const list = page.getByRole('article').locator('dl');
    await expect(list).toHaveCount(1);
    const pairs = await list.evaluate((dl) => {
      const result: [string, string][] = [];
      for (const term of dl.querySelectorAll('dt')) {
        const definition = term.nextElementSibling;
        result.push([
          term.textContent?.trim() ?? '',
          definition?.tagName === 'DD' ? (definition.textContent?.trim() ?? '') : '(no dd)',
        ]);
      }
      return result;
    });
    expect(pairs).toEqual(SEED.metadata);
    const time = list.locator('dd time');
    await expect(time).toHaveAttribute('datetime', SEED.datetime);
    await expect(time).toHaveText('2023-05-06 10:30:13');
  });

  test('has the body from its first to its last paragraph, then the credit, without repeating the headline', async ({
    page,
  }) => {
    const paragraphs = (await page.getByRole('article').locator('p').allInnerTexts()).map(
      normalize,
    );
    const first = paragraphs.indexOf(normalize(SEED.firstParagraph));
    const last = paragraphs.indexOf(normalize(SEED.lastParagraph));
    const credit = paragraphs.indexOf(normalize(SEED.credit));
    expect(first, 'first body paragraph').toBeGreaterThanOrEqual(0);
    expect(last, 'last body paragraph').toBeGreaterThan(first);
    expect(credit, 'the credit follows the last paragraph').toBe(last + 1);
    // The capture repeats the headline block at the top of the body; readers should hear it once.
    expect(paragraphs).not.toContain(normalize(SEED.headline));
  });

  test('offers related news from its channel', async ({ page }) => {
    const related = page.getByRole('heading', { level: 2, name: '相关新闻', exact: true });
    await expect(related).toBeVisible();
    const links = page.locator('main a[href^="/article/"]');
    const count = await links.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(6);
    await expect(links.and(page.locator(`[href="${SEED.path}"]`))).toHaveCount(0);
  });
});
