import raw from './shandong-divisions.json' with { type: 'json' };

/**
 * The place-name data of shandong-divisions.json, checked once on load. The JSON is hand
 * maintained, so a typo (a missing city id, a division without its 区/县/市 suffix) fails
 * loudly here instead of silently sending stories to the wrong city.
 */

/** 市辖区, 县级市, 县. */
export type DivisionKind = 'district' | 'city' | 'county';

/** One county-level division. */
export interface Division {
  /** Full official name, suffix included: 章丘区, 滕州市, 惠民县. */
  readonly name: string;
  readonly kind: DivisionKind;
}

/** One prefecture-level city and its county-level divisions. */
export interface City {
  /** City channel id (content/lib/channels.ts). */
  readonly id: string;
  /** Name without 市: 济南. */
  readonly name: string;
  readonly divisions: readonly Division[];
}

/** An extra name that means one city: a nickname or a former official name. */
export interface ExtraName {
  readonly name: string;
  readonly city: string;
  readonly note: string;
}

/** The whole data file. */
export interface PlaceData {
  readonly source: string;
  readonly asOf: string;
  readonly cities: readonly City[];
  /** Nicknames (泉城 → jinan); only unambiguous ones. */
  readonly aliases: readonly ExtraName[];
  /** Names abolished by recent mergers that news still uses (莱芜市, 蓬莱市); full form only. */
  readonly formerNames: readonly ExtraName[];
}

const SUFFIX: Record<DivisionKind, string> = { district: '区', city: '市', county: '县' };

function fail(message: string): never {
  throw new Error(`shandong-divisions.json: ${message}`);
}

/** Validates the parsed JSON; exported for the tests. */
export function checkPlaceData(value: unknown): PlaceData {
  if (typeof value !== 'object' || value === null) fail('not an object');
  const v = value as Record<string, unknown>;
  if (typeof v.source !== 'string' || typeof v.asOf !== 'string') fail('source/asOf missing');
  if (!Array.isArray(v.cities)) fail('cities missing');
  const cities = v.cities.map((c: unknown): City => {
    const city = c as Record<string, unknown>;
    if (typeof city.id !== 'string' || typeof city.name !== 'string') fail('city without id/name');
    if (!Array.isArray(city.divisions)) fail(`${city.id}: divisions missing`);
    const divisions = city.divisions.map((d: unknown): Division => {
      const div = d as Record<string, unknown>;
      const kind = div.kind;
      if (kind !== 'district' && kind !== 'city' && kind !== 'county') {
        fail(`${String(city.id)}: bad kind ${String(kind)}`);
      }
      if (typeof div.name !== 'string' || !div.name.endsWith(SUFFIX[kind])) {
        fail(`${String(city.id)}: ${String(div.name)} must end in ${SUFFIX[kind]}`);
      }
      return { name: div.name, kind };
    });
    return { id: city.id, name: city.name, divisions };
  });
  const ids = new Set(cities.map((c) => c.id));
  const extras = (key: 'aliases' | 'formerNames'): ExtraName[] => {
    const list = v[key];
    if (!Array.isArray(list)) fail(`${key} missing`);
    return list.map((e: unknown): ExtraName => {
      const x = e as Record<string, unknown>;
      if (typeof x.name !== 'string' || typeof x.city !== 'string' || !ids.has(x.city)) {
        fail(`${key}: bad entry ${JSON.stringify(e)}`);
      }
      return { name: x.name, city: x.city, note: typeof x.note === 'string' ? x.note : '' };
    });
  };
  return {
    source: v.source,
    asOf: v.asOf,
    cities,
    aliases: extras('aliases'),
    formerNames: extras('formerNames'),
  };
}

/** The checked data. */
export const PLACE_DATA: PlaceData = checkPlaceData(raw);

/** Kind → the suffix its full names end in. */
export function suffixOf(kind: DivisionKind): string {
  return SUFFIX[kind];
}
