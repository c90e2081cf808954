import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../content/lib/errors';
import { assertUniqueIds } from '../../content/lib/feeds';
import type { ArticleRecord } from '../../content/lib/model';
import { loadSources, parseSource } from '../../content/lib/sources';

/** Hand-written sources are checked strictly, and every failure names the file and the field. */

const FILE = 'content/articles/demo-x.json';
const known = (name: string): boolean => name === 'jinan-1';

const valid = {
  id: 'demo-x',
  title: '示例标题',
  date_published: '2023-05-01T08:00:00+08:00',
  channels: ['jinan'],
  city: 'jinan',
  paragraphs: ['第一段。', '第二段（示例内容）。'],
};

function failure(doc: unknown, file = FILE): ContentError {
  try {
    parseSource(file, doc, known);
  } catch (err) {
    if (err instanceof ContentError) return err;
    throw err;
  }
  throw new Error('expected a ContentError');
}

describe('parseSource', () => {
  it('turns a valid source into a record with escaped paragraphs and the figure after the first', () => {
    const record = parseSource(
      FILE,
      {
        ...valid,
        channels: ['photos', 'jinan'],
        paragraphs: ['甲 <b>&', '乙'],
        image: { name: 'jinan-1', alt: '插画：泉水', caption: '泉水（示意插图）' },
      },
      known,
    );
    expect(record.contentHtml).toBe(
      '<p>甲 &lt;b&gt;&amp;</p><figure><img src="../images/jinan-1.svg" alt="插画：泉水" width="640" height="360">' +
        '<figcaption>泉水（示意插图）</figcaption></figure><p>乙</p>',
    );
    expect(record.image).toEqual({ name: 'jinan-1', alt: '插画：泉水' });
    expect(record.origin).toBe(FILE);
  });

  it.each([
    [{ ...valid, title: '' }, 'title', 'must be a non-empty string'],
    [{ ...valid, title: ' 前后空格 ' }, 'title', 'whitespace'],
    [{ ...valid, date_published: '2023-05-01 08:00:00' }, 'date_published', 'RFC 3339'],
    [{ ...valid, date_published: '2023-05-01T08:00:00' }, 'date_published', 'RFC 3339'],
    [{ ...valid, channels: ['jinan', 'nowhere'] }, 'channels[1]', 'unknown channel "nowhere"'],
    [{ ...valid, channels: ['jinan', 'jinan'] }, 'channels[1]', 'repeats'],
    [{ ...valid, city: 'hot' }, 'city', 'must be a city channel id'],
    [{ ...valid, city: 'qingdao' }, 'channels', 'must include the article\'s city "qingdao"'],
    [{ ...valid, authors: ['刘兵', 3] }, 'authors[1]', 'must be a non-empty string'],
    [{ ...valid, subtitles: [] }, 'subtitles', 'non-empty array'],
    [{ ...valid, paragraphs: 'text' }, 'paragraphs', 'non-empty array'],
    [{ ...valid, url: 'ftp://example.com/x' }, 'url', 'http(s)'],
    [{ ...valid, tittle: 'typo' }, 'tittle', 'is not a known field'],
    [{ ...valid, id: 'Demo X' }, 'id', 'lowercase'],
    [{ ...valid, id: 'demo-y' }, 'id', 'must match the file name'],
    [
      { ...valid, channels: ['photos', 'jinan'] },
      'image',
      'required for an article in the "photos" channel',
    ],
    [
      { ...valid, image: { name: 'nope', alt: '图', caption: '图' } },
      'image.name',
      'no image of the pool',
    ],
    [
      { ...valid, image: { name: 'jinan-1', caption: '图' } },
      'image.alt',
      'must be a non-empty string',
    ],
    [
      { ...valid, image: { name: 'jinan-1', alt: '图', caption: '图', size: 1 } },
      'image.size',
      'not a known field',
    ],
  ])('rejects %j naming field %s', (doc, field, problem) => {
    const err = failure(doc);
    expect(err.file).toBe(FILE);
    expect(err.field).toBe(field);
    expect(err.message).toContain(`${FILE}: field "${field}"`);
    expect(err.message).toContain(problem);
  });

  it('rejects a document that is not an object, naming the file', () => {
    expect(failure([valid]).message).toBe(`${FILE}: must contain a JSON object`);
  });
});

describe('loadSources', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names the file that is not valid JSON', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qilu-content-'));
    await writeFile(path.join(dir, 'demo-x.json'), JSON.stringify(valid));
    await writeFile(path.join(dir, 'broken.json'), '{ "id": ');
    await expect(loadSources(dir, known, dir)).rejects.toThrow(/^broken\.json: is not valid JSON/);
  });

  it('reads files in name order and ignores non-JSON files', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qilu-content-'));
    await writeFile(path.join(dir, 'demo-x.json'), JSON.stringify(valid));
    await writeFile(path.join(dir, 'demo-a.json'), JSON.stringify({ ...valid, id: 'demo-a' }));
    await writeFile(path.join(dir, 'notes.txt'), 'not a source');
    const records = await loadSources(dir, known, dir);
    expect(records.map((r) => [r.id, r.origin])).toEqual([
      ['demo-a', 'demo-a.json'],
      ['demo-x', 'demo-x.json'],
    ]);
  });
});

describe('assertUniqueIds', () => {
  it('names both places that use the same id', () => {
    const record = (origin: string): ArticleRecord => ({
      id: 'same',
      title: 't',
      datePublished: valid.date_published,
      channels: ['jinan'],
      contentHtml: '<p>x</p>',
      origin,
    });
    expect(() => assertUniqueIds([record('a.json'), record('generator')])).toThrow(
      'generator: field "id" "same" is already used by a.json',
    );
  });
});
