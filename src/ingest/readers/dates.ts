/**
 * Feed dates → RFC 3339 in Beijing time.
 *
 * Real feeds write dates in many forms: RFC 822/1123/850 (RSS), RFC 3339 (Atom,
 * JSON Feed), ISO 8601 variants, JavaScript's `Date#toString`, and the Chinese
 * CMS forms `2023年5月6日 10:30`, `2023-05-06 10:30:13`, `2023/05/06 10:30`.
 *
 * Every date that parses is returned as `YYYY-MM-DDTHH:MM:SS[.fff]+08:00`, the
 * same instant shifted to Beijing time. Why always +08:00: the app prints the
 * digits of the string as written and never converts to the device's zone
 * (src/shared/date.ts), so a story stamped `06 May 2023 02:30:13 GMT` must reach
 * it as `2023-05-06T10:30:13+08:00` to show the 10:30 the portal itself prints.
 *
 * A date without a zone is Beijing time, whatever the machine's TZ: nothing here
 * calls `new Date(string)` or a local-time getter; the instant is computed from
 * the fields and an explicit offset with UTC arithmetic only.
 *
 * Input is capped at {@link MAX_DATE_LENGTH} characters before any matching, and
 * every pattern is anchored on the whole (short) string with no nested
 * quantifiers, so untrusted input cannot make matching slow.
 */

/** Longer strings are not dates (the longest real form, Date#toString with a zone name, is ~70). */
export const MAX_DATE_LENGTH = 100;

/** Beijing time, UTC+8 (no daylight saving since 1991). */
const BEIJING_OFFSET_MINUTES = 8 * 60;

/**
 * Named zones. RFC 822 defines UT, GMT, Z and the four US zones; the others are
 * abbreviations Chinese and Asian CMSs are seen to write.
 *
 * "CST" is ambiguous: RFC 822 means US Central Standard Time (-06:00), but
 * Chinese CMSs (and Java's `Date#toString` on a server set to Asia/Shanghai)
 * write "CST" for China Standard Time. Our sources are a Shandong portal and
 * its local outlets, whose clocks are in Beijing; a US-Central story in these
 * feeds is far less likely than a mislabelled Beijing one, and reading CST as
 * -06:00 would move every such story 14 hours into the future. So CST is +08:00.
 * CDT stays US Central Daylight (-05:00): China has no daylight time to confuse.
 */
const NAMED_ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5 * 60,
  EDT: -4 * 60,
  CST: BEIJING_OFFSET_MINUTES,
  CDT: -5 * 60,
  MST: -7 * 60,
  MDT: -6 * 60,
  PST: -8 * 60,
  PDT: -7 * 60,
  // Asian abbreviations seen in the wild.
  BJT: BEIJING_OFFSET_MINUTES,
  CCT: BEIJING_OFFSET_MINUTES,
  HKT: BEIJING_OFFSET_MINUTES,
  SGT: BEIJING_OFFSET_MINUTES,
  JST: 9 * 60,
  KST: 9 * 60,
};

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const DAY_NAME = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?$/i;
const MONTH_NAME = /^([a-z]{3})[a-z]{0,6}\.?$/i;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const NUMERIC_OFFSET = /^([+-])(\d{1,2})(?::?(\d{2}))?$/;
const PREFIXED_OFFSET = /^(?:GMT|UTC|UT)([+-]\d{1,2}(?::?\d{2})?)$/i;

/** ISO-like: 2023-05-06, 2023/5/6 10:30, 2023-05-06T10:30:13.5+08:00, 2023-05-06 10:30:13 +0800. */
const ISO_LIKE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]| )(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?([A-Za-z]{1,4}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)?$/;

/** ISO 8601 basic format: 20230506, 20230506T103013Z, 20230506T1030+0800. */
const ISO_BASIC =
  /^(\d{4})(\d{2})(\d{2})(?:[Tt](\d{2})(\d{2})(\d{2})?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** 2023年5月6日, 2023年5月6日 10:30, 2023年05月06日10时30分13秒. */
const CHINESE =
  /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号](?: ?(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?|分)?)?$/;

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** The fraction digits as written, without the separator ("" when none). */
  readonly fraction: string;
  /** Minutes east of UTC. */
  readonly offset: number;
}

/**
 * Any date form real feeds use → RFC 3339 with an explicit offset, always
 * Beijing time (e.g. `2023-05-06T10:30:13+08:00`), or `undefined` when `value`
 * is not a date or names an impossible one (30 February, hour 25, a leap second,
 * an offset beyond ±23:59). A date without a zone is read as Beijing time; a date
 * without a time of day is midnight. Day names are accepted and not checked
 * against the date: feeds get them wrong more often than the date itself.
 */
export function parseFeedDate(value: string): string | undefined {
  if (value.length > MAX_DATE_LENGTH) return undefined;
  const normalized = value.trim().replace(/\s+/g, ' ');
  if (normalized === '') return undefined;
  const fields =
    isoLike(normalized) ?? isoBasic(normalized) ?? chinese(normalized) ?? textual(normalized);
  return fields && isValid(fields) ? format(fields) : undefined;
}

function num(text: string | undefined): number {
  return text === undefined ? 0 : Number(text);
}

function isoLike(text: string): Fields | undefined {
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  const offset = m[9] === undefined ? BEIJING_OFFSET_MINUTES : parseZone(m[9]);
  if (offset === undefined) return undefined;
  return {
    year: num(m[1]),
    month: num(m[3]),
    day: num(m[4]),
    hour: num(m[5]),
    minute: num(m[6]),
    second: num(m[7]),
    fraction: m[8] ?? '',
    offset,
  };
}

function isoBasic(text: string): Fields | undefined {
  const m = ISO_BASIC.exec(text);
  if (!m) return undefined;
  const offset = m[7] === undefined ? BEIJING_OFFSET_MINUTES : parseZone(m[7]);
  if (offset === undefined) return undefined;
  return {
    year: num(m[1]),
    month: num(m[2]),
    day: num(m[3]),
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
    fraction: '',
    offset,
  };
}

function chinese(text: string): Fields | undefined {
  const m = CHINESE.exec(text);
  if (!m) return undefined;
  return {
    year: num(m[1]),
    month: num(m[2]),
    day: num(m[3]),
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
    fraction: '',
    offset: BEIJING_OFFSET_MINUTES,
  };
}

/**
 * The forms with a month name, read token by token:
 * - RFC 822/1123/2822: `[Sat,] 6 May 2023 10:30[:13] [zone]`
 * - RFC 850: `Saturday, 06-May-23 10:30:13 GMT`
 * - Date#toString: `Sat May 06 2023 10:30:13 GMT+0800 (中国标准时间)`
 * - asctime: `Sat May  6 10:30:13 2023`
 * - US style: `May 6, 2023 10:30:13 +0800`
 */
function textual(text: string): Fields | undefined {
  // A trailing comment names the zone in words; RFC 822 allows comments anywhere,
  // real feeds put one only at the end.
  const withoutComment = text.replace(/ ?\([^()]{0,60}\)$/, '');
  const tokens = withoutComment.replace(/,/g, ' ').split(' ').filter(Boolean);
  if (tokens.length > 0 && DAY_NAME.test(tokens[0] ?? '')) tokens.shift();
  // RFC 850 joins the date with hyphens: 06-May-23.
  const first = tokens[0];
  if (first !== undefined && /^\d{1,2}-[a-z]{3,9}-\d{2,4}$/i.test(first)) {
    tokens.splice(0, 1, ...first.split('-'));
  }
  if (tokens.length < 4 || tokens.length > 5) return undefined;
  const [a = '', b = '', c = '', d = '', zone] = tokens;
  let day: string;
  let month: number | undefined;
  let year: string;
  let time: string;
  if (/^\d{1,2}$/.test(a)) {
    // 6 May 2023 10:30:13
    [day, month, year, time] = [a, monthNumber(b), c, d];
  } else if (/^\d{1,2}$/.test(b) && TIME.test(c)) {
    // May 6 10:30:13 2023 (asctime)
    [day, month, year, time] = [b, monthNumber(a), d, c];
  } else {
    // May 6 2023 10:30:13
    [day, month, year, time] = [b, monthNumber(a), c, d];
  }
  if (month === undefined || !/^\d{1,2}$/.test(day)) return undefined;
  const fullYear = fourDigitYear(year);
  const t = TIME.exec(time);
  if (fullYear === undefined || !t) return undefined;
  const offset = zone === undefined ? BEIJING_OFFSET_MINUTES : parseZone(zone);
  if (offset === undefined) return undefined;
  return {
    year: fullYear,
    month,
    day: num(day),
    hour: num(t[1]),
    minute: num(t[2]),
    second: num(t[3]),
    fraction: t[4] ?? '',
    offset,
  };
}

function monthNumber(token: string): number | undefined {
  const m = MONTH_NAME.exec(token);
  return m ? MONTHS[(m[1] ?? '').toLowerCase()] : undefined;
}

/** RFC 2822 §4.3: a two-digit year 00–49 is 20xx, 50–99 is 19xx. */
function fourDigitYear(token: string): number | undefined {
  if (/^\d{4}$/.test(token)) return Number(token);
  if (/^\d{2}$/.test(token)) {
    const short = Number(token);
    return short < 50 ? 2000 + short : 1900 + short;
  }
  return undefined;
}

/**
 * A zone token → minutes east of UTC: `Z`, a name of {@link NAMED_ZONES},
 * `+0800`, `+08:00`, `+08`, `GMT+8`, `UTC+08:00`, or a military letter.
 *
 * Military letters other than Z are read as UTC: RFC 822 got their signs
 * backwards, so RFC 1123 and RFC 2822 §4.3 say they carry no reliable offset
 * and should be treated as -0000 (UTC, local offset unknown).
 */
function parseZone(token: string): number | undefined {
  const upper = token.toUpperCase();
  const named = NAMED_ZONES[upper];
  if (named !== undefined) return named;
  if (/^[A-IK-Y]$/.test(upper)) return 0;
  const prefixed = PREFIXED_OFFSET.exec(token);
  const m = NUMERIC_OFFSET.exec(prefixed?.[1] ?? token);
  if (!m) return undefined;
  const hours = num(m[2]);
  const minutes = num(m[3]);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValid(f: Fields): boolean {
  return (
    f.year >= 1000 &&
    f.year <= 9998 &&
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= daysInMonth(f.year, f.month) &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    // Leap seconds are refused, as the feed contract refuses them (src/shared/feed/rfc3339.ts).
    f.second <= 59
  );
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The fields' instant in Beijing time. UTC arithmetic only: the machine's TZ never matters. */
function format(f: Fields): string {
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  utc.setUTCFullYear(f.year, f.month - 1, f.day);
  utc.setUTCHours(f.hour, f.minute - f.offset + BEIJING_OFFSET_MINUTES, f.second, 0);
  const date = `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
  const time = `${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}`;
  const fraction = f.fraction === '' ? '' : `.${f.fraction}`;
  return `${date}T${time}${fraction}+08:00`;
}
