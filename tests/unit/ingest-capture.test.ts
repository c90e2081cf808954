import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IngestError } from '../../src/ingest/errors';
import { parseMetaLine } from '../../src/ingest/readers/news-meta';
import { looksLikeTextCapture, readTextCapture } from '../../src/ingest/readers/text-capture';
import { ingestErrorOf } from './ingest/helpers';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url), 'utf8');

const SEED_CAPTURES = [
  new URL('../../content/capture/000_271a4622fc35748e.txt', import.meta.url),
  new URL('../../../shared/seed/000_271a4622fc35748e.txt', import.meta.url),
].filter((url) => existsSync(url));

interface SeedArticle {
  title: string;
  date_published: string;
  subtitles: string[];
  source: string;
  authors: string[];
  editor: string;
  credit: string;
  paragraphs: string[];
}
const SEED = JSON.parse(
  readFileSync(
    new URL('../../content/articles/seed-271a4622fc35748e.json', import.meta.url),
    'utf8',
  ),
) as SeedArticle;

function noArticle(read: () => unknown): IngestError {
  const error = ingestErrorOf(read);
  expect(error.code).toBe('no-article');
  return error;
}

describe('parseMetaLine', () => {
  it('parses the portal’s line', () => {
    expect(
      parseMetaLine(
        '发布时间:2023-05-06 10:30:13 | 来源:大众日报 | 作者:刘兵 李子路 房贤刚 | 责任编辑:阚金剑',
      ),
    ).toEqual({
      datePublished: '2023-05-06T10:30:13+08:00',
      source: '大众日报',
      authors: ['刘兵', '李子路', '房贤刚'],
      editor: '阚金剑',
    });
  });

  it('takes full-width colons and bars, runs of spaces, any order and missing fields', () => {
    expect(
      parseMetaLine(
        '来源：潍坊日报｜作者：王五、赵六　　发布时间：2023-05-07 08:05｜责任编辑：孙七',
      ),
    ).toEqual({
      datePublished: '2023-05-07T08:05:00+08:00',
      source: '潍坊日报',
      authors: ['王五', '赵六'],
      editor: '孙七',
    });
    expect(parseMetaLine('时间 : 2023-05-06   编辑:李四')).toEqual({
      datePublished: '2023-05-06T00:00:00+08:00',
      editor: '李四',
    });
    expect(parseMetaLine('发布时间：2023年5月6日 10:30 来源：大众网')).toEqual({
      datePublished: '2023-05-06T10:30:00+08:00',
      source: '大众网',
    });
    expect(parseMetaLine('日期：2023/5/6 9:05 记者：张三，李四')).toEqual({
      datePublished: '2023-05-06T09:05:00+08:00',
      authors: ['张三', '李四'],
    });
  });

  it('reads fields whose elements ran together without separators', () => {
    expect(parseMetaLine('发布时间:2023-05-06 10:30来源:大众网责任编辑:李四')).toEqual({
      datePublished: '2023-05-06T10:30:00+08:00',
      source: '大众网',
      editor: '李四',
    });
  });

  it('keeps 责任编辑 apart from 编辑 and 更新时间 apart from 时间', () => {
    expect(parseMetaLine('更新时间:2023-05-07 来源:大众日报 责任编辑:阚金剑')).toEqual({
      source: '大众日报',
      editor: '阚金剑',
    });
  });

  it('takes a bare date before the first label', () => {
    expect(parseMetaLine('2023-05-06 10:30:13  来源:大众日报')).toEqual({
      datePublished: '2023-05-06T10:30:13+08:00',
      source: '大众日报',
    });
  });

  it('returns undefined for lines that are not metadata', () => {
    expect(parseMetaLine('')).toBeUndefined();
    expect(parseMetaLine('山东省数字强省建设工作推进会召开')).toBeUndefined();
    expect(parseMetaLine('时间：5月5日，地点：济南')).toBeUndefined();
    expect(parseMetaLine('据介绍,来源:大众日报 作者:张三')).toBeUndefined();
    expect(parseMetaLine('作者:张三')).toBeUndefined();
    expect(parseMetaLine(`来源:${'长'.repeat(400)} 作者:张三`)).toBeUndefined();
  });

  it('never throws and stays fast on arbitrary and adversarial text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('来', '源', ':', '：', ' ', '|', '时', '间', '1', '-', '编', '辑'),
        }),
        (s) => {
          const meta = parseMetaLine(s);
          expect(meta === undefined || typeof meta === 'object').toBe(true);
        },
      ),
    );
    const start = performance.now();
    parseMetaLine('来源:'.repeat(60));
    parseMetaLine(`${'时间:'.repeat(50)}2023`);
    parseMetaLine(' '.repeat(1_000_000));
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('finds the fields of any generated line', () => {
    const name = fc.constantFrom('张三', '李四', '王五', '刘兵');
    const sep = fc.constantFrom(' | ', '｜', '  ', '　', ' ｜ ');
    const colon = fc.constantFrom(':', '：');
    fc.assert(
      fc.property(
        fc.shuffledSubarray(['date', 'source', 'authors', 'editor'] as const, { minLength: 2 }),
        fc.array(name, { minLength: 1, maxLength: 3 }),
        sep,
        colon,
        (fields, authors, separator, c) => {
          const parts = fields.map((field) =>
            field === 'date'
              ? `发布时间${c}2023-05-06 10:30:13`
              : field === 'source'
                ? `来源${c}大众日报`
                : field === 'authors'
                  ? `作者${c}${authors.join(' ')}`
                  : `责任编辑${c}阚金剑`,
          );
          const meta = parseMetaLine(parts.join(separator));
          expect(meta?.datePublished).toBe(
            fields.includes('date') ? '2023-05-06T10:30:13+08:00' : undefined,
          );
          expect(meta?.source).toBe(fields.includes('source') ? '大众日报' : undefined);
          expect(meta?.editor).toBe(fields.includes('editor') ? '阚金剑' : undefined);
          expect(meta?.authors).toEqual(
            fields.includes('authors') ? [...new Set(authors)] : undefined,
          );
        },
      ),
    );
  });
});

describe('readTextCapture: the seed', () => {
  it.each(SEED_CAPTURES.map((url) => [url.pathname]))(
    '%s comes out as the seed article',
    (path) => {
      const doc = readTextCapture(readFileSync(path, 'utf8'), path);
      expect(doc.kind).toBe('text-capture');
      expect(doc.skipped).toEqual([]);
      expect(doc.items).toHaveLength(1);
      const item = doc.items[0];
      expect(item).toEqual({
        title: SEED.title,
        subtitles: SEED.subtitles,
        datePublished: SEED.date_published,
        source: SEED.source,
        authors: SEED.authors,
        editor: SEED.editor,
        credit: SEED.credit,
        contentText: SEED.paragraphs.join('\n\n'),
      });
    },
  );

  it('is found by the sniff', () => {
    expect(SEED_CAPTURES.length).toBeGreaterThan(0);
    for (const url of SEED_CAPTURES)
      expect(looksLikeTextCapture(readFileSync(url, 'utf8'))).toBe(true);
  });

  it('reads the same with CRLF line ends and a byte-order mark', () => {
    const text = readFileSync(SEED_CAPTURES[0] ?? '', 'utf8');
    const crlf = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    expect(readTextCapture(crlf, 'crlf')).toEqual(readTextCapture(text, 'lf'));
  });
});

describe('readTextCapture: other captures', () => {
  it('reads a capture with full-width colons, two authors and no 引题', () => {
    const [item] = readTextCapture(fixture('capture-weifang.txt'), 'capture-weifang.txt').items;
    expect(item).toEqual({
      title: '潍坊风筝博物馆新馆向公众开放',
      subtitles: ['千余件藏品讲述风筝文化'],
      datePublished: '2023-05-09T09:00:00+08:00',
      source: '潍坊日报',
      authors: ['陈一', '林二'],
      editor: '周三',
      credit: '（潍坊日报记者 陈一 林二 报道）',
      contentText: [
        '5月8日，潍坊风筝博物馆新馆正式向公众开放。新馆展陈面积约八千平方米，分为历史、技艺、赛事三个展区，集中展示了千余件风筝藏品和制作工具。',
        '新馆设置了互动体验区，观众可以在非遗传承人指导下，亲手扎制一只小风筝。馆方介绍，开馆首月实行免费预约参观，每天接待约三千人次。',
        '“我们希望让更多孩子了解风筝里的传统文化。”馆长说，今年还将推出面向中小学生的研学课程。',
      ].join('\n\n'),
    });
    expect(item?.kicker).toBeUndefined();
  });

  it('keeps the frame and the lists after the article out of the body', () => {
    const [item] = readTextCapture(fixture('capture-weifang.txt'), 'w').items;
    for (const chrome of [
      '热点新闻',
      '滚动',
      '+更多',
      '春耕春播',
      '风筝博物馆夜景',
      '招聘信息',
      '菏泽',
      '搜索',
    ]) {
      expect(item?.contentText).not.toContain(chrome);
    }
  });

  it('takes a 引题 on the line above the headline', () => {
    const text = fixture('capture-weifang.txt').replace(
      '潍坊风筝博物馆新馆向公众开放\n发布时间',
      '让传统文化飞起来\n潍坊风筝博物馆新馆向公众开放\n发布时间',
    );
    const [item] = readTextCapture(text, 'kicker').items;
    expect(item?.kicker).toBe('让传统文化飞起来');
    expect(item?.title).toBe('潍坊风筝博物馆新馆向公众开放');
  });

  it('reads an unindented capture up to the frame, joining wrapped lines', () => {
    const text = [
      '城市',
      '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽',
      '济南新增三处口袋公园',
      '来源:济南日报 | 作者:李明',
      '',
      '近日,济南新增三处口袋公园,',
      '方便周边居民就近休闲。',
      '',
      '公园内设有健身器材和儿童游乐设施。',
      '热点新闻',
      '济南:别的新闻',
    ].join('\n');
    const [item] = readTextCapture(text, 'flat').items;
    expect(item?.title).toBe('济南新增三处口袋公园');
    expect(item?.contentText).toBe(
      '近日，济南新增三处口袋公园，方便周边居民就近休闲。\n\n公园内设有健身器材和儿童游乐设施。',
    );
    expect(item?.subtitles).toBeUndefined();
  });

  it('refuses a capture of the frame alone as no-article, but still recognises it', () => {
    const text = fixture('capture-no-article.txt');
    expect(looksLikeTextCapture(text)).toBe(true);
    expect(noArticle(() => readTextCapture(text, 'capture-no-article.txt')).message).toContain(
      'metadata line',
    );
  });

  it('refuses a metadata line with no paragraphs after it', () => {
    const text =
      '城市\n济南新闻标题\n发布时间:2023-05-06 10:30 | 来源:大众日报\n\n热点新闻\n济南:别的';
    expect(noArticle(() => readTextCapture(text, 'empty-body')).message).toContain('no paragraphs');
  });

  it('refuses a metadata line with only the frame before it', () => {
    const text = '城市\n发布时间:2023-05-06 10:30 | 来源:大众日报\n\n  正文段落。';
    expect(noArticle(() => readTextCapture(text, 'no-title')).message).toContain('headline');
  });
});

describe('looksLikeTextCapture', () => {
  it('rejects markup, JSON and ordinary text', () => {
    expect(looksLikeTextCapture('<?xml version="1.0"?><rss></rss>')).toBe(false);
    expect(looksLikeTextCapture('<!doctype html><p>发布时间:2023-05-06 10:30</p>')).toBe(false);
    expect(looksLikeTextCapture('{"version":"https://jsonfeed.org/version/1.1"}')).toBe(false);
    expect(looksLikeTextCapture('Just some notes.\nNothing here.')).toBe(false);
  });

  it('finds the fictional capture', () => {
    expect(looksLikeTextCapture(fixture('capture-weifang.txt'))).toBe(true);
  });
});

describe('readTextCapture on large input', () => {
  it('stays linear on a huge body and on huge lines', () => {
    const para = `  ${'数字强省建设,'.repeat(200)}。\n\n`;
    const text = `标题\n发布时间:2023-05-06 10:30 | 来源:大众日报\n\n${para.repeat(500)}`;
    const start = performance.now();
    const [item] = readTextCapture(text, 'big').items;
    expect(item?.contentText?.split('\n\n')).toHaveLength(500);
    readTextCapture(`标题\n来源:x 作者:y\n\n  ${'长'.repeat(2_000_000)}`, 'long-line');
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
