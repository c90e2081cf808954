/**
 * Deterministic demo article generator. For every city it writes enough local
 * stories that each channel pages (2–3 pages of 20), with a share of them
 * illustrated from the image pool, and puts a few into 热点新闻 and 图片新闻.
 * Same code, same output: all randomness comes from a Prng seeded by name.
 */
import { ContentError } from '../lib/errors';
import { escapeHtml, figure } from '../lib/html';
import type { ArticleRecord } from '../lib/model';
import { cityImages } from '../images/pool';
import type { PoolImage } from '../images/pool';
import { CITY_PROFILES } from './cities';
import type { CityProfile, Signature } from './cities';
import { Prng } from './prng';
import { DEMO_AUTHORS, DEMO_EDITORS, DEMO_NOTE, DEMO_SOURCE, THEMES } from './themes';
import type { ThemeName } from './themes';

/** Tunables of the generator; the defaults give 26–44 generated stories a city. */
export interface GeneratorOptions {
  /** Fewest generated stories per city (hand-written ones come on top). */
  readonly minPerCity?: number;
  /** Most generated stories per city. */
  readonly maxPerCity?: number;
  /** Seed prefix; change it to get a different (still deterministic) set. */
  readonly seed?: string;
}

/** Generated stories are dated on these days (China Standard Time), before the seed article. */
const FIRST_DAY = Date.parse('2023-03-20T00:00:00+08:00');
const LAST_DAY = Date.parse('2023-05-06T00:00:00+08:00');
/** …at a newsroom hour: 06:30 to 22:30 (on the last day only until 09:30). */
const DAY_START_S = 6.5 * 3600;
const DAY_END_S = 22.5 * 3600;
const LAST_DAY_END_S = 9.5 * 3600;
const DAY_MS = 24 * 3600 * 1000;
const CST_OFFSET_MS = 8 * 3600 * 1000;

/** Share of illustrated stories: 4 of every 9 (≈44 %), spread evenly through a city's list. */
const IMAGE_SLOTS = new Set([0, 2, 4, 6]);

const THEME_NAMES: readonly ThemeName[] = [
  'tourism',
  'industry',
  'agri',
  'livelihood',
  'eco',
  'culture',
  'tech',
];

type Slots = Record<string, string>;

/** Formats epoch ms as an RFC 3339 date-time in China Standard Time. */
export function formatCst(ms: number): string {
  const d = new Date(ms + CST_OFFSET_MS);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`
  );
}

/** "4月23日" for a date in China Standard Time. */
function monthDay(ms: number): string {
  const d = new Date(ms + CST_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A random publication time on a random day of the window, in whole seconds. */
function randomPublishTime(rng: Prng): number {
  const day = FIRST_DAY + rng.int(0, Math.round((LAST_DAY - FIRST_DAY) / DAY_MS)) * DAY_MS;
  const end = day === LAST_DAY ? LAST_DAY_END_S : DAY_END_S;
  return day + rng.int(DAY_START_S, end) * 1000;
}

/** Fills `{slot}`s; an unknown slot is a bug in the templates and fails the build. */
function fill(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = slots[key];
    if (value === undefined) {
      throw new ContentError(
        'generator',
        key,
        `is used in template "${template}" but has no value`,
      );
    }
    return value;
  });
}

/** Fills a template and turns its `**strong**` / `*em*` marks into HTML (after escaping). */
function richText(template: string, slots: Slots): string {
  return escapeHtml(fill(template, slots))
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(.+?)\*/g, '<em>$1</em>');
}

/** Fills a template as plain text (headlines, metadata): marks are dropped. */
function plainText(template: string, slots: Slots): string {
  return fill(template, slots).replace(/\*/g, '');
}

/**
 * Picks a crop and the county that grows it: `name@county`, or the county the
 * name starts with (章丘大葱 → 章丘区), or any county for city-wide produce.
 */
function cropAndCounty(city: CityProfile, rng: Prng): { crop: string; county: string } {
  const [crop = '', declared] = rng.pick(city.crops).split('@');
  const named = city.counties.find((c) => crop.startsWith(c.replace(/[区县市]$/, '')));
  return { crop, county: declared ?? named ?? rng.pick(city.counties) };
}

/** A story to write: headline, opening paragraph(s) and theme, with its slot values. */
interface StoryPlan {
  readonly title: string;
  readonly lead: string;
  readonly more?: string;
  readonly theme: ThemeName;
  readonly slots: Slots;
}

function baseSlots(city: CityProfile, rng: Prng, sig?: Signature): Slots {
  const others = CITY_PROFILES.filter((c) => c.id !== city.id).map((c) => c.name);
  const grown = cropAndCounty(city, rng);
  return {
    city: city.name,
    cityId: city.id,
    alias: city.alias,
    place: sig?.place ?? rng.pick(city.places),
    crop: sig?.crop ?? grown.crop,
    county: sig?.county ?? grown.county,
    industry: sig?.industry ?? rng.pick(city.industries),
    festival: rng.pick(city.festivals),
    other: rng.pick(others),
    n: String(rng.int(3, 30)),
    n2: String(rng.int(12, 96)),
    pct: String(rng.int(8, 38)),
  };
}

/** Signature stories first, then generic headlines until `count` distinct titles exist. */
function planStories(city: CityProfile, count: number, rng: Prng): StoryPlan[] {
  const plans: StoryPlan[] = city.signatures.map((sig) => ({
    title: sig.title,
    lead: sig.lead,
    theme: sig.theme,
    slots: baseSlots(city, rng, sig),
  }));
  const titles = new Set(plans.map((p) => p.title));
  const generic = THEME_NAMES.flatMap((theme) =>
    THEMES[theme].stories.map((story) => ({ theme, story })),
  );
  let order = rng.shuffle(generic);
  for (let attempt = 0; plans.length < count; attempt++) {
    if (attempt > 50 * count) {
      throw new ContentError('generator', city.id, `could not write ${count} distinct headlines`);
    }
    const next = order[attempt % order.length];
    if (next === undefined) break;
    if (attempt % order.length === order.length - 1) order = rng.shuffle(generic);
    const slots = baseSlots(city, rng);
    const title = plainText(next.story.title, slots);
    if (titles.has(title)) continue;
    titles.add(title);
    plans.push({ title, lead: next.story.lead, more: next.story.more, theme: next.theme, slots });
  }
  return plans;
}

/** A pool image of the city that fits the story's theme (any of the city's when none does). */
function pickImage(city: CityProfile, theme: ThemeName, rng: Prng): PoolImage | undefined {
  const own = cityImages(city.id);
  const fitting = own.filter((img) => img.suits.includes(theme));
  const choices = fitting.length > 0 ? fitting : own;
  return choices.length > 0 ? rng.pick(choices) : undefined;
}

/** Writes the body HTML of one story: 3–6 paragraphs, sometimes a heading, list, quote or link. */
function writeBody(plan: StoryPlan, slots: Slots, rng: Prng, image: PoolImage | undefined): string {
  const theme = THEMES[plan.theme];
  const html: string[] = [`<p>${richText(plan.lead, slots)}</p>`];
  if (image) html.push(figure(image.name, image.alt, image.caption));

  const withList = rng.chance(0.2);
  const opening = plan.more === undefined ? [] : [plan.more];
  const middles = [
    ...opening,
    ...rng.sample(theme.middles, rng.int(1, withList ? 2 : 3) - opening.length),
  ];
  // One heading at most: the list brings its own, otherwise sometimes one before the last middle.
  const headingAt = !withList && rng.chance(0.3) ? middles.length - 1 : -1;
  middles.forEach((m, i) => {
    if (i === headingAt)
      html.push(`<h2>${escapeHtml(plainText(rng.pick(theme.headings), slots))}</h2>`);
    html.push(`<p>${richText(m, slots)}</p>`);
  });
  if (withList) {
    const list = rng.pick(theme.lists);
    const items = list.items.map((item) => `<li>${richText(item, slots)}</li>`);
    html.push(`<h2>${escapeHtml(plainText(list.heading, slots))}</h2><ul>${items.join('')}</ul>`);
  }
  if (rng.chance(0.15)) {
    html.push(`<blockquote><p>“${richText(rng.pick(theme.quotes), slots)}”</p></blockquote>`);
  }
  if (rng.chance(0.2)) {
    const href = `https://www.example.com/${slots.cityId ?? 'shandong'}/${rng.int(100, 999)}`;
    html.push(
      `<p>更多信息可查阅<a href="${escapeHtml(href)}">${escapeHtml(plainText(theme.linkText, slots))}</a>。</p>`,
    );
  }
  html.push(`<p>${escapeHtml(DEMO_NOTE)}</p>`);
  return html.join('');
}

/** Generates one city's stories (without hot/photos picks). */
function generateCity(city: CityProfile, options: Required<GeneratorOptions>): ArticleRecord[] {
  const rng = new Prng(`${options.seed}:${city.id}`);
  const count = rng.int(options.minPerCity, options.maxPerCity);
  const plans = planStories(city, count, rng);

  return plans.map((plan, i) => {
    const ms = randomPublishTime(rng);
    const slots: Slots = { ...plan.slots, md: monthDay(ms) };
    const theme = THEMES[plan.theme];
    const pooled = IMAGE_SLOTS.has(i % 9) ? pickImage(city, plan.theme, rng) : undefined;
    const authors = rng.chance(0.5) ? rng.sample(DEMO_AUTHORS, rng.int(1, 2)) : undefined;
    return {
      id: `demo-${city.id}-${String(i + 1).padStart(2, '0')}`,
      title: plan.title,
      datePublished: formatCst(ms),
      channels: [city.id],
      city: city.id,
      kicker: rng.chance(0.15) ? plainText(rng.pick(theme.kickers), slots) : undefined,
      subtitles: rng.chance(0.15) ? [plainText(rng.pick(theme.subtitles), slots)] : undefined,
      source: rng.chance(0.6) ? DEMO_SOURCE : undefined,
      authors,
      editor: rng.chance(0.5) ? rng.pick(DEMO_EDITORS) : undefined,
      credit: authors && rng.chance(0.3) ? `（示例记者 ${authors.join(' ')} 报道）` : undefined,
      image: pooled && { name: pooled.name, alt: pooled.alt },
      contentHtml: writeBody(plan, slots, rng, pooled),
      origin: 'generator',
    };
  });
}

/**
 * Puts two stories of the city into 热点新闻 (the first always illustrated, so
 * the section has pictures) and about one in seven illustrated stories into 图片新闻.
 */
function withSectionPicks(records: ArticleRecord[], rng: Prng): ArticleRecord[] {
  const illustrated = records.filter((r) => r.image);
  const hot = new Set<string>();
  const firstHot = rng.pick(illustrated.length > 0 ? illustrated : records);
  hot.add(firstHot.id);
  hot.add(rng.pick(records.filter((r) => r.id !== firstHot.id)).id);
  return records.map((r) => {
    const extra: string[] = [];
    if (hot.has(r.id)) extra.push('hot');
    if (r.image && rng.chance(0.15)) extra.push('photos');
    return extra.length > 0 ? { ...r, channels: [...extra, ...r.channels] } : r;
  });
}

/** Generates the demo articles of every city, deterministically. */
export function generateDemoArticles(options: GeneratorOptions = {}): ArticleRecord[] {
  const opts: Required<GeneratorOptions> = {
    minPerCity: options.minPerCity ?? 26,
    maxPerCity: options.maxPerCity ?? 44,
    seed: options.seed ?? 'qilu-demo-v1',
  };
  return CITY_PROFILES.flatMap((city) =>
    withSectionPicks(generateCity(city, opts), new Prng(`${opts.seed}:${city.id}:sections`)),
  );
}
