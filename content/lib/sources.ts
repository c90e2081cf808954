/**
 * Reads and validates the hand-written article sources in `content/articles/`.
 *
 * A source file is a JSON object (see content/README.md). Validation is strict —
 * unknown fields included — because a typo in a field name would otherwise drop
 * data silently; every problem is reported as `file: field "x" …`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isChannelId, isCityId } from './channels';
import { ContentError } from './errors';
import { figure, paragraph } from './html';
import type { ArticleRecord } from './model';

/** Fields a source file may have; anything else is an error. */
const KNOWN_FIELDS = new Set([
  'id',
  'title',
  'date_published',
  'channels',
  'city',
  'kicker',
  'subtitles',
  'source',
  'authors',
  'editor',
  'credit',
  'url',
  'image',
  'paragraphs',
]);

/** RFC 3339 date-time with an explicit offset, as DESIGN.md requires for 发布时间. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Ids are used in file-free routes (`/article/:id`), so keep them URL-safe and readable. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

type Json = Record<string, unknown>;

/** Field readers bound to one file, so every error names that file. */
class FieldReader {
  constructor(
    private readonly file: string,
    private readonly obj: Json,
  ) {}

  fail(field: string, problem: string): never {
    throw new ContentError(this.file, field, problem);
  }

  text(field: string, value: unknown = this.obj[field]): string {
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(field, 'must be a non-empty string');
    }
    if (value !== value.trim()) this.fail(field, 'must not start or end with whitespace');
    return value;
  }

  optionalText(field: string): string | undefined {
    return this.obj[field] === undefined ? undefined : this.text(field);
  }

  textList(field: string, required: boolean): string[] | undefined {
    const value = this.obj[field];
    if (value === undefined && !required) return undefined;
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(field, 'must be a non-empty array of strings');
    }
    return value.map((item: unknown, i) => this.text(`${field}[${i}]`, item));
  }
}

/**
 * Validates one parsed source document and turns it into an article record.
 * `file` is only used in error messages; `imageExists` tells whether a pool image name is known.
 */
export function parseSource(
  file: string,
  doc: unknown,
  imageExists: (name: string) => boolean,
): ArticleRecord {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ContentError(file, '', 'must contain a JSON object');
  }
  const obj = doc as Json;
  const r = new FieldReader(file, obj);
  for (const key of Object.keys(obj)) {
    if (!KNOWN_FIELDS.has(key)) r.fail(key, 'is not a known field');
  }

  const id = r.text('id');
  if (!ID_PATTERN.test(id)) r.fail('id', 'must be lowercase letters, digits and "-" (≤ 80)');
  const expectedName = `${id}.json`;
  if (path.basename(file) !== expectedName) {
    r.fail('id', `must match the file name (expected the file to be called ${expectedName})`);
  }

  const datePublished = r.text('date_published');
  if (!RFC3339.test(datePublished) || Number.isNaN(Date.parse(datePublished))) {
    r.fail(
      'date_published',
      'must be an RFC 3339 date-time with offset, e.g. 2023-05-06T10:30:13+08:00',
    );
  }

  const channels = r.textList('channels', true) ?? [];
  channels.forEach((ch, i) => {
    if (!isChannelId(ch)) r.fail(`channels[${i}]`, `names an unknown channel "${ch}"`);
    if (channels.indexOf(ch) !== i) r.fail(`channels[${i}]`, `repeats channel "${ch}"`);
  });

  const city = r.optionalText('city');
  if (city !== undefined) {
    if (!isCityId(city)) r.fail('city', `must be a city channel id, not "${city}"`);
    if (!channels.includes(city)) r.fail('channels', `must include the article's city "${city}"`);
  }

  const url = r.optionalText('url');
  if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) {
    r.fail('url', 'must be an absolute http(s) URL');
  }

  const image = parseImage(r, obj.image, imageExists);
  if (channels.includes('photos') && image === undefined) {
    r.fail('image', 'is required for an article in the "photos" channel');
  }

  const paragraphs = r.textList('paragraphs', true) ?? [];
  const [first = '', ...rest] = paragraphs;
  const body = [paragraph(first)];
  if (image) body.push(figure(image.name, image.alt, image.caption));
  body.push(...rest.map(paragraph));

  return {
    id,
    title: r.text('title'),
    datePublished,
    channels,
    city,
    kicker: r.optionalText('kicker'),
    subtitles: r.textList('subtitles', false),
    source: r.optionalText('source'),
    authors: r.textList('authors', false),
    editor: r.optionalText('editor'),
    credit: r.optionalText('credit'),
    url,
    image: image && { name: image.name, alt: image.alt },
    contentHtml: body.join(''),
    origin: file,
  };
}

interface SourceImage {
  readonly name: string;
  readonly alt: string;
  readonly caption: string;
}

function parseImage(
  r: FieldReader,
  value: unknown,
  imageExists: (name: string) => boolean,
): SourceImage | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    r.fail('image', 'must be an object { name, alt, caption }');
  }
  const img = value as Json;
  for (const key of Object.keys(img)) {
    if (!['name', 'alt', 'caption'].includes(key)) r.fail(`image.${key}`, 'is not a known field');
  }
  const name = r.text('image.name', img.name);
  if (!imageExists(name)) r.fail('image.name', `names no image of the pool: "${name}"`);
  return { name, alt: r.text('image.alt', img.alt), caption: r.text('image.caption', img.caption) };
}

/**
 * Reads every `*.json` file of `dir` (sorted, so output order never depends on the
 * file system) and returns their records. Files are reported relative to `displayRoot`.
 */
export async function loadSources(
  dir: string,
  imageExists: (name: string) => boolean,
  displayRoot: string = process.cwd(),
): Promise<ArticleRecord[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const records: ArticleRecord[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const shown = path.relative(displayRoot, full) || full;
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(full, 'utf8'));
    } catch (err) {
      throw new ContentError(shown, '', `is not valid JSON (${(err as Error).message})`);
    }
    records.push(parseSource(shown, doc, imageExists));
  }
  return records;
}
