/**
 * RFC 3339 date-times, as JSON Feed requires for `date_published` and
 * `date_modified`. A regular expression alone would accept 2023-02-30, so the
 * calendar is checked too. A zone offset is required (`Z` counts), because a
 * local time without one cannot be placed on a timeline and sorted.
 */

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether `value` is a valid RFC 3339 date-time with a zone offset. Lower-case
 * `t`/`z` are RFC 3339 but JavaScript's `Date` refuses them, so callers
 * upper-case what passes. Leap seconds (`:60`) are refused because `Date`
 * cannot represent them and sorting would break.
 */
export function isRfc3339DateTime(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  // Missing groups (the offset when it is `Z`) read as 0, which is always in range.
  const field = (group: number): number => Number(match[group] ?? '0');
  const [year, month, day] = [field(1), field(2), field(3)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (field(4) > 23 || field(5) > 59 || field(6) > 59) return false;
  if (field(8) > 23 || field(9) > 59) return false;
  return true;
}

/** Longest date string worth reading: `2023-05-06T10:30:13.123456789+08:00` is 35. */
const MAX_FEED_DATE_LENGTH = 40;

/**
 * The date forms real feeds write: RFC 3339, and its usual deviations (a space
 * or lower-case `t` for `T`, no seconds, no zone, `z`, an offset without a
 * colon or minutes). Fixed shape and anchored, and only ever run on a string of
 * at most MAX_FEED_DATE_LENGTH characters, so it cannot take long.
 */
const FEED_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** The zone of a date written without one: feeds for Shandong are on China Standard Time. */
export const DEFAULT_ZONE = '+08:00';

/**
 * A feed's date-time as a canonical RFC 3339 string (`T`, `Z` and seconds
 * written out, an offset `±hh:mm`), or `undefined` when it is no usable date.
 * Accepts RFC 3339 and {@link FEED_DATE}'s deviations; a date with no zone is
 * taken as {@link DEFAULT_ZONE}, a date with no time as midnight. A value that
 * is already canonical comes back unchanged except for upper-case `T`/`Z`.
 */
export function readFeedDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed.length > MAX_FEED_DATE_LENGTH) return undefined;
  const match = FEED_DATE.exec(trimmed);
  if (!match) return undefined;
  const [, year = '', month = '', day = '', hour = '00', minute = '00', second = '00'] = match;
  const fraction = match[7] ?? '';
  const zone = canonicalZone(match[8]);
  if (zone === undefined) return undefined;
  const canonical = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zone}`;
  if (!isRfc3339DateTime(canonical) || Number.isNaN(Date.parse(canonical))) return undefined;
  return canonical;
}

/** `Z`, `+08:00`, `+0800`, `+08` → `Z` / `+08:00`; no zone → DEFAULT_ZONE. */
function canonicalZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return DEFAULT_ZONE;
  if (zone === 'Z' || zone === 'z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  const minutes = digits.length === 2 ? '00' : digits.slice(2);
  return `${zone.charAt(0)}${digits.slice(0, 2)}:${minutes}`;
}
