import { PLACE_DATA } from './data';
import { NOT_PLACES, SUFFIX_ONLY } from './rules';
import { Trie } from './trie';

/**
 * Which Shandong city an article is about, from the place names it uses: feed categories and
 * tags, the headline, the lead. Data: shandong-divisions.json (every county-level division of
 * the 16 prefecture-level cities); rules: rules.ts (short forms that need their suffix, and
 * words that look like places but are not).
 *
 * A name counts when it is a city (济南, 济南市), a division's full name (章丘区), a division's
 * short form of two or more characters (章丘) unless rules.ts keeps it suffix-only, an alias
 * (泉城) or a former full name (莱芜市). A name two cities share (市中区) is known but names no
 * city. Misses are preferred to wrong cities: a story without a city still reaches 滚动.
 */

/** Running text beyond this is not scanned: a city that matters is named early. */
export const MAX_SCANNED_CHARS = 2000;
/** A headline's 「X：」 place must end within this many characters. */
const PREFIX_WINDOW = 16;
/** Longer tags are sentences, not place names. */
const MAX_NAME_CHARS = 32;

interface Tables {
  /** Running text: safe names and shields. */
  readonly text: Trie;
  /** Whole names (a tag, a headline's 「X：」): the safe names plus short forms only traps in text. */
  readonly whole: Trie;
}

let tables: Tables | undefined;

function addName(names: Map<string, Set<string>>, name: string, city: string): void {
  const cities = names.get(name) ?? new Set<string>();
  cities.add(city);
  names.set(name, cities);
}

function placeEntry(cities: ReadonlySet<string>): { kind: 'place'; city: string | undefined } {
  return { kind: 'place', city: cities.size === 1 ? [...cities][0] : undefined };
}

/** Builds both tries from the data once, on first use. */
function build(): Tables {
  const safe = new Map<string, Set<string>>();
  const wholeOnly = new Map<string, Set<string>>();
  for (const city of PLACE_DATA.cities) {
    addName(safe, city.name, city.id);
    addName(safe, `${city.name}市`, city.id);
    for (const { name } of city.divisions) {
      addName(safe, name, city.id);
      const short = name.slice(0, -1);
      // 莒县 → 莒: one character is never a name on its own.
      if (short.length < 2) continue;
      const rule = SUFFIX_ONLY.get(short);
      if (!rule) addName(safe, short, city.id);
      else if (rule.asWholeName) addName(wholeOnly, short, city.id);
    }
  }
  for (const extra of [...PLACE_DATA.aliases, ...PLACE_DATA.formerNames]) {
    addName(safe, extra.name, extra.city);
  }

  const text = new Trie();
  const whole = new Trie();
  for (const [name, cities] of safe) {
    text.set(name, placeEntry(cities));
    const all = new Set([...cities, ...(wholeOnly.get(name) ?? [])]);
    whole.set(name, placeEntry(all));
  }
  for (const [name, cities] of wholeOnly) {
    if (!safe.has(name)) whole.set(name, placeEntry(cities));
  }
  for (const { words } of NOT_PLACES) {
    for (const word of words) {
      // A shield equal to a name would silently disable the name: a rules.ts mistake.
      if (safe.has(word)) throw new Error(`places: shield "${word}" is a place name`);
      text.set(word, { kind: 'shield' });
    }
  }
  return { text, whole };
}

function getTables(): Tables {
  tables ??= build();
  return tables;
}

/**
 * Splits `s` entirely into names of the whole-name trie (longest first, backtracking, so
 * 枣庄市中区 is 枣庄 + 市中区 rather than a dead end after 枣庄市). Undefined when some part
 * is not a name; otherwise the cities of the parts, undefined for a shared name.
 */
function cover(s: string): (string | undefined)[] | undefined {
  const { whole } = getTables();
  const dead = new Set<number>();
  const from = (i: number): (string | undefined)[] | undefined => {
    if (i === s.length) return [];
    if (dead.has(i)) return undefined;
    for (const m of whole.allAt(s, i)) {
      if (m.entry.kind !== 'place') continue;
      const rest = from(i + m.length);
      if (rest) return [m.entry.city, ...rest];
    }
    dead.add(i);
    return undefined;
  };
  return from(0);
}

const DOTS: ReadonlySet<string> = new Set(['·', '・', '•']);

/** Removes spaces and the middle dots of 「山东·潍坊」; drops a leading 山东(省). */
function normaliseName(name: string): string {
  let s = '';
  for (const ch of name) if (ch.trim() !== '' && !DOTS.has(ch)) s += ch;
  for (const province of ['山东省', '山东']) {
    if (s.startsWith(province) && s.length > province.length) return s.slice(province.length);
  }
  return s;
}

/**
 * City channel id of a place name given as a tag or category: a city name (济南, 济南市), a
 * division's full name (章丘区) or its short form (章丘), an alias (泉城), or several of them
 * in a row (山东省济南市章丘区, 威海文登). Undefined when unknown or ambiguous (市中区, or
 * parts naming two cities).
 */
export function cityOfPlaceName(name: string): string | undefined {
  // Reject a long tag before copying it; the slack allows for spaces normaliseName drops.
  if (name.length > MAX_NAME_CHARS * 2) return undefined;
  const s = normaliseName(name);
  if (s.length === 0 || s.length > MAX_NAME_CHARS) return undefined;
  const parts = cover(s);
  if (!parts) return undefined;
  const cities = new Set(parts.filter((c) => c !== undefined));
  return cities.size === 1 ? [...cities][0] : undefined;
}

/** City of the first tag naming a place, in tag order (a tag naming no single city is skipped). */
export function cityFromTags(tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    const city = cityOfPlaceName(tag);
    if (city) return city;
  }
  return undefined;
}

/** The portal's 「山东X：」 / 「X：」 headline convention: the place before the colon, if it is one. */
function cityOfLeadingPlace(text: string): string | undefined {
  const head = text.trimStart().slice(0, PREFIX_WINDOW + 1);
  let colon = -1;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === '：' || head[i] === ':') {
      colon = i;
      break;
    }
  }
  return colon > 0 ? cityOfPlaceName(head.slice(0, colon)) : undefined;
}

/**
 * City named in running text (a headline, or a lead). A leading 「山东X：」, 「山东X:」 or 「X：」
 * whose X is a place wins (山东惠民：… → binzhou, though 惠民 alone is a common word).
 * Otherwise the first city named within the first MAX_SCANNED_CHARS characters: names are
 * taken leftmost and longest, without overlap, so a shield word (山东营商, 华北平原) hides the
 * name inside it. A text naming several cities gives the first one; the caller tries the
 * headline before the lead.
 */
export function cityFromText(text: string): string | undefined {
  const leading = cityOfLeadingPlace(text);
  if (leading) return leading;
  const { text: trie } = getTables();
  const s = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  for (let i = 0; i < s.length;) {
    const m = trie.longestAt(s, i);
    if (!m) {
      i++;
      continue;
    }
    if (m.entry.kind === 'place' && m.entry.city) return m.entry.city;
    i += m.length;
  }
  return undefined;
}
