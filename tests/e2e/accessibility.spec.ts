import { axeViolations, expect, routeReady, test } from './fixtures';
import { ROUTES, resolveRoute } from './routes';

/**
 * axe-core (WCAG 2.0–2.2 A/AA + best practices) finds nothing on any route, on a phone and on a
 * desktop. No rule is disabled.
 */
for (const width of [390, 1280]) {
  test.describe(`at ${width}px wide`, () => {
    test.use({ viewport: { width, height: width < 600 ? 844 : 800 } });

    for (const route of ROUTES) {
      test(`${route.name} has no axe violations and no horizontal scrolling`, async ({
        page,
        request,
      }) => {
        const url = await resolveRoute(route, request);
        await page.goto(url);
        await routeReady(page);
        if (url.startsWith('/search?q=')) {
          // Results (or the empty state) render after the query runs.
          await expect(page.getByText(/找到 \d+ 条结果|没有找到/).first()).toBeAttached();
        }
        expect(await axeViolations(page)).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'reflow: no horizontal scrolling').toBeLessThanOrEqual(0);
      });
    }
  });
}
