/**
 * The portal's article vocabulary, shared by the article-page and text-capture readers:
 * the metadata line (发布时间 | 来源 | 作者 | 责任编辑), the closing credit, 副题-like
 * short lines, and the site frame (city list, footer, 热点新闻 lists) that must stay out
 * of an article body.
 *
 * Everything here runs on single lines of untrusted text, so each function either caps the
 * line length or scans it once; no regular expression here can backtrack over unbounded text.
 */

import { parseFeedDate } from './dates';

/** What a metadata line says about its article. */
export interface NewsMeta {
  /** RFC 3339, Beijing time (readers/dates.ts; a line's dates have no zone: +08:00). */
  datePublished?: string;
  /** 来源 */
  source?: string;
  /** 作者 / 记者, one name each. */
  authors?: string[];
  /** 责任编辑 / 编辑 */
  editor?: string;
}

/** Longer lines are body text, not a metadata line (the portal's is well under 100). */
const MAX_META_LINE = 300;

type Field = 'date' | 'source' | 'authors' | 'editor' | 'ignored';

/**
 * Labels, longest first at each start character so that 责任编辑 wins over 编辑 and
 * 发布时间 over 时间. `ignored` labels carry nothing we keep but must still end the value
 * before them (更新时间 would otherwise be read as 时间, 字号 would run into 编辑's value).
 */
const LABELS: readonly (readonly [string, Field])[] = [
  ['发布时间', 'date'],
  ['发布日期', 'date'],
  ['发表时间', 'date'],
  ['更新时间', 'ignored'],
  ['修改时间', 'ignored'],
  ['时间', 'date'],
  ['日期', 'date'],
  ['来源', 'source'],
  ['稿源', 'source'],
  ['作者', 'authors'],
  ['记者', 'authors'],
  ['责任编辑', 'editor'],
  ['责编', 'editor'],
  ['编辑', 'editor'],
  ['通讯员', 'ignored'],
  ['浏览次数', 'ignored'],
  ['浏览', 'ignored'],
  ['阅读', 'ignored'],
  ['点击', 'ignored'],
  ['字号', 'ignored'],
];

/** Characters that separate fields (and are trimmed off values): spaces, bars, slashes. */
function isSeparator(ch: string | undefined): boolean {
  return (
    ch === ' ' ||
    ch === '\t' ||
    ch === '\u3000' ||
    ch === '\u00a0' ||
    ch === '|' ||
    ch === '｜' ||
    ch === '/' ||
    ch === '·' ||
    ch === '丨'
  );
}

function trimSeparators(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isSeparator(value[start])) start++;
  while (end > start && isSeparator(value[end - 1])) end--;
  return value.slice(start, end);
}

/** A label starting at `i` and followed by optional spaces and a colon: its field and where its value starts. */
function labelAt(line: string, i: number): { field: Field; valueStart: number } | undefined {
  for (const [label, field] of LABELS) {
    if (!line.startsWith(label, i)) continue;
    let j = i + label.length;
    while (j < line.length && (line[j] === ' ' || line[j] === '\u3000')) j++;
    if (line[j] === ':' || line[j] === '：') return { field, valueStart: j + 1 };
  }
  return undefined;
}

/**
 * Splits a list of names on spaces, 、 ， , ; ；: the portal writes 「刘兵 李子路 房贤刚」,
 * other sources 「刘兵、李子路」.
 */
export function splitNames(value: string): string[] {
  const names: string[] = [];
  let current = '';
  for (const ch of value) {
    if (/[\s、，,;；/|｜]/u.test(ch)) {
      if (current) names.push(current);
      current = '';
    } else current += ch;
  }
  if (current) names.push(current);
  return names;
}

/** A date at the start of a value that may carry more words after it (「2023-05-06 10:30 大众网」). */
function leadingDate(value: string): string | undefined {
  const whole = parseFeedDate(value);
  if (whole) return whole;
  const words = value.split(/\s+/, 3);
  return (
    (words.length > 1 ? parseFeedDate(`${words[0]} ${words[1]}`) : undefined) ??
    parseFeedDate(words[0] ?? '')
  );
}

/**
 * Parses 「发布时间:2023-05-06 10:30:13 | 来源:大众日报 | 作者:刘兵 李子路 房贤刚 | 责任编辑:阚金剑」:
 * ASCII or full-width colons (: ：) and separators (| ｜ and runs of spaces), fields in any
 * order, some missing; also 时间/日期/编辑/记者 variants, and a bare date before the first
 * label. Returns undefined when the line is not a metadata line: it must start with a
 * label (or a date), and carry a date or at least two known fields, so that a body
 * sentence such as 「时间：5月5日，地点：济南」 is not taken for one.
 */
export function parseMetaLine(line: string): NewsMeta | undefined {
  const text = line.trim();
  if (!text || text.length > MAX_META_LINE) return undefined;

  // One pass: a label can start anywhere (spans run together without separators in a
  // page's textContent), its value runs up to the next label.
  const fields: { field: Field; start: number; end: number }[] = [];
  let lead = -1;
  for (let i = 0; i < text.length;) {
    const label = labelAt(text, i);
    if (!label) {
      i++;
      continue;
    }
    const last = fields[fields.length - 1];
    if (last) last.end = i;
    else lead = i;
    fields.push({ field: label.field, start: label.valueStart, end: text.length });
    i = label.valueStart;
  }
  if (lead < 0) return undefined;

  const meta: NewsMeta = {};
  let known = 0;
  const leadText = trimSeparators(text.slice(0, lead));
  if (leadText) {
    const date = leadingDate(leadText);
    if (!date) return undefined;
    meta.datePublished = date;
  }
  for (const { field, start, end } of fields) {
    const value = trimSeparators(text.slice(start, end));
    if (!value || field === 'ignored') continue;
    known++;
    if (field === 'date') meta.datePublished ??= leadingDate(value);
    else if (field === 'source') meta.source ??= value;
    else if (field === 'editor') meta.editor ??= value;
    else {
      const names = splitNames(value);
      const authors = meta.authors ?? [];
      for (const name of names) if (!authors.includes(name)) authors.push(name);
      if (authors.length) meta.authors = authors;
    }
  }
  return meta.datePublished !== undefined || known >= 2 ? meta : undefined;
}

/** The portal's sixteen cities, as its 城市 list writes them. */
export const CITY_NAMES: readonly string[] = [
  '济南',
  '青岛',
  '淄博',
  '枣庄',
  '东营',
  '烟台',
  '潍坊',
  '济宁',
  '泰安',
  '威海',
  '日照',
  '临沂',
  '德州',
  '聊城',
  '滨州',
  '菏泽',
];

/** Headings and lone lines of the site frame: header links, list titles, "more" links. */
const FRAME_LABELS: ReadonlySet<string> = new Set([
  '首页',
  '搜索',
  '邮箱',
  '联系我们',
  '登录',
  '注册',
  '城市',
  '热点新闻',
  '滚动',
  '滚动新闻',
  '相关新闻',
  '相关阅读',
  '推荐阅读',
  '延伸阅读',
  '热门推荐',
  '精彩推荐',
  '猜你喜欢',
  '图片新闻',
  '更多',
  '+更多',
  '更多>>',
  '更多>',
]);

/** Links of the footer line 「招聘信息 | 版权声明 | 广告合作 | 关于我们 | … | 网站无障碍」. */
const FOOTER_WORDS: readonly string[] = [
  '招聘信息',
  '版权声明',
  '广告合作',
  '关于我们',
  '网站无障碍',
  '违法和不良信息举报',
];

/** Whitespace runs → one space, trimmed (\s covers the full-width space U+3000). */
export function cleanText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** True for a heading or lone link of the site frame (「热点新闻」「滚动」「+更多」「城市」「搜索」…). */
export function isFrameLabel(text: string): boolean {
  const t = cleanText(text);
  return t.length <= 12 && FRAME_LABELS.has(t.replace(/ /g, ''));
}

/** True for the 城市 list: a short text naming at least half of the sixteen cities. */
export function isCityList(text: string): boolean {
  if (text.length > 200) return false;
  let count = 0;
  for (const city of CITY_NAMES) if (text.includes(city)) count++;
  return count >= 8;
}

/** True for the footer line (at least two of 招聘信息, 版权声明, 广告合作, 关于我们, 网站无障碍 …). */
export function isFooterLine(text: string): boolean {
  if (text.length > 400) return false;
  let count = 0;
  for (const word of FOOTER_WORDS) if (text.includes(word)) count++;
  return count >= 2;
}

/** Any line of the site frame: a frame label, the city list or the footer. */
export function isFrameLine(text: string): boolean {
  return isFrameLabel(text) || isCityList(text) || isFooterLine(text);
}

const CREDIT_WORDS = ['记者', '报道', '通讯员', '摄影', '编辑', '摄'];

/**
 * True for the closing credit 「（大众日报客户端记者 刘兵 报道）」: a short text wholly in
 * full-width or ASCII parentheses that names a reporter, photographer or editor.
 */
export function isCreditLine(text: string): boolean {
  const t = text.trim();
  if (t.length < 4 || t.length > 120) return false;
  const opens = t[0] === '（' || t[0] === '(';
  const closes = t.endsWith('）') || t.endsWith(')');
  return opens && closes && CREDIT_WORDS.some((word) => t.includes(word));
}

/** A 副题 or 引题 is one short phrase; body paragraphs are longer or end a sentence. */
const MAX_SUBTITLE = 40;

/** True for a short line that reads as a 副题 / 引题 rather than a paragraph: no sentence end, at most 40 characters. */
export function isSubtitleLike(text: string): boolean {
  const t = cleanText(text);
  if (!t || Array.from(t).length > MAX_SUBTITLE) return false;
  const last = t[t.length - 1];
  return !(last !== undefined && '。！？!?；;…：:'.includes(last)) && !isFrameLine(t);
}
