import { ENV, serverUrl } from './env';
import { expect, routeReady, test } from './fixtures';

test.describe('a build whose FEED_BASE is another origin', () => {
  test('renders home and an article from a feed read from the other origin with CORS', async ({
    page,
  }) => {
    const appOrigin = serverUrl(ENV.xoriginUrl);
    const apiOrigin = serverUrl(ENV.apiOrigin);
    expect(appOrigin).not.toBe(apiOrigin);

    // The page's requests and its worker's: home is prerendered, so the feed is read by the
    // worker once it controls the page (and for the article, by whichever writes).
    const requested: string[] = [];
    page.context().on('request', (request) => requested.push(request.url()));

    await page.goto(`${appOrigin}/`);
    await routeReady(page);
    const hot = page.getByRole('region', { name: '热点新闻', exact: true });
    const first = hot.locator('a[href^="/article/"]').first();
    await expect(first).toBeVisible();
    const headline = (await first.innerText()).trim();
    await expect(
      page.getByRole('navigation', { name: '城市' }).getByRole('link').first(),
    ).toBeVisible();

    await first.click();
    await expect(page).toHaveURL(new RegExp(`^${appOrigin}/article/`));
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(headline);

    const feedRequests = () => requested.filter((url) => /\/api\/(channels|feeds\/)/.test(url));
    await expect.poll(feedRequests).toContain(`${apiOrigin}/api/channels.json`);
    await expect
      .poll(() => feedRequests().some((url) => url.startsWith(`${apiOrigin}/api/feeds/`)))
      .toBe(true);
    // Nothing of the feed came from the app's own origin, even though dist-xorigin has an api/ too.
    expect(feedRequests().filter((url) => url.startsWith(`${appOrigin}/`))).toEqual([]);
  });
});
