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
