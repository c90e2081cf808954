import { expect, routeReady, test } from './fixtures';
import { ROUTES, resolveRoute } from './routes';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Records violations in the page, as data the test can read back (the console is checked too). */
function collectViolations(): void {
  const store: Violation[] = [];
  Object.defineProperty(window, '__cspViolations', { value: store });
  document.addEventListener('securitypolicyviolation', (event) => {
    store.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}`,
    });
  });
}

test.describe('the Content-Security-Policy', () => {
  for (const route of ROUTES) {
    test(`${route.name} renders under the strict CSP with Trusted Types and no violation`, async ({
      page,
      request,
    }) => {
      await page.addInitScript(collectViolations);
      const url = await resolveRoute(route, request);
      const response = await page.goto(url);
      const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(csp).not.toContain('unsafe-inline');
      await routeReady(page);
      const violations = await page.evaluate(
        () => (window as unknown as { __cspViolations: unknown[] }).__cspViolations,
      );
      expect(violations).toEqual([]);
    });
  }

  test('really enforces Trusted Types: assigning a string to innerHTML throws', async ({
    page,
    problems,
  }) => {
    problems.allowViolation(/TrustedHTML|CSP violation: require-trusted-types-for/);
    await page.goto('/');
    await routeReady(page);
    const outcome = await page.evaluate(() => {
      const probe = document.createElement('div');
      try {
        // eslint-disable-next-line no-restricted-syntax -- the probe: this assignment must be blocked.
        probe.innerHTML = '<b>x</b>';
        return 'assigned';
      } catch (error) {
        return error instanceof TypeError ? 'blocked' : String(error);
      }
    });
    expect(outcome).toBe('blocked');
  });
});
