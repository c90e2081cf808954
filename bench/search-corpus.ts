/**
 * The search benchmark's corpus and queries, generated deterministically (a
 * seeded PRNG, no Math.random) from fragments of the real content/: its
 * sentences and headlines, with generated people, places, figures and Latin
 * tokens mixed in so the vocabulary keeps growing with the corpus the way
 * real news does. Runs in the benchmark page (no Node APIs); the PRNG is the
 * demo content's own.
 */
import { Prng } from '../content/demo/prng';
import type { Article } from '../src/shared/feed/types';

/** What the corpus is made from: extracted from content/ by bench/search.ts. */
export interface CorpusPool {
  /** Sentences of the demo and hand-written articles (placeholder names removed). */
  readonly sentences: readonly string[];
  /** Headlines. */
  readonly titles: readonly string[];
  /** City channels: id and name. */
  readonly cities: readonly { readonly id: string; readonly title: string }[];
}

/** One benchmark query and the channel it is limited to, if any. */
export interface BenchQuery {
  readonly kind: string;
  readonly query: string;
  readonly channelId?: string;
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红飞鹏宇浩凯健俊帆帅旭宁亮成志新海波峰建文斌立晨晓欣然怡雪琳晶婷佳悦嘉瑞博睿昊轩泽宏鑫';
const PLACE_SUFFIX = ['街道', '镇', '村', '社区', '产业园', '开发区', '工业园', '新区'];
const ORG_SUFFIX = ['公司', '集团', '合作社', '研究院', '学校', '医院', '中心'];
const SOURCES = ['大众日报', '齐鲁晚报', '大众网', '山东广播电视台', '新华社', '示例来源'];
const LATIN = ['5G', 'AI', 'GDP', 'APP', 'CPI', 'PM2.5', 'ETC', 'VR', 'LED', 'CBD', '6G', 'iPhone'];

/** A made-up personal name: a surname and one or two given-name characters. */
function personName(rng: Prng): string {
  const given = rng.int(1, 2);
  let name = rng.pick([...SURNAMES]);
  for (let i = 0; i < given; i++) name += rng.pick([...GIVEN]);
  return name;
}

/** A made-up place or organisation in `city`. */
function placeName(rng: Prng, city: string): string {
  const core = rng.pick([...GIVEN]) + rng.pick([...GIVEN]);
  return rng.next() < 0.5
    ? `${city}${core}${rng.pick(PLACE_SUFFIX)}`
    : `${core}${rng.pick(ORG_SUFFIX)}`;
}

/** A figure as news writes them. */
function figure(rng: Prng): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `${rng.int(2015, 2024)}年`;
    case 1:
      return `${rng.int(1, 12)}月${rng.int(1, 28)}日`;
    case 2:
      return `${rng.int(1, 999)}.${rng.int(0, 9)}亿元`;
    case 3:
      return `${rng.int(1, 99)}.${rng.int(0, 9)}%`;
    default:
      return `${rng.int(2, 5000)}个`;
  }
}

/** A sentence of the pool with a few of its words swapped for generated ones. */
function sentence(rng: Prng, pool: CorpusPool, city: string, people: readonly string[]): string {
  let text = rng.pick(pool.sentences);
  // The demo text uses stock placeholder names; real news names many people.
  text = text.replace(/张三|李四|王五|赵六|孙七|周八/gu, () => rng.pick(people));
  const extra = rng.next();
  if (extra < 0.25) text = `${placeName(rng, city)}${text}`;
  else if (extra < 0.45) text = text.replace(/。$/u, `，${figure(rng)}。`);
  else if (extra < 0.55) text = text.replace(/。$/u, `，${rng.pick(LATIN)}应用加快落地。`);
  return text;
}

/** Article `index` of the corpus: about `meanLength` characters of body in paragraphs. */
function article(rng: Prng, pool: CorpusPool, index: number, meanLength: number): Article {
  const city = pool.cities[Math.floor(index / 20) % pool.cities.length] ?? {
    id: 'jinan',
    title: '济南',
  };
  const people = Array.from({ length: 4 }, () => personName(rng));
  const target = Math.max(600, Math.round(meanLength * (0.7 + 0.6 * rng.next())));
  const paragraphs: string[] = [];
  let length = 0;
  while (length < target) {
    let paragraph = '';
    const sentences = rng.int(2, 5);
    for (let i = 0; i < sentences; i++) paragraph += sentence(rng, pool, city.title, people);
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  const text = paragraphs.join('\n');
  const title = rng.pick(pool.titles).replace(/^[^：:]{0,6}[：:]/u, `${city.title}：`);
  // Newest first, about one article every 40 minutes, over some 9 months.
  const published = Date.parse('2024-06-30T20:00:00+08:00') - index * 40 * 60 * 1000;
  const date = new Date(published + 8 * 3600 * 1000).toISOString().slice(0, 19);
  return {
    id: `bench-${index}`,
    title,
    ...(rng.next() < 0.3 && { kicker: sentence(rng, pool, city.title, people).slice(0, 18) }),
    subtitles: rng.next() < 0.2 ? [rng.pick(pool.titles)] : [],
    datePublished: `${date}+08:00`,
    source: rng.pick(SOURCES),
    authors: people.slice(0, rng.int(1, 3)),
    summary: text.replace(/\n/gu, '').slice(0, 80),
    tags: [],
    city: city.id,
    blocks: paragraphs.map((paragraph) => ({ t: 'p' as const, c: [paragraph] })),
    text,
  };
}

/** The corpus: `count` articles, newest first, in pages of 20 that each belong to one city. */
export function generateCorpus(pool: CorpusPool, count: number, meanLength = 1500): Article[] {
  const rng = new Prng(0x5eed_2024);
  return Array.from({ length: count }, (_, index) => article(rng, pool, index, meanLength));
}

/** The Latin tokens and years the generator writes. */
const LATIN_OR_YEAR = /(?:5G|6G|AI|GDP|APP|CPI|PM2\.5|ETC|VR|LED|CBD|iPhone|20\d\d年)/u;

/** A run of `length` CJK characters from `text` (no punctuation, digits or Latin), if one is found. */
function cjkRun(rng: Prng, text: string, length: number): string | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const start = rng.int(0, Math.max(0, text.length - length));
    const slice = text.slice(start, start + length);
    if (slice.length === length && /^[\u4e00-\u9fff]+$/u.test(slice)) return slice;
  }
  return undefined;
}

/**
 * 200 varied queries over `articles`: words and longer phrases cut from the
 * text (across word boundaries too), single characters, people's names,
 * two-phrase queries, Latin letters and figures, full-width and traditional
 * spellings, and searches limited to one channel. `traditional` maps a
 * simplified character to a traditional one (from the same OpenCC table).
 */
export function generateQueries(
  articles: readonly Article[],
  traditional: ReadonlyMap<string, string>,
  channelOf: (article: Article) => string,
): BenchQuery[] {
  const rng = new Prng(0x9e37_79b9);
  const queries: BenchQuery[] = [];
  const some = (): Article => rng.pick(articles);
  /** Adds `count` distinct queries of `kind`; `make` may fail (undefined) and is retried. */
  const add = (
    kind: string,
    count: number,
    make: () => string | { query: string; channelId: string } | undefined,
  ): void => {
    for (let added = 0, tries = 0; added < count && tries < count * 50; tries++) {
      const made = make();
      if (!made) continue;
      const query: BenchQuery =
        typeof made === 'string' ? { kind, query: made } : { kind, ...made };
      if (
        queries.some((known) => known.query === query.query && known.channelId === query.channelId)
      ) {
        continue;
      }
      queries.push(query);
      added++;
    }
  };
  add('word (2–4 characters)', 55, () => cjkRun(rng, some().text, rng.int(2, 4)));
  add('phrase across words (5–8)', 30, () => cjkRun(rng, some().text, rng.int(5, 8)));
  add('single character', 20, () => cjkRun(rng, some().text, 1));
  add('person', 20, () => rng.pick(some().authors));
  add('two phrases', 20, () => {
    const text = some().text;
    const a = cjkRun(rng, text, rng.int(2, 3));
    const b = cjkRun(rng, text, rng.int(2, 4));
    return a && b && a !== b ? `${a} ${b}` : undefined;
  });
  add('Latin and figures', 15, () => LATIN_OR_YEAR.exec(some().text)?.[0]);
  add('full-width', 5, () =>
    /(?:5G|GDP|APP|AI|20\d\d)/u
      .exec(some().text)?.[0]
      .replace(/[!-~]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)),
  );
  add('traditional', 15, () => {
    const run = cjkRun(rng, some().text, rng.int(2, 4));
    if (!run || ![...run].some((char) => traditional.has(char))) return undefined;
    return [...run].map((char) => traditional.get(char) ?? char).join('');
  });
  add('in one channel', 20, () => {
    const article = some();
    const query = cjkRun(rng, article.text, rng.int(2, 3));
    return query && { query, channelId: channelOf(article) };
  });
  return queries;
}
