/** Environment variables through which the global setup tells the workers where the servers are. */
export const ENV = {
  /** The production server over dist/ (app + feed API). */
  baseUrl: 'QILU_E2E_BASE_URL',
  /** The server over dist-xorigin/, whose app reads its feed from {@link ENV.apiOrigin}. */
  xoriginUrl: 'QILU_E2E_XORIGIN_URL',
  /** The origin serving the feed API to the cross-origin build. */
  apiOrigin: 'QILU_E2E_API_ORIGIN',
} as const;

/** Reads one of {@link ENV}, failing clearly when the global setup did not run. */
export function serverUrl(name: (typeof ENV)[keyof typeof ENV]): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the tests with playwright.config.ts (its globalSetup).`,
    );
  return value;
}
