import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DATE_LENGTH, parseFeedDate } from '../../src/ingest/readers/dates';

/**
 * Feed dates → RFC 3339 in Beijing time. Every expectation is an exact string:
 * the app prints the digits as written (src/shared/date.ts), so the offset the
 * reader writes is part of what readers see. None of this may depend on the
 * machine's TZ; the suite is meant to pass under TZ=America/New_York and
 * TZ=Asia/Shanghai alike (nothing here reads local time).
 */

describe('parseFeedDate: the forms real feeds use', () => {
  const table: [string, string][] = [
    // RFC 822 / 1123 / 2822 with numeric zones
    ['Sat, 06 May 2023 10:30:13 +0800', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 02:30:13 +0000', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 22:30:13 -0400', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 10:30:13 +08:00', '2023-05-06T10:30:13+08:00'],
    ['Sat, 6 May 2023 08:00:13 +0530', '2023-05-06T10:30:13+08:00'],
    // day name optional, seconds optional, long month and day names
    ['06 May 2023 10:30:13 +0800', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 10:30 +0800', '2023-05-06T10:30:00+08:00'],
    ['Saturday, 06 June 2023 10:30:13 +0800', '2023-06-06T10:30:13+08:00'],
    ['sat, 06 may 2023 10:30:13 +0800', '2023-05-06T10:30:13+08:00'],
    // named zones
    ['Sat, 06 May 2023 02:30:13 GMT', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 02:30:13 UT', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 02:30:13 UTC', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 02:30:13 Z', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 21:30:13 EST', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 22:30:13 EDT', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 21:30:13 CDT', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 19:30:13 MST', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 20:30:13 MDT', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 18:30:13 PST', '2023-05-06T10:30:13+08:00'],
    ['Fri, 05 May 2023 19:30:13 PDT', '2023-05-06T10:30:13+08:00'],
    // CST is China Standard Time here, not US Central (see dates.ts)
    ['Sat, 06 May 2023 10:30:13 CST', '2023-05-06T10:30:13+08:00'],
    // military letters other than Z: RFC 2822 §4.3 says read them as UTC
    ['Sat, 06 May 2023 02:30:13 A', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 02:30:13 Y', '2023-05-06T10:30:13+08:00'],
    // no zone: Beijing time
    ['Sat, 06 May 2023 10:30:13', '2023-05-06T10:30:13+08:00'],
    // two-digit years (RFC 2822: 00–49 → 20xx, 50–99 → 19xx) and RFC 850
    ['Sat, 06 May 23 10:30:13 +0800', '2023-05-06T10:30:13+08:00'],
    ['Thu, 06 May 99 10:30:13 +0800', '1999-05-06T10:30:13+08:00'],
    ['Saturday, 06-May-23 02:30:13 GMT', '2023-05-06T10:30:13+08:00'],
    // JavaScript Date#toString, asctime, US style
    ['Sat May 06 2023 10:30:13 GMT+0800 (中国标准时间)', '2023-05-06T10:30:13+08:00'],
    ['Sat May 06 2023 10:30:13 GMT+0800 (China Standard Time)', '2023-05-06T10:30:13+08:00'],
    ['Sat May  6 10:30:13 2023', '2023-05-06T10:30:13+08:00'],
    ['May 6, 2023 10:30:13 +0800', '2023-05-06T10:30:13+08:00'],
    ['Sat, 06 May 2023 02:30:13 UTC+8', '2023-05-06T02:30:13+08:00'],
    // RFC 3339 and ISO 8601
    ['2023-05-06T10:30:13+08:00', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06T02:30:13Z', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06T02:30:13z', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06t10:30:13+08:00', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06 10:30:13+08:00', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06T10:30+08:00', '2023-05-06T10:30:00+08:00'],
    ['2018-01-05T08:00+08:00', '2018-01-05T08:00:00+08:00'],
    ['2023-05-06T02:30:13.123Z', '2023-05-06T10:30:13.123+08:00'],
    ['2023-05-06T10:30:13.123456789+08:00', '2023-05-06T10:30:13.123456789+08:00'],
    ['2023-05-05T22:30:13-04:00', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06T10:30:13+0800', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06T10:30:13+08', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06 10:30:13 +0800', '2023-05-06T10:30:13+08:00'],
    ['20230506T023013Z', '2023-05-06T10:30:13+08:00'],
    // dates without time: midnight Beijing time
    ['2023-05-06', '2023-05-06T00:00:00+08:00'],
    ['20230506', '2023-05-06T00:00:00+08:00'],
    // Chinese CMS forms, no zone: Beijing time
    ['2023-05-06 10:30:13', '2023-05-06T10:30:13+08:00'],
    ['2023-05-06 10:30', '2023-05-06T10:30:00+08:00'],
    ['2023-5-6 9:05', '2023-05-06T09:05:00+08:00'],
    ['2023/05/06 10:30', '2023-05-06T10:30:00+08:00'],
    ['2023/05/06 10:30:13', '2023-05-06T10:30:13+08:00'],
    ['2023.05.06', '2023-05-06T00:00:00+08:00'],
    ['2023年5月6日 10:30', '2023-05-06T10:30:00+08:00'],
    ['2023年5月6日10:30', '2023-05-06T10:30:00+08:00'],
    ['2023年05月06日 10:30:13', '2023-05-06T10:30:13+08:00'],
    ['2023年5月6日 10：30', '2023-05-06T10:30:00+08:00'],
    ['2023年5月6日', '2023-05-06T00:00:00+08:00'],
    ['2023年05月06日10时30分', '2023-05-06T10:30:00+08:00'],
    ['2023年05月06日10时30分13秒', '2023-05-06T10:30:13+08:00'],
    // whitespace around and inside
    ['  Sat,  06 May 2023\t10:30:13 +0800 \n', '2023-05-06T10:30:13+08:00'],
    // leap day, year and day boundaries crossed by the shift
    ['2024-02-29T12:00:00+08:00', '2024-02-29T12:00:00+08:00'],
    ['Sun, 31 Dec 2023 20:00:00 GMT', '2024-01-01T04:00:00+08:00'],
    ['2024-02-28T20:00:00Z', '2024-02-29T04:00:00+08:00'],
  ];

  it.each(table)('%s → %s', (input, expected) => {
    expect(parseFeedDate(input)).toBe(expected);
  });
});

describe('parseFeedDate: what is not a date', () => {
  it.each([
    '',
    '   ',
    'yesterday',
    '刚刚',
    '2023-02-30',
    '2023-02-29T10:00:00+08:00',
    '1900-02-29',
    '2023-13-01',
    '2023-04-31 10:00',
    '2023-05-06 25:00',
    '2023-05-06 24:00',
    '2023-05-06T10:60:00+08:00',
    '2023-05-06T23:59:60Z',
    'Sat, 32 May 2023 10:30:13 +0800',
    'Sat, 06 Foo 2023 10:30:13 +0800',
    'Sat, 06 May 2023 10:30:13 +2400',
    'Sat, 06 May 2023 10:30:13 XYZ',
    'Sat, 06 May 2023 10:30:13 J',
    '2023年2月30日',
    '2023-05-06T10:30:13+08:00 and more',
    '1683340213',
  ])('%j', (input) => {
    expect(parseFeedDate(input)).toBeUndefined();
  });

  it(`refuses anything longer than ${MAX_DATE_LENGTH} characters before matching`, () => {
    expect(parseFeedDate(`2023-05-06${' '.repeat(MAX_DATE_LENGTH)}`)).toBeUndefined();
    expect(parseFeedDate('1'.repeat(1_000_000))).toBeUndefined();
  });
});

/** RFC 822 zones with their standard offsets (CST left out: we read it as China's). */
const ZONES: readonly [string, number][] = [
  ['GMT', 0],
  ['UT', 0],
  ['UTC', 0],
  ['Z', 0],
  ['EST', -300],
  ['EDT', -240],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `date`'s wall-clock fields at `offset` minutes east of UTC, computed with UTC getters only. */
function shifted(date: Date, offset: number): Date {
  return new Date(date.getTime() + offset * 60_000);
}

function numericZone(offset: number): string {
  return `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${pad(offset % 60)}`;
}

function rfc822(date: Date, zone: string, offset: number): string {
  const w = shifted(date, offset);
  return (
    `${DAYS[w.getUTCDay()]}, ${pad(w.getUTCDate())} ${MONTHS[w.getUTCMonth()]} ${w.getUTCFullYear()} ` +
    `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())} ${zone}`
  );
}

function rfc3339(date: Date, offset: number): string {
  const w = shifted(date, offset);
  const zone =
    offset === 0
      ? 'Z'
      : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return (
    `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T` +
    `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}.${pad(w.getUTCMilliseconds(), 3)}${zone}`
  );
}

describe('parseFeedDate: round trips (property)', () => {
  // Whole seconds for RFC 822, which has no fractions.
  const instants = fc
    .date({
      min: new Date('1950-01-02T00:00:00Z'),
      max: new Date('2999-12-30T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
  const offsets = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 });
  const zone = fc.oneof(
    fc.constantFrom(...ZONES),
    offsets.map((o): [string, number] => [numericZone(o), o]),
  );

  it('any instant written as RFC 822 with any zone parses back to the same instant, in +08:00', () => {
    fc.assert(
      fc.property(instants, zone, (date, [name, offset]) => {
        const parsed = parseFeedDate(rfc822(date, name, offset));
        expect(parsed).toMatch(/\+08:00$/);
        expect(new Date(parsed ?? '').getTime()).toBe(date.getTime());
      }),
    );
  });

  it('any instant written as RFC 3339 with any offset parses back to the same instant', () => {
    const millis = fc.date({
      min: new Date('1000-01-02T00:00:00Z'),
      max: new Date('9998-12-30T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(millis, offsets, (date, offset) => {
        const parsed = parseFeedDate(rfc3339(date, offset));
        expect(parsed).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
        expect(new Date(parsed ?? '').getTime()).toBe(date.getTime());
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (input) => {
        const parsed = parseFeedDate(input);
        if (parsed !== undefined) expect(parsed).toMatch(/\+08:00$/);
      }),
    );
  });
});
