/**
 * Dates are shown exactly as the newsroom wrote them: we take the digits of the
 * RFC 3339 string and never convert to the device's time zone. A reader in
 * Urumqi or abroad should see "10:30" for a story published at 10:30 Beijing
 * time, which is also what the portal itself prints.
 */

const RFC3339_PREFIX = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * "2023-05-06 10:30:13" — the article's 发布时间 line. Seconds default to "00"
 * when the string has none. Anything unparseable is returned unchanged rather
 * than hidden, so a bad date stays visible to whoever reports it.
 */
export function formatDateTime(rfc3339: string): string {
  const m = RFC3339_PREFIX.exec(rfc3339);
  if (!m) return rfc3339;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
}

/** "2023-05-06 10:30" — the date in lists (channels, home, search, related). */
export function formatListDate(rfc3339: string): string {
  const m = RFC3339_PREFIX.exec(rfc3339);
  if (!m) return rfc3339;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
}
